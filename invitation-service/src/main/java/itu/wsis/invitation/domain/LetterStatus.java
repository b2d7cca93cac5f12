package itu.wsis.invitation.domain;

/** The lifecycle of one revision of a circular letter. */
public enum LetterStatus {
    DRAFT, PUBLISHED;

    public LetterStatus publish() {
        if (this != DRAFT) {
            throw new LifecycleViolation("letter-already-published", "This revision is already published.");
        }
        return PUBLISHED;
    }

    /** A published letter was sent to governments: what it said must stay what it said. */
    public void requireEditable() {
        if (this != DRAFT) {
            throw new LifecycleViolation("letter-published",
                    "A published letter cannot be changed; create a new revision to correct it.");
        }
    }

    public void requireIssuable() {
        if (this != PUBLISHED) {
            throw new LifecycleViolation("letter-not-published",
                    "Invitations are issued only from a published letter.");
        }
    }
}
