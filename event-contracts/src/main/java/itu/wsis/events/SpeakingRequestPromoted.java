package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A waiting request took a slot that a withdrawal or rejection freed. */
@JsonClassDescription("A waiting request took a slot that a withdrawal or rejection freed; room and remoteJoinUrl as in SpeakingSlotAllocated. Key: the invitation id.")
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
        SpeakingModality modality,
        String room,
        String remoteJoinUrl,
        SessionKind sessionKind,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "SpeakingRequestPromoted.v1";

    /** Without an actor, added later as an optional member (docs/events.md, "Compatibility"): null reads as unknown. */
    public SpeakingRequestPromoted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
            UUID sessionId, Map<Language, String> sessionTitles, Instant sessionStart, String timeZone,
            int position, Instant plannedStart, int statementMinutes, SpeakingModality modality, String room,
            String remoteJoinUrl, SessionKind sessionKind) {
        this(eventId, occurredAt, invitationId, requestId, sessionId, sessionTitles, sessionStart, timeZone,
                position, plannedStart, statementMinutes, modality, room, remoteJoinUrl, sessionKind, null);
    }

    @Override
    public SpeakingRequestPromoted withActor(Actor actor) {
        return new SpeakingRequestPromoted(eventId, occurredAt, invitationId, requestId, sessionId, sessionTitles,
                sessionStart, timeZone, position, plannedStart, statementMinutes, modality, room, remoteJoinUrl,
                sessionKind, actor);
    }

    /**
     * Without a session kind, added later as an optional member (docs/events.md, "Compatibility"): null, as in
     * events written before it, means a high-level policy session.
     */
    public SpeakingRequestPromoted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId, UUID sessionId,
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
    public SpeakingRequestPromoted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId, UUID sessionId,
            Map<Language, String> sessionTitles, Instant sessionStart, String timeZone, int position,
            Instant plannedStart, int statementMinutes, SpeakingModality modality) {
        this(eventId, occurredAt, invitationId, requestId, sessionId, sessionTitles, sessionStart, timeZone, position,
                plannedStart, statementMinutes, modality, null, null, null, null);
    }
}
