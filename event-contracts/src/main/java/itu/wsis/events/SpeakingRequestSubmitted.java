package itu.wsis.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
        boolean late) implements InvitationEvent {

    public static final String TYPE = "SpeakingRequestSubmitted.v1";

    public SpeakingRequestSubmitted {
        preferredSessionIds = preferredSessionIds == null ? List.of() : List.copyOf(preferredSessionIds);
    }
}
