package itu.wsis.events;

import java.time.Instant;
import java.util.UUID;

/** Links of an older version stop working from this event on. */
public record PersonalLinkReissued(UUID eventId, Instant occurredAt, UUID invitationId, int linkVersion,
                                   Instant linkExpiresAt) implements InvitationEvent {

    public static final String TYPE = "PersonalLinkReissued.v1";
}
