package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("A speaking request waits for a slot, at this place on the waiting list. Key: the invitation id.")
public record SpeakingRequestWaitlisted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                        int position, String reason,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakingRequestWaitlisted.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public SpeakingRequestWaitlisted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            int position, String reason) {
        this(eventId, occurredAt, invitationId, requestId, position, reason, null);
    }

    @Override
    public SpeakingRequestWaitlisted withActor(Actor actor) {
        return new SpeakingRequestWaitlisted(eventId, occurredAt, invitationId, requestId, position, reason, actor);
    }
}
