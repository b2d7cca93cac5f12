package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("An email could not be delivered: its retries are exhausted or the failure is permanent (ops may resend it). Key: the invitation id.")
public record NotificationFailed(UUID eventId, Instant occurredAt, UUID invitationId, UUID notificationId,
                                 String kind, String reason) implements InvitationEvent {

    public static final String TYPE = "NotificationFailed.v1";
}
