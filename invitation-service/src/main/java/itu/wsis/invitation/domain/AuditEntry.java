package itu.wsis.invitation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail. Ids, codes, counts and dates only: never a name, an e-mail address or a free text an
 * invitee or a staff member typed (a reason, a note), so that the trail needs no erasure. {@code actorSubject} is a
 * staff member's JWT subject, null for every other actor. The ids are null where the event does not concern one (a
 * forum's publication has no invitation); {@code forumId} and {@code letterId} of an invitation's event are filled in
 * from the invitation when it is stored.
 */
public record AuditEntry(
        UUID eventId,
        String eventType,
        Instant occurredAt,
        UUID forumId,
        UUID letterId,
        UUID invitationId,
        UUID sessionId,
        UUID speakingRequestId,
        AuditAction action,
        AuditActorKind actorKind,
        String actorSubject,
        String channel,
        String documentReference,
        String summary) {
}
