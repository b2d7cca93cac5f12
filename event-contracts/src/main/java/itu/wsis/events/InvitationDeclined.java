package itu.wsis.events;

import java.time.Instant;
import java.util.UUID;

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
