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
        SessionKind sessionKind,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakingRequestSubmitted.v1";

    /** Without an actor, added later as an optional member (docs/events.md, "Compatibility"): null reads as unknown. */
    public SpeakingRequestSubmitted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            Speaker speaker, List<UUID> preferredSessionIds, Language statementLanguage, SpeakingModality modality,
            String topic, boolean late, SessionKind sessionKind) {
        this(eventId, occurredAt, invitationId, requestId, speaker, preferredSessionIds, statementLanguage,
                modality, topic, late, sessionKind, null);
    }

    @Override
    public SpeakingRequestSubmitted withActor(Actor actor) {
        return new SpeakingRequestSubmitted(eventId, occurredAt, invitationId, requestId, speaker,
                preferredSessionIds, statementLanguage, modality, topic, late, sessionKind, actor);
    }

    /**
     * Without a session kind, added later as an optional member (docs/events.md, "Compatibility"): null, as in
     * events written before it, means a high-level policy session.
     */
    public SpeakingRequestSubmitted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            Speaker speaker, List<UUID> preferredSessionIds, Language statementLanguage, SpeakingModality modality,
            String topic, boolean late) {
        this(eventId, occurredAt, invitationId, requestId, speaker, preferredSessionIds, statementLanguage, modality,
                topic, late, null, null);
    }

    public SpeakingRequestSubmitted {
        preferredSessionIds = preferredSessionIds == null ? List.of() : List.copyOf(preferredSessionIds);
    }
}
