package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reply was changed by the invitee, or corrected by the secretariat ({@code correction}). */
@JsonClassDescription("A reply was changed by the invitee, or corrected by the secretariat (`correction`). Key: the invitation id.")
public record ReplyChanged(
        UUID eventId,
        Instant occurredAt,
        UUID invitationId,
        int replyVersion,
        ReplyStatus previousStatus,
        ReplyStatus status,
        ParticipationMode mode,
        List<Delegate> delegation,
        ReplyChannel channel,
        boolean correction,
        boolean late,
        String documentReference,
        Actor actor) implements InvitationEvent, AttributedEvent {

    public static final String TYPE = "ReplyChanged.v1";

    /**
     * Without a document reference or an actor: as an event written before they were added reads (docs/events.md,
     * "Compatibility").
     */
    public ReplyChanged(UUID eventId, Instant occurredAt, UUID invitationId, int replyVersion,
            ReplyStatus previousStatus, ReplyStatus status, ParticipationMode mode, List<Delegate> delegation,
            ReplyChannel channel, boolean correction, boolean late) {
        this(eventId, occurredAt, invitationId, replyVersion, previousStatus, status, mode, delegation, channel,
                correction, late, null, null);
    }

    @Override
    public ReplyChanged withActor(Actor actor) {
        return new ReplyChanged(eventId, occurredAt, invitationId, replyVersion, previousStatus, status, mode,
                delegation, channel, correction, late, documentReference, actor);
    }

    public ReplyChanged {
        delegation = delegation == null ? List.of() : List.copyOf(delegation);
    }
}
