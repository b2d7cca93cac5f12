package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/** An accepted invitation was withdrawn: the delegation no longer attends. */
@JsonClassDescription("An accepted invitation was withdrawn: the delegation no longer attends. Key: the invitation id.")
public record ReplyWithdrawn(UUID eventId, Instant occurredAt, UUID invitationId, int replyVersion,
                             ReplyChannel channel, boolean late) implements InvitationEvent {

    public static final String TYPE = "ReplyWithdrawn.v1";
}
