package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/** Links of an older version stop working from this event on. */
@JsonClassDescription("A new personal link was sent; links of an older version stop working from this event on. Key: the invitation id.")
public record PersonalLinkReissued(UUID eventId, Instant occurredAt, UUID invitationId, int linkVersion,
                                   Instant linkExpiresAt,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "PersonalLinkReissued.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public PersonalLinkReissued(UUID eventId, Instant occurredAt, UUID invitationId, int linkVersion,
            Instant linkExpiresAt) {
        this(eventId, occurredAt, invitationId, linkVersion, linkExpiresAt, null);
    }

    @Override
    public PersonalLinkReissued withActor(Actor actor) {
        return new PersonalLinkReissued(eventId, occurredAt, invitationId, linkVersion, linkExpiresAt, actor);
    }
}
