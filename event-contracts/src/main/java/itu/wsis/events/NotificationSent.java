package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/** An email was accepted by the SMTP server. No address or content: ops find those in the delivery log. */
@JsonClassDescription("An email was accepted by the SMTP server. No address or content: ops find those in the delivery log. Key: the invitation id.")
public record NotificationSent(UUID eventId, Instant occurredAt, UUID invitationId, UUID notificationId,
                               String kind, Language language, String messageId) implements InvitationEvent {

    public static final String TYPE = "NotificationSent.v1";
}
