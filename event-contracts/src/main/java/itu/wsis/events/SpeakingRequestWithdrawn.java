package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("A speaking request ended: withdrawn by the delegation, or because it no longer attends; its slot, if any, is released. Key: the invitation id.")
public record SpeakingRequestWithdrawn(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                       String reason, UUID releasedSessionId,
        SessionKind sessionKind,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakingRequestWithdrawn.v1";

    /** Without an actor, added later as an optional member (docs/events.md, "Compatibility"): null reads as unknown. */
    public SpeakingRequestWithdrawn(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            String reason, UUID releasedSessionId, SessionKind sessionKind) {
        this(eventId, occurredAt, invitationId, requestId, reason, releasedSessionId, sessionKind, null);
    }

    @Override
    public SpeakingRequestWithdrawn withActor(Actor actor) {
        return new SpeakingRequestWithdrawn(eventId, occurredAt, invitationId, requestId, reason, releasedSessionId,
                sessionKind, actor);
    }

    /**
     * Without a session kind, added later as an optional member (docs/events.md, "Compatibility"): null, as in
     * events written before it, means a high-level policy session.
     */
    public SpeakingRequestWithdrawn(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId, String reason,
            UUID releasedSessionId) {
        this(eventId, occurredAt, invitationId, requestId, reason, releasedSessionId, null, null);
    }
}
