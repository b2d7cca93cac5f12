package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/** The secretariat (or a per-forum policy such as a late request under REJECT) refused a request. */
@JsonClassDescription("The secretariat (or a per-forum policy such as a late request under REJECT) refused a speaking request. Key: the invitation id.")
public record SpeakingRequestRejected(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                      String reason, UUID releasedSessionId) implements InvitationEvent {

    public static final String TYPE = "SpeakingRequestRejected.v1";
}
