package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("A speaking request waits for a slot, at this place on the waiting list. Key: the invitation id.")
public record SpeakingRequestWaitlisted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                        int position, String reason,
        SessionKind sessionKind,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakingRequestWaitlisted.v1";

    /** Without an actor, added later as an optional member (docs/events.md, "Compatibility"): null reads as unknown. */
    public SpeakingRequestWaitlisted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            int position, String reason, SessionKind sessionKind) {
        this(eventId, occurredAt, invitationId, requestId, position, reason, sessionKind, null);
    }

    @Override
    public SpeakingRequestWaitlisted withActor(Actor actor) {
        return new SpeakingRequestWaitlisted(eventId, occurredAt, invitationId, requestId, position, reason,
                sessionKind, actor);
    }

    /**
     * Without a session kind, added later as an optional member (docs/events.md, "Compatibility"): null, as in
     * events written before it, means a high-level policy session.
     */
    public SpeakingRequestWaitlisted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId, int position,
            String reason) {
        this(eventId, occurredAt, invitationId, requestId, position, reason, null, null);
    }
}
