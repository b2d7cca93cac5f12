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
        boolean late) implements InvitationEvent {

    public static final String TYPE = "InvitationDeclined.v1";
}
