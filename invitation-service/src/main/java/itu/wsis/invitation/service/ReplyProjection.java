package itu.wsis.invitation.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.repository.InvitationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.UUID;

/**
 * Reflects registration's replies on the invitation status. Runs inside the inbox's transaction (no transaction
 * of its own), so the effect and the inbox row commit together. Replies carry a version: an older or repeated
 * version than the one already reflected changes nothing, whatever order Kafka delivers them in.
 */
@ApplicationScoped
public class ReplyProjection {

    private static final Logger LOG = Logger.getLogger(ReplyProjection.class);

    private final InvitationRepository invitations;
    private final Clock clock;

    public ReplyProjection(InvitationRepository invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof InvitationAccepted e) {
            return reflect(e.invitationId(), e.replyVersion(), ReplyStatus.ACCEPTED);
        }
        if (event instanceof InvitationDeclined e) {
            return reflect(e.invitationId(), e.replyVersion(), ReplyStatus.DECLINED);
        }
        if (event instanceof ReplyChanged e) {
            return reflect(e.invitationId(), e.replyVersion(), e.status());
        }
        if (event instanceof ReplyWithdrawn e) {
            return reflect(e.invitationId(), e.replyVersion(), ReplyStatus.WITHDRAWN);
        }
        // Other registration events say nothing about the invitation's status.
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> reflect(UUID invitationId, int replyVersion, ReplyStatus reply) {
        return invitations.findById(invitationId).map(invitation -> {
            if (invitation == null) {
                // Not one of ours (another environment's event, or a test): nothing to reflect.
                LOG.warnf("Reply for unknown invitation %s ignored", invitationId);
                return null;
            }
            if (replyVersion <= invitation.replyVersion || reply == null) {
                return null;
            }
            invitation.replyVersion = replyVersion;
            invitation.replyStatus = reply;
            InvitationStatus next = invitation.status.reflect(reply);
            if (next != invitation.status) {
                invitation.status = next;
                invitation.statusChangedAt = clock.instant();
            }
            return null;
        }).replaceWithVoid();
    }
}
