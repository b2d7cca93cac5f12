package itu.wsis.notification.domain;

/**
 * Every email this service sends. {@code mayAskForAction} messages can ask the recipient to do something before a
 * deadline, and then carry the localized "[Action required]" subject prefix; whether one does is decided when it is
 * written ({@link ActionPolicy}): an invitation issued after its deadline asks for nothing. The others are notices
 * and receipts.
 */
public enum MessageKind {
    INVITATION(true),
    LINK_REISSUED(true),
    DEADLINE_EXTENDED(true),
    INVITATION_REVOKED(false),
    REPLY_ACCEPTED(false),
    REPLY_DECLINED(false),
    REPLY_CHANGED(false),
    REPLY_WITHDRAWN(false),
    SPEAKING_REQUEST_RECEIVED(false),
    SPEAKING_SLOT_ALLOCATED(false),
    SPEAKING_SLOT_MOVED(false),
    SPEAKING_SLOT_CANCELLED(false),
    SPEAKING_REQUEST_WAITLISTED(false),
    SPEAKING_REQUEST_PROMOTED(false),
    SPEAKING_REQUEST_REJECTED(false),
    SPEAKER_SUBSTITUTED(false),
    IN_PERSON_WEEK_CHANGED(false),
    REMINDER_RESPONSE(true),
    REMINDER_SPEAKING_REQUEST(true);

    private final boolean mayAskForAction;

    MessageKind(boolean mayAskForAction) {
        this.mayAskForAction = mayAskForAction;
    }

    public boolean mayAskForAction() {
        return mayAskForAction;
    }

    public boolean reminder() {
        return this == REMINDER_RESPONSE || this == REMINDER_SPEAKING_REQUEST;
    }

    /** The message-catalog key prefix of this kind, e.g. {@code reply_accepted}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
