package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/** The secretariat (or a per-forum policy such as a late request under REJECT) refused a request. */
@JsonClassDescription("The secretariat (or a per-forum policy such as a late request under REJECT) refused a speaking request. Key: the invitation id.")
public record SpeakingRequestRejected(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                      String reason, UUID releasedSessionId,
        SessionKind sessionKind,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakingRequestRejected.v1";

    /** Without an actor, added later as an optional member (docs/events.md, "Compatibility"): null reads as unknown. */
    public SpeakingRequestRejected(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            String reason, UUID releasedSessionId, SessionKind sessionKind) {
        this(eventId, occurredAt, invitationId, requestId, reason, releasedSessionId, sessionKind, null);
    }

    @Override
    public SpeakingRequestRejected withActor(Actor actor) {
        return new SpeakingRequestRejected(eventId, occurredAt, invitationId, requestId, reason, releasedSessionId,
                sessionKind, actor);
    }

    /**
     * Without a session kind, added later as an optional member (docs/events.md, "Compatibility"): null, as in
     * events written before it, means a high-level policy session.
     */
    public SpeakingRequestRejected(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId, String reason,
            UUID releasedSessionId) {
        this(eventId, occurredAt, invitationId, requestId, reason, releasedSessionId, null, null);
    }
}
