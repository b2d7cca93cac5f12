package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The secretariat changed a session's time (or its statement length): a request seated in it keeps its seat, and its
 * planned start moves. Published for each seated request whose planned start changed; a request moved to another
 * session or back to the waiting list gets {@link SpeakingSlotAllocated} or {@link SpeakingRequestWaitlisted}
 * instead. Consumers that hold a calendar entry of the slot update it.
 */
@JsonClassDescription("A session's time or statement length changed: a request seated in it keeps its seat and position, and its planned start moves (one event per seated request whose planned start changed). Key: the invitation id.")
public record SpeakingSlotRescheduled(
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

    public static final String TYPE = "SpeakingSlotRescheduled.v1";
}
