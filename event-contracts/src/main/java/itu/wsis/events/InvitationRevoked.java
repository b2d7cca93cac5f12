package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("The secretariat revoked an invitation: its personal link stops working and no reply is taken any more. Key: the invitation id.")
public record InvitationRevoked(UUID eventId, Instant occurredAt, UUID invitationId, String reason, Actor actor)
        implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "InvitationRevoked.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public InvitationRevoked(UUID eventId, Instant occurredAt, UUID invitationId, String reason) {
        this(eventId, occurredAt, invitationId, reason, null);
    }

    @Override
    public InvitationRevoked withActor(Actor actor) {
        return new InvitationRevoked(eventId, occurredAt, invitationId, reason, actor);
    }
}
