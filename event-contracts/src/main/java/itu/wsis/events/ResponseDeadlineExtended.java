package itu.wsis.events;

import java.time.Instant;
import java.util.UUID;

public record ResponseDeadlineExtended(UUID eventId, Instant occurredAt, UUID invitationId, Deadline responseDeadline)
        implements InvitationEvent {

    public static final String TYPE = "ResponseDeadlineExtended.v1";
}
