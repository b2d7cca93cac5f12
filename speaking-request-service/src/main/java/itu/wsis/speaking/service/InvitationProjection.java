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
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.speaking.config.SpeakingConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Projects the invitation and registration events (forum editions, letters, invitations, replies) into this
 * service's read models. Runs inside the inbox's transaction (one event, one transaction, once), so nothing here
 * opens its own.
 * <p>
 * Events about one invitation come from two topics, so their relative order is not guaranteed: every write is an
 * upsert that works whichever arrives first, and replies carry a version so an older one never overwrites a newer.
 */
@ApplicationScoped
public class InvitationProjection {

    private final SpeakingRequestChanges requests;
    private final SpeakingConfig config;

    public InvitationProjection(SpeakingRequestChanges requests, SpeakingConfig config) {
        this.requests = requests;
        this.config = config;
    }

    public Uni<Void> apply(DomainEvent event) {
        if (event instanceof ForumEditionPublished forum) {
            return forum(forum);
        }
        if (event instanceof CircularLetterPublished letter) {
            return letter(letter);
        }
        if (event instanceof InvitationIssued issued) {
            return issued(issued);
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

    private Uni<Void> issued(InvitationIssued e) {
        Instant deadline = e.speakingRequestDeadline() == null ? null : e.speakingRequestDeadline().endsAt();
        String memberState = e.invitee() == null ? null : e.invitee().memberState();
        String rank = e.invitee() == null || e.invitee().rank() == null ? null : e.invitee().rank().name();
        // A placeholder forum row, in case this invitation overtook its ForumEditionPublished: requests need the lock.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into forum (id, code, late_policy) values (:id, :code, :late)
                        on conflict (id) do nothing""")
                        .setParameter("id", e.forumId())
                        .setParameter("code", e.forumCode())
                        .setParameter("late", config.defaultLatePolicy().name())
                        .executeUpdate())
                .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery("""
                        insert into invitation (id, forum_id, letter_id, member_state, rank, link_version,
                                                link_expires_at, preferred_language, speaking_deadline_at, issued)
                        values (:id, :forum, cast(:letter as uuid), cast(:state as varchar), cast(:rank as varchar),
                                :version, cast(:expires as timestamptz), cast(:language as varchar),
                                cast(:deadline as timestamptz), true)
                        on conflict (id) do update set forum_id = excluded.forum_id, letter_id = excluded.letter_id,
                               member_state = excluded.member_state, rank = excluded.rank,
                               link_expires_at = case when excluded.link_version >= invitation.link_version
                                                      then excluded.link_expires_at else invitation.link_expires_at end,
                               link_version = greatest(invitation.link_version, excluded.link_version),
                               preferred_language = excluded.preferred_language,
                               speaking_deadline_at = excluded.speaking_deadline_at, issued = true""")
                        .setParameter("id", e.invitationId())
                        .setParameter("forum", e.forumId())
                        .setParameter("letter", e.letterId())
                        .setParameter("state", memberState)
                        .setParameter("rank", rank)
                        .setParameter("version", e.linkVersion())
                        .setParameter("expires", e.linkExpiresAt())
                        .setParameter("language", e.invitee() == null || e.invitee().preferredLanguage() == null
                                ? null : e.invitee().preferredLanguage().code())
                        .setParameter("deadline", deadline)
                        .executeUpdate())
                .replaceWithVoid();
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
