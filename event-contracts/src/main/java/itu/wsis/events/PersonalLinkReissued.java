package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

/** Links of an older version stop working from this event on. */
@JsonClassDescription("A new personal link was sent; links of an older version stop working from this event on. Key: the invitation id.")
public record PersonalLinkReissued(UUID eventId, Instant occurredAt, UUID invitationId, int linkVersion,
                                   Instant linkExpiresAt) implements InvitationEvent {

    public static final String TYPE = "PersonalLinkReissued.v1";
}
