package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.speaking.config.SpeakingConfig;
import itu.wsis.speaking.repository.AcceptanceRepository;
import itu.wsis.speaking.repository.IssuedInvitationRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Projects the invitation and registration events (forum editions, letters, invitations, replies) into this
 * service's read models. InvitationIssued, and an acceptance that changes no speaking request, are one statement
 * each with their inbox row ({@link #applyDirect}, {@link #acceptanceDirect}); every other event runs inside the
 * inbox's transaction (one event, one transaction, once), so nothing here opens its own.
 * <p>
 * Events about one invitation come from two topics, so their relative order is not guaranteed: every write is an
 * upsert that works whichever arrives first, and replies carry a version so an older one never overwrites a newer.
 */
@ApplicationScoped
public class InvitationProjection {

    private final SpeakingRequestChanges requests;
    private final SpeakingConfig config;
    private final IssuedInvitationRepository issuedInvitations;
    private final AcceptanceRepository acceptances;

    public InvitationProjection(SpeakingRequestChanges requests, SpeakingConfig config,
                                IssuedInvitationRepository issuedInvitations, AcceptanceRepository acceptances) {
        this.requests = requests;
        this.config = config;
        this.issuedInvitations = issuedInvitations;
        this.acceptances = acceptances;
    }

    /**
     * The inbox's direct path for registration's events: an acceptance in person or with no mode, which changes no
     * speaking request here ({@link #reply} only records it), as one statement with its inbox row; null for every
     * other event, which takes the Hibernate path. Every accept reaches this consumer.
     */
    public Uni<Boolean> acceptanceDirect(DomainEvent event, String topic) {
        UUID invitationId;
        int version;
        ParticipationMode mode;
        if (event instanceof InvitationAccepted e) {
            invitationId = e.invitationId();
            version = e.replyVersion();
            mode = e.mode();
        } else if (event instanceof ReplyChanged e && e.status() == ReplyStatus.ACCEPTED) {
            invitationId = e.invitationId();
            version = e.replyVersion();
            mode = e.mode();
        } else {
            return null;
        }
        if (mode == ParticipationMode.REMOTE) {
            return null;
        }
        return acceptances.accepted(event.eventId(), event.eventType(), topic, invitationId, version,
                mode == null ? null : mode.name());
    }

    /**
     * The inbox's direct path: InvitationIssued, one per invitation and the bulk's, as one statement with its inbox
     * row on the reactive pool, not a Hibernate transaction; null for every other event.
     */
    public Uni<Boolean> applyDirect(DomainEvent event, String topic) {
        if (!(event instanceof InvitationIssued e)) {
            return null;
        }
        InviteeContact invitee = e.invitee();
        return issuedInvitations.apply(e.eventId(), e.eventType(), topic, new IssuedInvitationRepository.Issued(
                e.invitationId(), e.forumId(), e.forumCode(), config.defaultLatePolicy().name(), e.letterId(),
                invitee == null ? null : invitee.memberState(),
                invitee == null || invitee.rank() == null ? null : invitee.rank().name(), e.linkVersion(),
                e.linkExpiresAt(),
                invitee == null || invitee.preferredLanguage() == null ? null : invitee.preferredLanguage().code(),
                e.speakingRequestDeadline() == null ? null : e.speakingRequestDeadline().endsAt()));
    }

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof ForumEditionPublished forum) {
            return forum(forum);
        }
        if (event instanceof CircularLetterPublished letter) {
            return letter(letter);
        }
        if (event instanceof PersonalLinkReissued reissued) {
            return Panache.getSession().chain(session -> session.createNativeQuery("""
                            update invitation set link_version = :v, link_expires_at = cast(:expires as timestamptz)
                             where id = :id and link_version <= :v""")
                    .setParameter("id", reissued.invitationId())
                    .setParameter("v", reissued.linkVersion())
                    .setParameter("expires", reissued.linkExpiresAt())
                    .executeUpdate()).replaceWithVoid();
        }
        if (event instanceof InvitationRevoked revoked) {
            return update("""
                    insert into invitation (id, revoked) values (:id, true)
                    on conflict (id) do update set revoked = true""", revoked.invitationId(), null)
                    .chain(() -> requests.cancelForInvitation(revoked.invitationId(), "invitation revoked"));
        }
        if (event instanceof InvitationAccepted accepted) {
            return reply(accepted.invitationId(), accepted.replyVersion(), ReplyStatus.ACCEPTED, accepted.mode());
        }
        if (event instanceof InvitationDeclined declined) {
            return reply(declined.invitationId(), declined.replyVersion(), ReplyStatus.DECLINED, null);
        }
        if (event instanceof ReplyChanged changed) {
            return reply(changed.invitationId(), changed.replyVersion(), changed.status(), changed.mode());
        }
        if (event instanceof ReplyWithdrawn withdrawn) {
            return reply(withdrawn.invitationId(), withdrawn.replyVersion(), ReplyStatus.WITHDRAWN, null);
        }
        // Other events on these topics (deadline extensions, our own) change nothing here.
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> forum(ForumEditionPublished e) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into forum (id, code, revision, time_zone, late_policy)
                        values (:id, :code, :revision, :zone, :late)
                        on conflict (id) do update set code = excluded.code, revision = excluded.revision,
                               time_zone = excluded.time_zone
                         where forum.revision < excluded.revision""")
                .setParameter("id", e.forumId())
                .setParameter("code", e.code())
                .setParameter("revision", e.revision())
                .setParameter("zone", e.timeZone() == null ? "UTC" : e.timeZone())
                .setParameter("late", config.defaultLatePolicy().name())
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> letter(CircularLetterPublished e) {
        Instant deadline = e.speakingRequestDeadline() == null ? null : e.speakingRequestDeadline().endsAt();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into circular_letter (id, forum_id, revision, speaking_deadline_at)
                        values (:id, :forum, :revision, cast(:deadline as timestamptz))
                        on conflict (id) do update set revision = excluded.revision,
                               speaking_deadline_at = excluded.speaking_deadline_at
                         where circular_letter.revision < excluded.revision""")
                .setParameter("id", e.letterId())
                .setParameter("forum", e.forumId())
                .setParameter("revision", e.revision())
                .setParameter("deadline", deadline)
                .executeUpdate()).replaceWithVoid();
    }

    /** Records a reply unless a newer one is known; a reply that ends attendance cancels the speaking request. */
    private Uni<Void> reply(UUID invitationId, int version, ReplyStatus status, ParticipationMode mode) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into invitation (id, reply_status, reply_version, attendance_mode)
                        values (:id, :status, :version, cast(:mode as varchar))
                        on conflict (id) do update set reply_status = excluded.reply_status,
                               reply_version = excluded.reply_version,
                               attendance_mode = coalesce(excluded.attendance_mode, invitation.attendance_mode)
                         where invitation.reply_version < excluded.reply_version""")
                        .setParameter("id", invitationId)
                        .setParameter("status", status.name())
                        .setParameter("version", version)
                        .setParameter("mode", mode == null ? null : mode.name())
                        .executeUpdate())
                .chain(applied -> {
                    if (applied != 1) {
                        return Uni.createFrom().voidItem();
                    }
                    if (status != ReplyStatus.ACCEPTED) {
                        return requests.cancelForInvitation(invitationId, status == ReplyStatus.WITHDRAWN
                                ? "attendance withdrawn" : "invitation declined");
                    }
                    return mode == ParticipationMode.REMOTE ? requests.attendanceNowRemote(invitationId)
                            : Uni.createFrom().voidItem();
                });
    }

    private static Uni<Void> update(String sql, UUID id, Integer version) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql).setParameter("id", id);
            if (version != null) {
                query.setParameter("v", version);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
