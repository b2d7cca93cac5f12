package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The secretariat changed a session's time, its statement length, its room or its join link: a request seated in it
 * keeps its seat, and its planned start or place changes. Published for each seated request whose planned start,
 * room or (for a remote live speaker) join link changed; a request moved to another
 * session or back to the waiting list gets {@link SpeakingSlotAllocated} or {@link SpeakingRequestWaitlisted}
 * instead. Consumers that hold a calendar entry of the slot update it.
 */
@JsonClassDescription("A session's time, statement length, room or join link changed: a request seated in it keeps its seat and position, and its planned start or place changes (one event per seated request whose planned start, room or, for a remote live speaker, join link changed; room and remoteJoinUrl as in SpeakingSlotAllocated). Key: the invitation id.")
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
        SpeakingModality modality,
        String room,
        String remoteJoinUrl,
        SessionKind sessionKind,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakingSlotRescheduled.v1";

    /** Without an actor, added later as an optional member (docs/events.md, "Compatibility"): null reads as unknown. */
    public SpeakingSlotRescheduled(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            UUID sessionId, Map<Language, String> sessionTitles, Instant sessionStart, String timeZone,
            int position, Instant plannedStart, int statementMinutes, SpeakingModality modality, String room,
            String remoteJoinUrl, SessionKind sessionKind) {
        this(eventId, occurredAt, invitationId, requestId, sessionId, sessionTitles, sessionStart, timeZone,
                position, plannedStart, statementMinutes, modality, room, remoteJoinUrl, sessionKind, null);
    }

    @Override
    public SpeakingSlotRescheduled withActor(Actor actor) {
        return new SpeakingSlotRescheduled(eventId, occurredAt, invitationId, requestId, sessionId, sessionTitles,
                sessionStart, timeZone, position, plannedStart, statementMinutes, modality, room, remoteJoinUrl,
                sessionKind, actor);
    }

    /**
     * Without a session kind, added later as an optional member (docs/events.md, "Compatibility"): null, as in
     * events written before it, means a high-level policy session.
     */
    public SpeakingSlotRescheduled(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId, UUID sessionId,
            Map<Language, String> sessionTitles, Instant sessionStart, String timeZone, int position,
            Instant plannedStart, int statementMinutes, SpeakingModality modality, String room,
            String remoteJoinUrl) {
        this(eventId, occurredAt, invitationId, requestId, sessionId, sessionTitles, sessionStart, timeZone, position,
                plannedStart, statementMinutes, modality, room, remoteJoinUrl, null, null);
    }

    /**
     * Without a room or join link: both were added later as optional members (docs/events.md, "Compatibility"), and
     * an event written before them reads with both null.
     */
    public SpeakingSlotRescheduled(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId, UUID sessionId,
            Map<Language, String> sessionTitles, Instant sessionStart, String timeZone, int position,
            Instant plannedStart, int statementMinutes, SpeakingModality modality) {
        this(eventId, occurredAt, invitationId, requestId, sessionId, sessionTitles, sessionStart, timeZone, position,
                plannedStart, statementMinutes, modality, null, null, null, null);
    }
}
