package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("One invitation was given a later reply deadline than its letter's. Key: the invitation id.")
public record ResponseDeadlineExtended(UUID eventId, Instant occurredAt, UUID invitationId, Deadline responseDeadline)
        implements InvitationEvent {

    public static final String TYPE = "ResponseDeadlineExtended.v1";
}
