package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;
import itu.wsis.events.Deadline;
import itu.wsis.events.InvitationEvent;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.ResponseDeadlineExtended;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What the secretariat may do to an issued invitation: revoke it, extend its response deadline, reissue its personal
 * link. Each decision takes the invitation as stored, the moment and the input, and returns the changed state with
 * the event to publish; a refusal is a {@link LifecycleViolation} (409) or an {@link InvalidChange} (400).
 */
public final class InvitationLifecycle {

    /**
     * The invitation as stored: {@code status} is never EXPIRED here (that is how an ISSUED invitation reads once its
     * deadline has passed, see {@link InvitationStatus#effectiveAt}).
     */
    public record State(UUID id, InvitationStatus status, Instant statusChangedAt, String revocationReason,
                        Deadline responseDeadline, int linkVersion, Instant linkExpiresAt) {
    }

    /** The changed state and the one event that says so. */
    public record Change(State state, InvitationEvent event) {
    }

    private InvitationLifecycle() {
    }

    /** A revocation is final: a revoked invitation cannot be revoked again. */
    public static Change revoke(State current, String reason, Instant now, Actor actor) {
        InvitationStatus next = current.status().revoke();
        State revoked = new State(current.id(), next, now, reason, current.responseDeadline(),
                current.linkVersion(), current.linkExpiresAt());
        return new Change(revoked, new InvitationRevoked(UUID.randomUUID(), now, current.id(), reason, actor));
    }

    /**
     * A later day only, ending at the end of that day in the zone of the current deadline. An expired invitation may
     * be extended (that is how it reads ISSUED again); a revoked one may not.
     */
    public static Change extendDeadline(State current, LocalDate newDate, Instant now, Actor actor) {
        current.status().requireNotRevoked();
        LocalDate date = current.responseDeadline().date();
        if (!newDate.isAfter(date)) {
            throw new InvalidChange("responseDeadline", "must be later than the current deadline " + date);
        }
        Deadline deadline = Deadline.byEndOf(newDate, ZoneId.of(current.responseDeadline().timeZone()));
        State extended = new State(current.id(), current.status(), current.statusChangedAt(),
                current.revocationReason(), deadline, current.linkVersion(), current.linkExpiresAt());
        return new Change(extended, new ResponseDeadlineExtended(UUID.randomUUID(), now, current.id(), deadline,
                actor));
    }

    /**
     * The next link version: verifiers refuse every link of an older version from the event on. Nobody is left to
     * send a new link to once the person's data was erased, and a revoked invitation has no link to renew.
     */
    public static Change reissueLink(State current, boolean inviteeErased, Instant now, Actor actor) {
        if (inviteeErased) {
            throw erased();
        }
        current.status().requireNotRevoked();
        int version = current.linkVersion() + 1;
        State reissued = new State(current.id(), current.status(), current.statusChangedAt(),
                current.revocationReason(), current.responseDeadline(), version, current.linkExpiresAt());
        return new Change(reissued, new PersonalLinkReissued(UUID.randomUUID(), now, current.id(), version,
                current.linkExpiresAt(), actor));
    }

    /** An erased person gets no new invitation and no new link: there is no one left to address them to. */
    public static void requireNotErased(boolean inviteeErased) {
        if (inviteeErased) {
            throw erased();
        }
    }

    private static LifecycleViolation erased() {
        return new LifecycleViolation("personal-data-erased",
                "This person's personal data was erased on request: nothing more can be sent to them.");
    }
}
