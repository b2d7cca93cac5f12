package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/** The secretariat (or a per-forum policy such as a late request under REJECT) refused a request. */
@JsonClassDescription("The secretariat (or a per-forum policy such as a late request under REJECT) refused a speaking request. Key: the invitation id.")
public record SpeakingRequestRejected(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                      String reason, UUID releasedSessionId,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakingRequestRejected.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public SpeakingRequestRejected(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            String reason, UUID releasedSessionId) {
        this(eventId, occurredAt, invitationId, requestId, reason, releasedSessionId, null);
    }

    @Override
    public SpeakingRequestRejected withActor(Actor actor) {
        return new SpeakingRequestRejected(eventId, occurredAt, invitationId, requestId, reason, releasedSessionId,
                actor);
    }
}
