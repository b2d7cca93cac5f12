package itu.wsis.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
