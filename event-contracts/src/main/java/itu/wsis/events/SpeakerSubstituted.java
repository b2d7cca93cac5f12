package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("The speaker of a speaking request changed (substitution). Key: the invitation id.")
public record SpeakerSubstituted(UUID eventId, Instant occurredAt, UUID invitationId, UUID requestId,
                                 Speaker previousSpeaker, Speaker speaker) implements InvitationEvent {

    public static final String TYPE = "SpeakerSubstituted.v1";
}
