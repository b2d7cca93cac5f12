package itu.wsis.events;

import java.time.Instant;
import java.util.UUID;

public record SpeakingRequestWaitlisted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                        int position, String reason) implements InvitationEvent {

    public static final String TYPE = "SpeakingRequestWaitlisted.v1";
}
