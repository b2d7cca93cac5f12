package itu.wsis.invitation.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.invitation.repository.ReplyReflectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;

/**
 * Reflects registration's replies on the invitation status. A reply is one statement with its inbox row on the
 * reactive pool ({@link #applyDirect}, the inbox's direct path; {@link ReplyReflectionRepository} says what it keeps):
 * every accept reaches this consumer, so it does not pay for a Hibernate session. Replies carry a version: an older or
 * repeated version than the one already reflected changes nothing, whatever order Kafka delivers them in.
 */
@ApplicationScoped
public class ReplyProjection {

    private static final Logger LOG = Logger.getLogger(ReplyProjection.class);

    private final ReplyReflectionRepository reflections;
    private final Clock clock;

    public ReplyProjection(ReplyReflectionRepository reflections, Clock clock) {
        this.reflections = reflections;
        this.clock = clock;
    }

    /**
     * The inbox's direct path: a reply, with its inbox row; null for every other event, which then takes the inbox's
     * ORM path ({@link #apply}).
     */
    public Uni<Boolean> applyDirect(DomainEvent event, String topic) {
        if (event instanceof InvitationAccepted e) {
            return reflect(e, topic, e.invitationId(), e.replyVersion(), ReplyStatus.ACCEPTED);
        }
        if (event instanceof InvitationDeclined e) {
            return reflect(e, topic, e.invitationId(), e.replyVersion(), ReplyStatus.DECLINED);
        }
        if (event instanceof ReplyChanged e && e.status() != null) {
            return reflect(e, topic, e.invitationId(), e.replyVersion(), e.status());
        }
        if (event instanceof ReplyWithdrawn e) {
            return reflect(e, topic, e.invitationId(), e.replyVersion(), ReplyStatus.WITHDRAWN);
        }
        return null;
    }

    /** Other registration events say nothing about the invitation's status: only their inbox row is written. */
    public Uni<Void> apply(DomainEvent event) {
        return Uni.createFrom().voidItem();
    }

    private Uni<Boolean> reflect(DomainEvent event, String topic, UUID invitationId, int replyVersion,
                                 ReplyStatus reply) {
        return reflections.reflect(event.eventId(), event.eventType(), topic, invitationId, replyVersion, reply,
                clock.instant()).map(reflected -> {
            if (reflected.applied() && !reflected.known()) {
                // Not one of ours (another environment's event, or a test): nothing to reflect.
                LOG.warnf("Reply for unknown invitation %s ignored", invitationId);
            }
            return reflected.applied();
        });
    }
}
