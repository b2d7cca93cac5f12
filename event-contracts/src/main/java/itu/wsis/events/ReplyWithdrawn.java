package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/** An accepted invitation was withdrawn: the delegation no longer attends. */
@JsonClassDescription("An accepted invitation was withdrawn: the delegation no longer attends. Key: the invitation id.")
public record ReplyWithdrawn(UUID eventId, Instant occurredAt, UUID invitationId, int replyVersion,
                             ReplyChannel channel, boolean late, String documentReference, Actor actor)
        implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "ReplyWithdrawn.v1";

    /**
     * Without a document reference or an actor: as an event written before they were added reads (docs/events.md,
     * "Compatibility").
     */
    public ReplyWithdrawn(UUID eventId, Instant occurredAt, UUID invitationId, int replyVersion,
            ReplyChannel channel, boolean late) {
        this(eventId, occurredAt, invitationId, replyVersion, channel, late, null, null);
    }

    @Override
    public ReplyWithdrawn withActor(Actor actor) {
        return new ReplyWithdrawn(eventId, occurredAt, invitationId, replyVersion, channel, late, documentReference,
                actor);
    }
}
