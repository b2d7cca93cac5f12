package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("The secretariat revoked an invitation: its personal link stops working and no reply is taken any more. Key: the invitation id.")
public record InvitationRevoked(UUID eventId, Instant occurredAt, UUID invitationId, String reason)
        implements InvitationEvent {

    public static final String TYPE = "InvitationRevoked.v1";
}
