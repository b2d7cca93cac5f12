package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@JsonClassDescription("A speaking request was given a slot in a session, with its position and planned start, and where: the session's room, and its join link for a remote live speaker (room and remoteJoinUrl optional, null when the session has none or the modality is not REMOTE_LIVE). Key: the invitation id.")
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
        SpeakingModality modality,
        String room,
        String remoteJoinUrl,
        SessionKind sessionKind,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakingSlotAllocated.v1";

    /** Without an actor, added later as an optional member (docs/events.md, "Compatibility"): null reads as unknown. */
    public SpeakingSlotAllocated(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            UUID sessionId, Map<Language, String> sessionTitles, Instant sessionStart, String timeZone,
            int position, Instant plannedStart, int statementMinutes, SpeakingModality modality, String room,
            String remoteJoinUrl, SessionKind sessionKind) {
        this(eventId, occurredAt, invitationId, requestId, sessionId, sessionTitles, sessionStart, timeZone,
                position, plannedStart, statementMinutes, modality, room, remoteJoinUrl, sessionKind, null);
    }

    @Override
    public SpeakingSlotAllocated withActor(Actor actor) {
        return new SpeakingSlotAllocated(eventId, occurredAt, invitationId, requestId, sessionId, sessionTitles,
                sessionStart, timeZone, position, plannedStart, statementMinutes, modality, room, remoteJoinUrl,
                sessionKind, actor);
    }

    /**
     * Without a session kind, added later as an optional member (docs/events.md, "Compatibility"): null, as in
     * events written before it, means a high-level policy session.
     */
    public SpeakingSlotAllocated(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId, UUID sessionId,
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
    public SpeakingSlotAllocated(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId, UUID sessionId,
            Map<Language, String> sessionTitles, Instant sessionStart, String timeZone, int position,
            Instant plannedStart, int statementMinutes, SpeakingModality modality) {
        this(eventId, occurredAt, invitationId, requestId, sessionId, sessionTitles, sessionStart, timeZone, position,
                plannedStart, statementMinutes, modality, null, null, null, null);
    }
}
