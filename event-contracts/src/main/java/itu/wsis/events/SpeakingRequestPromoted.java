package itu.wsis.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A waiting request took a slot that a withdrawal or rejection freed. */
public record SpeakingRequestPromoted(
        UUID eventId,
        Instant occurredAt,
        UUID invitationId,
        UUID requestId,
        UUID sessionId,
        Map<Language, String> sessionTitles,
        Instant sessionStart,
        String timeZone,
        int position,
        Instant plannedStart,
        int statementMinutes,
        SpeakingModality modality) implements InvitationEvent {

    public static final String TYPE = "SpeakingRequestPromoted.v1";
}
