package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("The speaker of a speaking request changed (substitution). Key: the invitation id.")
public record SpeakerSubstituted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                 Speaker previousSpeaker, Speaker speaker,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakerSubstituted.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public SpeakerSubstituted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            Speaker previousSpeaker, Speaker speaker) {
        this(eventId, occurredAt, invitationId, requestId, previousSpeaker, speaker, null);
    }

    @Override
    public SpeakerSubstituted withActor(Actor actor) {
        return new SpeakerSubstituted(eventId, occurredAt, invitationId, requestId, previousSpeaker, speaker, actor);
    }
}
