package itu.wsis.registration.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import itu.wsis.events.Actor;
import itu.wsis.events.AttributedEvent;
import itu.wsis.events.ReplyChannel;
import itu.wsis.registration.config.RegistrationConfig;
import itu.wsis.registration.domain.DeadlinePolicy;
import itu.wsis.registration.domain.ForumSettings;
import itu.wsis.registration.domain.Invitation;
import itu.wsis.registration.domain.Reply;
import itu.wsis.registration.domain.ReplyContent;
import itu.wsis.registration.domain.ReplyEvents;
import itu.wsis.registration.domain.ReplyLifecycle;
import itu.wsis.registration.domain.ReplyRefused;
import itu.wsis.registration.domain.Timeliness;
import itu.wsis.registration.repository.ForumEditionEntity;
import itu.wsis.registration.repository.ReplyRepository;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.LinkRefusals;
import itu.wsis.support.links.LinkState;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Replies to invitations: by the invitee through the personal link, or recorded by the secretariat. A write reads
 * once (invitation, settings, current reply), then inserts the new version and its event in one transaction. The
 * reply path runs on the reactive pool with prepared statements, not through a Hibernate session: it is the
 * platform's hottest write (issue #16), and its three statements gain nothing from the ORM.
 */
@ApplicationScoped
public class ReplyService {

    private final ReplyRepository replies;
    private final Outbox outbox;
    private final Clock clock;
    private final DeadlinePolicy deadlines;
    private final RegistrationConfig config;
    private final ReplyOutcomes outcomes;

    public ReplyService(ReplyRepository replies, Outbox outbox, Clock clock, RegistrationConfig config,
                        ReplyOutcomes outcomes) {
        this.outcomes = outcomes;
        this.replies = replies;
        this.outbox = outbox;
        this.clock = clock;
        this.deadlines = new DeadlinePolicy(clock);
        this.config = config;
    }

    /**
     * What the invitee sees, whether the deadline has passed for them, and the forum's names by language code
     * (empty until this service has seen the forum edition).
     */
    public record InviteeView(Invitation invitation, boolean deadlinePassed, Map<String, String> forumNames) {
    }

    /** A reply version, and whether this request created it (false: the same reply was already current). */
    public record Recorded(Reply reply, boolean created) {
    }

    /** What the secretariat read in a letter, a note verbale, an email or a phone call. */
    public record Correspondence(ReplyChannel channel, String documentReference, LocalDate documentDate) {
    }

    public Uni<InviteeView> view(LinkClaims link) {
        return loadForInvitee(replies::loadForReply, link).chain(invitation -> Panache.withSession(
                () -> ForumEditionEntity.<ForumEditionEntity>findById(invitation.forumId()))
                .map(edition -> new InviteeView(invitation, deadlines.now(invitation.deadline()).late(),
                        edition == null ? Map.of() : ForumNames.fromJson(edition.names))));
    }

    public Uni<List<Reply>> historyForInvitee(LinkClaims link) {
        return loadForInvitee(replies::loadForReply, link).chain(invitation -> replies.history(invitation.invitationId()));
    }

    /**
     * {@code content} is built once the forum's settings (delegation size) are known. The hot path of the invitee's
     * accept: one transaction on the pool, the read, the reply row and its outbox row as prepared statements.
     */
    public Uni<Recorded> replyByInvitee(LinkClaims link, Function<ForumSettings, ReplyContent> content) {
        return counted(replies.inTransaction(tx -> loadForInvitee((id, defaults) -> replies.loadForReply(tx, id, defaults), link)
                .chain(invitation -> {
            ReplyContent wanted = content.apply(invitation.settings());
            Timeliness timeliness = deadlines.now(invitation.deadline());
            ReplyLifecycle.Transition transition = ReplyLifecycle.byInvitee(invitation.currentReply(), wanted,
                    timeliness, invitation.settings().lateReplyPolicy());
            Reply reply = new Reply(transition.version(), wanted, ReplyChannel.WEB, transition.late(), false,
                    clock.instant(), Reply.BY_INVITEE, null, null, null);
            return write(tx, invitation, transition, reply, Actor.invitee());
        })));
    }

    public Uni<Recorded> recordCorrespondence(UUID invitationId, Correspondence received,
                                              Function<ForumSettings, ReplyContent> content, String recordedBy,
                                              Actor actor) {
        if (received.channel() == ReplyChannel.WEB) {
            return Uni.createFrom().failure(ProblemException.badRequest("channel",
                    "LETTER, NOTE_VERBALE, EMAIL or PHONE: web replies come through the personal link"));
        }
        return counted(replies.inTransaction(tx -> loadForStaff(tx, invitationId).chain(invitation -> {
            requireNotRevoked(invitation);
            if (received.documentDate().isAfter(deadlines.today(invitation.deadline()))) {
                throw ProblemException.badRequest("documentDate", "cannot be in the future");
            }
            ReplyContent wanted = content.apply(invitation.settings());
            ReplyLifecycle.Transition transition = ReplyLifecycle.bySecretariat(invitation.currentReply(), wanted,
                    DeadlinePolicy.ofDocument(received.documentDate(), invitation.deadline()));
            Reply reply = new Reply(transition.version(), wanted, received.channel(), transition.late(), false,
                    clock.instant(), recordedBy, received.documentReference(), received.documentDate(), null);
            return write(tx, invitation, transition, reply, actor);
        })));
    }

    /** A correction rewrites what the current reply says; the note says why, for the history. */
    public Uni<Recorded> correct(UUID invitationId, ReplyChannel channel, String note,
                                 Function<ForumSettings, ReplyContent> content, String recordedBy,
                                 Actor actor) {
        return counted(replies.inTransaction(tx -> loadForStaff(tx, invitationId).chain(invitation -> {
            requireNotRevoked(invitation);
            ReplyContent wanted = content.apply(invitation.settings());
            ReplyLifecycle.Transition transition = ReplyLifecycle.correction(invitation.currentReply(), wanted);
            Reply reply = new Reply(transition.version(), wanted, channel, transition.late(), true,
                    clock.instant(), recordedBy, null, null, note);
            return write(tx, invitation, transition, reply, actor);
        })));
    }

    /** Counts a new version once its transaction has committed, and a refusal by its rule. */
    private Uni<Recorded> counted(Uni<Recorded> recording) {
        return recording
                .invoke(recorded -> {
                    if (recorded.created()) {
                        outcomes.recorded(recorded.reply());
                    }
                })
                .onFailure(ReplyRefused.class).invoke(refused -> outcomes.refused((ReplyRefused) refused));
    }

    public Uni<List<Reply>> history(UUID invitationId) {
        return loadForStaff(null, invitationId).chain(invitation -> replies.history(invitation.invitationId()));
    }

    private Uni<Recorded> write(SqlConnection tx, Invitation invitation, ReplyLifecycle.Transition transition,
                                Reply reply, Actor actor) {
        if (transition.kind() == ReplyLifecycle.Kind.UNCHANGED) {
            return Uni.createFrom().item(new Recorded(invitation.currentReply().orElseThrow(), false));
        }
        return replies.insert(tx, invitation.invitationId(), reply).chain(inserted -> {
            if (!inserted) {
                throw ProblemException.conflict("reply-conflict",
                        "Another reply to this invitation was recorded at the same moment. Please reload and"
                                + " try again.");
            }
            return outbox.append(tx, AttributedEvent.attribute(
                    ReplyEvents.of(UUID.randomUUID(), invitation.invitationId(), transition, reply), actor));
        }).replaceWith(new Recorded(reply, true));
    }

    /**
     * The link was admitted before the endpoint ran (service-support's PersonalLinkAdmission); the invitation is
     * judged again by the same rule on the row this transaction reads, so that a revocation or a re-issue consumed
     * in between is not missed. The expiry in the claims is already the effective one.
     */
    private Uni<Invitation> loadForInvitee(BiFunction<UUID, ForumSettings, Uni<Invitation>> load, LinkClaims link) {
        return load.apply(link.invitationId(), defaults()).map(invitation -> {
            LinkRefusals.require(link, invitation == null ? null
                    : new LinkState(invitation.linkVersion(), invitation.revoked(), null, null, invitation.erased()),
                    clock.instant());
            return invitation;
        });
    }

    /** {@code tx}: the caller's transaction, or null for a read outside any. */
    private Uni<Invitation> loadForStaff(SqlConnection tx, UUID invitationId) {
        Uni<Invitation> load = tx == null ? replies.loadForReply(invitationId, defaults())
                : replies.loadForReply(tx, invitationId, defaults());
        return load.map(invitation -> {
            if (invitation == null) {
                throw invitationNotFound();
            }
            return invitation;
        });
    }

    private static void requireNotRevoked(Invitation invitation) {
        if (invitation.revoked()) {
            throw ProblemException.conflict("invitation-revoked",
                    "This invitation has been revoked; no reply can be recorded for it.");
        }
        if (invitation.erased()) {
            throw ProblemException.conflict("personal-data-erased",
                    "The personal data of this invitation has been erased on request; no reply can be recorded.");
        }
    }

    /** The same answer for an unknown invitation and for someone else's: nothing is revealed. */
    public static ProblemException invitationNotFound() {
        return ProblemException.notFound("invitation-not-found", "There is no invitation at this address.");
    }

    ForumSettings defaults() {
        return new ForumSettings(config.defaults().lateReplyPolicy(), config.defaults().maxDelegationSize());
    }
}
