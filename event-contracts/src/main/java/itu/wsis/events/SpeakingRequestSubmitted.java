package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonClassDescription("A delegation, or the secretariat on its behalf, asked for speaking time at the high-level policy sessions. Key: the invitation id.")
public record SpeakingRequestSubmitted(
        UUID eventId,
        Instant occurredAt,
        UUID invitationId,
        UUID requestId,
        Speaker speaker,
        List<UUID> preferredSessionIds,
        Language statementLanguage,
        SpeakingModality modality,
        String topic,
        boolean late,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakingRequestSubmitted.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public SpeakingRequestSubmitted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            Speaker speaker, List<UUID> preferredSessionIds, Language statementLanguage, SpeakingModality modality,
            String topic, boolean late) {
        this(eventId, occurredAt, invitationId, requestId, speaker, preferredSessionIds, statementLanguage, modality,
                topic, late, null);
    }

    @Override
    public SpeakingRequestSubmitted withActor(Actor actor) {
        return new SpeakingRequestSubmitted(eventId, occurredAt, invitationId, requestId, speaker,
                preferredSessionIds, statementLanguage, modality, topic, late, actor);
    }

    public SpeakingRequestSubmitted {
        preferredSessionIds = preferredSessionIds == null ? List.of() : List.copyOf(preferredSessionIds);
    }
}
