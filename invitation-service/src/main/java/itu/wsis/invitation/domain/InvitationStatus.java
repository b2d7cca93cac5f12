package itu.wsis.invitation.domain;

import itu.wsis.events.Deadline;
import itu.wsis.events.ReplyStatus;

import java.time.Instant;

/**
 * ISSUED, then ACCEPTED or DECLINED as registration reports replies, or REVOKED by the secretariat. EXPIRED is
 * never stored: it is how an ISSUED invitation reads once its (possibly extended) deadline has passed, so that an
 * extension or a moved clock needs no sweep to be right.
 */
public enum InvitationStatus {
    ISSUED, ACCEPTED, DECLINED, REVOKED, EXPIRED;

    public InvitationStatus effectiveAt(Instant responseDeadlineEndsAt, Instant now) {
        return this == ISSUED && Deadline.hasPassed(responseDeadlineEndsAt, now) ? EXPIRED : this;
    }

    public InvitationStatus revoke() {
        requireNotRevoked();
        return REVOKED;
    }

    public void requireNotRevoked() {
        if (this == REVOKED) {
            throw new LifecycleViolation("invitation-revoked", "This invitation has been revoked.");
        }
    }

    /**
     * The status a reply from registration leads to. A revocation wins over a late reply. A withdrawn
     * acceptance means the delegation no longer attends: the invitation reads DECLINED, and the reply status
     * (WITHDRAWN) tells the two apart.
     */
    public InvitationStatus reflect(ReplyStatus reply) {
        return this == REVOKED ? REVOKED : onReply(reply);
    }

    /** The status a reply leads to from any status but REVOKED, which {@link #reflect} keeps. */
    public static InvitationStatus onReply(ReplyStatus reply) {
        return switch (reply) {
            case ACCEPTED -> ACCEPTED;
            case DECLINED, WITHDRAWN -> DECLINED;
        };
    }

    /** Only these are ever written to the database. */
    public boolean stored() {
        return this != EXPIRED;
    }
}
