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
        boolean late) implements InvitationEvent {

    public static final String TYPE = "InvitationAccepted.v1";

    public InvitationAccepted {
        delegation = delegation == null ? List.of() : List.copyOf(delegation);
    }
}
