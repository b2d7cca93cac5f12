package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonClassDescription("The invitation was accepted, in person or remotely, with the delegation (first reply, through the personal link or recorded by the secretariat). Key: the invitation id.")
public record InvitationAccepted(
        UUID eventId,
        Instant occurredAt,
        UUID invitationId,
        int replyVersion,
        ParticipationMode mode,
        List<Delegate> delegation,
        ReplyChannel channel,
        boolean late,
        String documentReference,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "InvitationAccepted.v1";

    /**
     * Without a document reference or an actor: as an event written before they were added reads (docs/events.md,
     * "Compatibility").
     */
    public InvitationAccepted(UUID eventId, Instant occurredAt, UUID invitationId, int replyVersion,
            ParticipationMode mode, List<Delegate> delegation, ReplyChannel channel, boolean late) {
        this(eventId, occurredAt, invitationId, replyVersion, mode, delegation, channel, late, null, null);
    }

    @Override
    public InvitationAccepted withActor(Actor actor) {
        return new InvitationAccepted(eventId, occurredAt, invitationId, replyVersion, mode, delegation, channel,
                late, documentReference, actor);
    }

    public InvitationAccepted {
        delegation = delegation == null ? List.of() : List.copyOf(delegation);
    }
}
