package itu.wsis.events;

import java.time.Instant;
import java.util.UUID;

public record SpeakerSubstituted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                 Speaker previousSpeaker, Speaker speaker) implements InvitationEvent {

    public static final String TYPE = "SpeakerSubstituted.v1";
}
