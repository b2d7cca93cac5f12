package itu.wsis.events;

import java.time.Instant;
import java.util.UUID;

public record NotificationFailed(UUID eventId, Instant occurredAt, UUID invitationId, UUID notificationId,
                                 String kind, String reason) implements InvitationEvent {

    public static final String TYPE = "NotificationFailed.v1";
}
