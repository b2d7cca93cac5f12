package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@JsonClassDescription("A speaking request was given a slot in a session, with its position and planned start. Key: the invitation id.")
public record SpeakingSlotAllocated(
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

    public static final String TYPE = "SpeakingSlotAllocated.v1";
}
