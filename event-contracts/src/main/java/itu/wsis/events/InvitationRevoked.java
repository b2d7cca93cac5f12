package itu.wsis.events;

import java.time.Instant;
import java.util.UUID;

public record InvitationRevoked(UUID eventId, Instant occurredAt, UUID invitationId, String reason)
        implements InvitationEvent {

    public static final String TYPE = "InvitationRevoked.v1";
}
