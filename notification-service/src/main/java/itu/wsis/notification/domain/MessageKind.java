package itu.wsis.notification.domain;

/**
 * Every email this service sends. {@code actionRequired} messages ask the recipient to do something before a
 * deadline and carry the localized "[Action required]" subject prefix; the others are receipts.
 */
public enum MessageKind {
    INVITATION(true),
    LINK_REISSUED(true),
    REPLY_ACCEPTED(false),
    REPLY_DECLINED(false),
    REPLY_CHANGED(false),
    REPLY_WITHDRAWN(false),
    SPEAKING_REQUEST_RECEIVED(false),
    SPEAKING_SLOT_ALLOCATED(false),
    SPEAKING_REQUEST_WAITLISTED(false),
    SPEAKING_REQUEST_PROMOTED(false),
    SPEAKING_REQUEST_REJECTED(false),
    SPEAKER_SUBSTITUTED(false),
    REMINDER_RESPONSE(true),
    REMINDER_SPEAKING_REQUEST(true);

    private final boolean actionRequired;

    MessageKind(boolean actionRequired) {
        this.actionRequired = actionRequired;
    }

    public boolean actionRequired() {
        return actionRequired;
    }

    public boolean reminder() {
        return this == REMINDER_RESPONSE || this == REMINDER_SPEAKING_REQUEST;
    }

    /** The message-catalog key prefix of this kind, e.g. {@code reply_accepted}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
