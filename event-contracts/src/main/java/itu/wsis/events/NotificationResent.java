package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/**
 * Ops asked for an email to be sent again: {@code notificationId} is the new intent, {@code resendOf} the original.
 * Ids, the message kind and the operator's JWT subject only; whether the resend reached the SMTP server is told by NotificationSent or
 * NotificationFailed of {@code notificationId}, as for any email.
 */
@JsonClassDescription("Ops asked for an email to be sent again: notificationId is the new intent, resendOf the original one, kind the message kind, actor the operator (STAFF, their JWT subject). No recipient address or content. Its delivery is reported like any other, by NotificationSent or NotificationFailed of notificationId. Key: the invitation id.")
public record NotificationResent(UUID eventId, Instant occurredAt, UUID invitationId, UUID notificationId,
                                 UUID resendOf, String kind, Actor actor)
        implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "NotificationResent.v1";

    @Override
    public NotificationResent withActor(Actor actor) {
        return new NotificationResent(eventId, occurredAt, invitationId, notificationId, resendOf, kind, actor);
    }
}
