package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("One invitation was given a later reply deadline than its letter's. Key: the invitation id.")
public record ResponseDeadlineExtended(UUID eventId, Instant occurredAt, UUID invitationId, Deadline responseDeadline, Actor actor)
        implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "ResponseDeadlineExtended.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public ResponseDeadlineExtended(UUID eventId, Instant occurredAt, UUID invitationId, Deadline responseDeadline) {
        this(eventId, occurredAt, invitationId, responseDeadline, null);
    }

    @Override
    public ResponseDeadlineExtended withActor(Actor actor) {
        return new ResponseDeadlineExtended(eventId, occurredAt, invitationId, responseDeadline, actor);
    }
}
