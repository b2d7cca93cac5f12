package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/** An accepted invitation was withdrawn: the delegation no longer attends. */
@JsonClassDescription("An accepted invitation was withdrawn: the delegation no longer attends. Key: the invitation id.")
public record ReplyWithdrawn(UUID eventId, Instant occurredAt, UUID invitationId, int replyVersion,
                             ReplyChannel channel, boolean late,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "ReplyWithdrawn.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public ReplyWithdrawn(UUID eventId, Instant occurredAt, UUID invitationId, int replyVersion,
            ReplyChannel channel, boolean late) {
        this(eventId, occurredAt, invitationId, replyVersion, channel, late, null);
    }

    @Override
    public ReplyWithdrawn withActor(Actor actor) {
        return new ReplyWithdrawn(eventId, occurredAt, invitationId, replyVersion, channel, late, actor);
    }
}
