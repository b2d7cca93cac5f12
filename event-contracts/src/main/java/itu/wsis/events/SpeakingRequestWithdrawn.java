package itu.wsis.events;

import java.time.Instant;
import java.util.UUID;

public record SpeakingRequestWithdrawn(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                       String reason, UUID releasedSessionId) implements InvitationEvent {

    public static final String TYPE = "SpeakingRequestWithdrawn.v1";
}
