package itu.wsis.registration.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.Deadline;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.ResponseDeadlineExtended;
import itu.wsis.registration.domain.ResponseDeadline;
import itu.wsis.registration.repository.ForumEditionEntity;
import itu.wsis.registration.repository.InvitationViewEntity;
import itu.wsis.registration.repository.InvitationViewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds the view of invitations from invitation-service's events. InvitationIssued, one per invitation and the
 * bulk's, is one statement with its inbox row on the reactive pool ({@link #applyDirect}); the others run inside the
 * inbox's transaction (one per event), so they open none of their own. Events of one invitation share a partition and
 * arrive in order.
 */
@ApplicationScoped
public class InvitationProjection {

    private static final Logger LOG = Logger.getLogger(InvitationProjection.class);

    private final InvitationViewRepository views;

    public InvitationProjection(InvitationViewRepository views) {
        this.views = views;
    }

    /** The inbox's direct path: InvitationIssued, with its inbox row; null for every other event. */
    public Uni<Boolean> applyDirect(DomainEvent event, String topic) {
        if (!(event instanceof InvitationIssued issued)) {
            return null;
        }
        ResponseDeadline deadline = effective(issued.responseDeadline());
        // Of the invitee, only what eligibility and statistics need: no name, no address.
        return views.issued(issued.eventId(), issued.eventType(), topic, new InvitationViewRepository.Issued(
                issued.invitationId(), issued.forumId(), issued.forumCode(), issued.letterId(),
                issued.letterReference(), issued.invitee().memberState(), issued.invitee().preferredLanguage().code(),
                issued.invitee().rank().name(), deadline.date(), deadline.zone().getId(), deadline.endsAt(),
                issued.linkVersion(), issued.linkExpiresAt(), issued.occurredAt()));
    }

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof InvitationRevoked revoked) {
            return update(revoked.invitationId(), revoked.eventType(), view -> {
                if (view.revokedAt == null) {
                    view.revokedAt = revoked.occurredAt();
                }
            });
        }
        if (event instanceof ResponseDeadlineExtended extended) {
            return update(extended.invitationId(), extended.eventType(),
                    view -> setDeadline(view, extended.responseDeadline()));
        }
        if (event instanceof PersonalLinkReissued reissued) {
            return update(reissued.invitationId(), reissued.eventType(), view -> {
                if (reissued.linkVersion() >= view.linkVersion) {
                    view.linkVersion = reissued.linkVersion();
                    view.linkExpiresAt = reissued.linkExpiresAt();
                }
            });
        }
        if (event instanceof ForumEditionPublished edition) {
            return edition(edition);
        }
        // Letters and other services' events carry nothing this view needs.
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> edition(ForumEditionPublished edition) {
        return ForumEditionEntity.<ForumEditionEntity>findById(edition.forumId()).chain(existing -> {
            if (existing != null && existing.revision >= edition.revision()) {
                return Uni.createFrom().voidItem();
            }
            ForumEditionEntity entity = existing == null ? new ForumEditionEntity() : existing;
            entity.forumId = edition.forumId();
            entity.revision = edition.revision();
            entity.code = edition.code();
            entity.names = ForumNames.toJson(edition.names());
            entity.timeZone = edition.timeZone();
            entity.inPersonStart = edition.inPersonStart();
            entity.inPersonEnd = edition.inPersonEnd();
            return existing == null ? entity.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> update(UUID invitationId, String eventType, Consumer<InvitationViewEntity> change) {
        return InvitationViewEntity.<InvitationViewEntity>findById(invitationId).invoke(view -> {
            if (view == null) {
                // Only possible if its InvitationIssued was dead-lettered: ops will see that one in the DLQ.
                LOG.warnf("%s for an invitation this service has not seen: %s", eventType, invitationId);
                return;
            }
            change.accept(view);
        }).replaceWithVoid();
    }

    private static void setDeadline(InvitationViewEntity view, Deadline deadline) {
        ResponseDeadline effective = effective(deadline);
        view.deadlineDate = effective.date();
        view.deadlineTimeZone = effective.zone().getId();
        view.deadlineEndsAt = effective.endsAt();
    }

    /** The deadline as the event states it, or the end of its day in its zone when the event gives no instant. */
    private static ResponseDeadline effective(Deadline deadline) {
        ZoneId zone = ZoneId.of(deadline.timeZone());
        return deadline.endsAt() != null
                ? new ResponseDeadline(deadline.date(), zone, deadline.endsAt())
                : ResponseDeadline.endOfDay(deadline.date(), zone);
    }
}
