package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation was issued. It carries no personal-link token: the link is signed by the sender at send time
 * (docs/adr/0002-personal-link-tokens.md); {@code linkVersion} lets verifiers refuse superseded links.
 */
@JsonClassDescription("An invitation was issued. It carries no personal-link token: the sender signs the link at send time, and `linkVersion` lets verifiers refuse superseded links. Key: the invitation id.")
public record InvitationIssued(
        UUID eventId,
        Instant occurredAt,
        UUID invitationId,
        UUID forumId,
        String forumCode,
        UUID letterId,
        String letterReference,
        InviteeContact invitee,
        Deadline responseDeadline,
        Deadline speakingRequestDeadline,
        int linkVersion,
        Instant linkExpiresAt,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "InvitationIssued.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public InvitationIssued(UUID eventId, Instant occurredAt, UUID invitationId, UUID forumId, String forumCode,
            UUID letterId, String letterReference, InviteeContact invitee, Deadline responseDeadline,
            Deadline speakingRequestDeadline, int linkVersion, Instant linkExpiresAt) {
        this(eventId, occurredAt, invitationId, forumId, forumCode, letterId, letterReference, invitee,
                responseDeadline, speakingRequestDeadline, linkVersion, linkExpiresAt, null);
    }

    @Override
    public InvitationIssued withActor(Actor actor) {
        return new InvitationIssued(eventId, occurredAt, invitationId, forumId, forumCode, letterId, letterReference,
                invitee, responseDeadline, speakingRequestDeadline, linkVersion, linkExpiresAt, actor);
    }
}
