package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A waiting request took a slot that a withdrawal or rejection freed. */
@JsonClassDescription("A waiting request took a slot that a withdrawal or rejection freed. Key: the invitation id.")
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
