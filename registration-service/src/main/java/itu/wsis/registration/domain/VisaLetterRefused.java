package itu.wsis.registration.domain;

/** A visa support letter that the invitation's current reply does not allow. */
public final class VisaLetterRefused extends RuntimeException {

    public enum Reason {
        /** The current reply is not an acceptance in person (none yet, remote, declined or withdrawn). */
        NOT_IN_PERSON,
        /** The current delegation has no member at that position. */
        UNKNOWN_MEMBER,
        /** The forum's in-person dates are not known to this service yet: the letter would have to leave them out. */
        FORUM_DATES_UNKNOWN
    }

    private final Reason reason;

    public VisaLetterRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
