package itu.wsis.registration.domain;

import itu.wsis.events.Delegate;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.InvitationEvent;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;

import java.util.List;
import java.util.UUID;

/** The event a transition publishes. Delegates travel with name and title only: emails and needs stay here. */
public final class ReplyEvents {

    private ReplyEvents() {
    }

    /** Without the actor: the service knows who called and stamps it ({@code AttributedEvent.attribute}). */
    public static InvitationEvent of(UUID eventId, UUID invitationId, ReplyLifecycle.Transition transition,
                                     Reply reply) {
        ReplyContent content = reply.content();
        return switch (transition.kind()) {
            case FIRST_REPLY -> content.status() == ReplyStatus.ACCEPTED
                    ? new InvitationAccepted(eventId, reply.recordedAt(), invitationId, reply.version(),
                    content.mode(), delegates(content), reply.channel(), reply.late(), reply.documentReference(), null)
                    : new InvitationDeclined(eventId, reply.recordedAt(), invitationId, reply.version(),
                    content.declineReason(), reply.channel(), reply.late(), reply.documentReference(), null);
            case WITHDRAWAL -> new ReplyWithdrawn(eventId, reply.recordedAt(), invitationId, reply.version(),
                    reply.channel(), reply.late(), reply.documentReference(), null);
            case CHANGE, CORRECTION -> new ReplyChanged(eventId, reply.recordedAt(), invitationId, reply.version(),
                    transition.previousStatus(), content.status(), content.mode(), delegates(content),
                    reply.channel(), transition.kind() == ReplyLifecycle.Kind.CORRECTION, reply.late(),
                    reply.documentReference(), null);
            case UNCHANGED -> throw new IllegalArgumentException("an unchanged reply publishes nothing");
        };
    }

    private static List<Delegate> delegates(ReplyContent content) {
        return content.delegation().stream()
                .map(m -> new Delegate(m.name(), m.title(), m.headOfDelegation()))
                .toList();
    }
}
