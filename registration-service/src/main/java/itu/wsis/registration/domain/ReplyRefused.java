package itu.wsis.registration.domain;

/** A well-formed reply that the reply's current state or the deadline does not allow. */
public final class ReplyRefused extends RuntimeException {

    public enum Reason {
        /** Late first reply under the REJECT policy. */
        DEADLINE_PASSED,
        /** The deadline has passed and the invitee had accepted: only the secretariat can change it now. */
        LOCKED_AFTER_DEADLINE,
        /** Only an accepted invitation can be withdrawn. */
        NOT_ACCEPTED,
        /** A correction needs a reply to correct. */
        NOTHING_TO_CORRECT
    }

    private final Reason reason;

    public ReplyRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
