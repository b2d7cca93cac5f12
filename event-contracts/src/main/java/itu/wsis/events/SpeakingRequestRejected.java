package itu.wsis.events;

import java.time.Instant;
import java.util.UUID;

/** The secretariat (or a per-forum policy such as a late request under REJECT) refused a request. */
public record SpeakingRequestRejected(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                      String reason, UUID releasedSessionId) implements InvitationEvent {

    public static final String TYPE = "SpeakingRequestRejected.v1";
}
