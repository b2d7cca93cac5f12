package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("The invitation was declined, with an optional reason (first reply). Key: the invitation id.")
public record InvitationDeclined(
        UUID eventId,
        Instant occurredAt,
        UUID invitationId,
        int replyVersion,
        String reason,
        ReplyChannel channel,
        boolean late,
        String documentReference,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "InvitationDeclined.v1";

    /**
     * Without a document reference or an actor: as an event written before they were added reads (docs/events.md,
     * "Compatibility").
     */
    public InvitationDeclined(UUID eventId, Instant occurredAt, UUID invitationId, int replyVersion, String reason,
            ReplyChannel channel, boolean late) {
        this(eventId, occurredAt, invitationId, replyVersion, reason, channel, late, null, null);
    }

    @Override
    public InvitationDeclined withActor(Actor actor) {
        return new InvitationDeclined(eventId, occurredAt, invitationId, replyVersion, reason, channel, late,
                documentReference, actor);
    }
}
