package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.Rank;
import itu.wsis.events.RankConfirmation;
import itu.wsis.events.SpeakerRankDecided;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.SpeakingRequestWithdrawn;
import itu.wsis.speaking.domain.Allocation;
import itu.wsis.speaking.domain.LatePolicy;
import itu.wsis.speaking.domain.Outcome;
import itu.wsis.speaking.domain.RankClaimPolicy;
import itu.wsis.speaking.domain.RequestStatus;
import itu.wsis.speaking.config.SpeakingConfig;
import itu.wsis.speaking.repository.AllocationStore;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.InvitationEntity;
import itu.wsis.speaking.repository.LetterEntity;
import itu.wsis.speaking.repository.SessionEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.LinkRefusals;
import itu.wsis.support.links.LinkState;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Speaking requests: submission, withdrawal, substitution and the secretariat's overrides. */
@ApplicationScoped
public class SpeakingRequestService {

    private final AllocationEngine engine;
    private final AllocationStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final RankClaimPolicy ranks;

    public SpeakingRequestService(AllocationEngine engine, AllocationStore store, Outbox outbox, Clock clock,
                                  SpeakingConfig config) {
        this.engine = engine;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.ranks = new RankClaimPolicy(Mapping.precedence(config));
    }

    // ---------------------------------------------------------------- the invitee, through the personal link

    @WithTransaction
    public Uni<Views.RequestView> submitAsInvitee(LinkClaims link, UUID invitationId, Commands.Submit command) {
        return linkedInvitation(link, invitationId).chain(inv -> submit(inv, command, Commands.Actor.INVITEE));
    }

    @WithSession
    public Uni<Views.RequestView> mine(LinkClaims link, UUID invitationId) {
        return linkedInvitation(link, invitationId)
                .chain(inv -> store.latestRequestOf(inv.id))
                .onItem().ifNull().failWith(() -> noRequest(invitationId))
                .chain(this::view);
    }

    /** The forum of the link's invitation, for the list of sessions it may ask for. */
    @WithSession
    public Uni<UUID> forumOf(LinkClaims link, UUID invitationId) {
        return linkedInvitation(link, invitationId).map(inv -> {
            if (inv.forumId == null) {
                throw ProblemException.conflict("invitation-not-ready", "This invitation is not fully known yet.");
            }
            return inv.forumId;
        });
    }

    @WithTransaction
    public Uni<Views.RequestView> withdrawAsInvitee(LinkClaims link, UUID invitationId) {
        return linkedInvitation(link, invitationId)
                .chain(inv -> lockedActiveRequestOf(inv))
                .chain(r -> close(r, RequestStatus.WITHDRAWN, "withdrawn by the delegation"))
                .chain(this::view);
    }

    @WithTransaction
    public Uni<Views.RequestView> substituteAsInvitee(LinkClaims link, UUID invitationId, Commands.SpeakerInput speaker) {
        return linkedInvitation(link, invitationId)
                .chain(inv -> lockedActiveRequestOf(inv).chain(r -> substitute(inv, r, speaker, Commands.Actor.INVITEE)));
    }

    // ---------------------------------------------------------------- the secretariat

    @WithTransaction
    public Uni<Views.RequestView> submitForDelegation(UUID invitationId, Commands.Submit command) {
        return InvitationEntity.<InvitationEntity>findById(invitationId)
                .onItem().ifNull().failWith(() -> ProblemException.badRequest("invitationId",
                        "no invitation " + invitationId + " is known to this service"))
                .chain(inv -> {
                    if (!inv.issued) {
                        throw ProblemException.badRequest("invitationId", "invitation " + invitationId + " is not issued");
                    }
                    if (inv.revoked) {
                        throw ProblemException.conflict("invitation-revoked", "The invitation has been revoked.");
                    }
                    requireNotErased(inv);
                    return submit(inv, command, Commands.Actor.SECRETARIAT);
                });
    }

    @WithSession
    public Uni<Views.RequestView> get(UUID requestId) {
        return request(requestId).chain(this::view);
    }

    @WithSession
    public Uni<List<Views.RequestView>> list(UUID forumId, RequestStatus status) {
        return ForumEntity.<ForumEntity>findById(forumId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("forum-not-found", "No forum " + forumId))
                .chain(forum -> engine.load(forum).chain(state -> {
                    Allocation allocation = engine.compute(state, forum.frozen);
                    return SpeakingRequestEntity.<SpeakingRequestEntity>list(
                                    "forumId = ?1 order by submittedAt, id", forumId)
                            .map(all -> all.stream()
                                    .filter(r -> status == null || status.name().equals(r.status))
                                    .map(r -> Mapping.request(r, seat(state, r.id),
                                            RequestStatus.valueOf(r.status).active()
                                                    ? engine.explain(state, allocation, r) : null))
                                    .toList());
                }));
    }

    @WithTransaction
    public Uni<Views.RequestView> reject(UUID requestId, String reason) {
        return lockedActiveRequest(requestId).chain(r -> close(r, RequestStatus.REJECTED, reason)).chain(this::view);
    }

    /** Pins a request to a session. It takes a seat there even if the rule would not give it one. */
    @WithTransaction
    public Uni<Views.RequestView> assign(UUID requestId, UUID sessionId) {
        return lockedActiveRequest(requestId).chain(r -> SessionEntity.<SessionEntity>findById(sessionId)
                .chain(session -> {
                    if (session == null || !session.forumId.equals(r.forumId)) {
                        throw ProblemException.badRequest("sessionId", "no session " + sessionId + " in this forum");
                    }
                    if (!Mapping.modalities(session).contains(SpeakingModality.valueOf(r.modality))) {
                        throw ProblemException.conflict("modality-not-offered",
                                "This session does not take " + r.modality + " statements.");
                    }
                    return SpeakingRequestEntity.count("overrideSessionId = ?1 and overrideKind in ?2 and status in ?3"
                                    + " and id <> ?4", sessionId, List.of(Mapping.ASSIGNED, Mapping.SUBSTITUTION),
                            List.of("ALLOCATED", "WAITLISTED"), r.id).map(pinned -> {
                        if (pinned >= session.capacity) {
                            throw ProblemException.conflict("session-full",
                                    "Every seat of this session is already assigned by the secretariat.");
                        }
                        r.overrideKind = Mapping.ASSIGNED;
                        r.overrideSessionId = sessionId;
                        return r;
                    });
                })
                .chain(changed -> reallocate(changed.forumId, List.of()))
                .chain(() -> view(r)));
    }

    /** Puts a request on the waiting list and keeps it there until assigned or released to the rule. */
    @WithTransaction
    public Uni<Views.RequestView> hold(UUID requestId) {
        return override(requestId, Mapping.HELD, null);
    }

    /** Removes any override: the rule places the request again. */
    @WithTransaction
    public Uni<Views.RequestView> automatic(UUID requestId) {
        return override(requestId, null, null);
    }

    @WithTransaction
    public Uni<Views.RequestView> substituteForDelegation(UUID requestId, Commands.SpeakerInput speaker) {
        return lockedActiveRequest(requestId).chain(r -> InvitationEntity.<InvitationEntity>findById(r.invitationId)
                .invoke(SpeakingRequestService::requireNotErased)
                .chain(inv -> substitute(inv, r, speaker, Commands.Actor.SECRETARIAT)));
    }

    /**
     * The secretariat confirms or refuses a speaker's rank that the invitation does not support. A confirmed rank
     * counts for precedence from now on, a refused one never; the forum is recomputed either way, and a seated
     * request keeps its session (only its place in the session's order moves), as after a substitution.
     */
    @WithTransaction
    public Uni<Views.RequestView> decideRank(UUID requestId, boolean confirm, String note, String decidedBy) {
        Instant now = clock.instant();
        return lockedActiveRequest(requestId).chain(r -> InvitationEntity.<InvitationEntity>findById(r.invitationId)
                .chain(inv -> {
                    RankClaimPolicy.RankClaim before = Mapping.rankClaim(r, invitedRank(inv));
                    if (!before.pending()) {
                        throw ProblemException.conflict("rank-not-pending",
                                "This request's speaker rank does not wait for a confirmation.")
                                .with("rankConfirmation", r.rankConfirmation == null ? "NOT_NEEDED" : r.rankConfirmation);
                    }
                    RankClaimPolicy.RankClaim after = ranks.decide(before, confirm);
                    Mapping.setRankClaim(r, after);
                    r.rankDecidedBy = decidedBy;
                    r.rankDecidedAt = now;
                    r.rankDecisionNote = note;
                    return store.seats(r.forumId).chain(seats -> {
                        keepSessionIfReRanked(r, before.forPrecedence() != after.forPrecedence(), seats.stream()
                                .filter(s -> s.requestId().equals(r.id)).findFirst().orElse(null));
                        return reallocate(r.forumId, List.of(new SpeakerRankDecided(UUID.randomUUID(), now,
                                r.invitationId, r.id, after.claimed(), confirm, after.forPrecedence(), note)));
                    });
                })
                .chain(() -> view(r)));
    }

    // ---------------------------------------------------------------- from registration events

    /** The delegation no longer attends (or the invitation was revoked): its request ends and frees its seat. */
    public Uni<Void> cancelForInvitation(UUID invitationId, String reason) {
        return InvitationEntity.<InvitationEntity>findById(invitationId).chain(inv -> {
            if (inv == null || inv.forumId == null) {
                return Uni.createFrom().voidItem();
            }
            return engine.lock(inv.forumId).chain(forum -> store.activeRequestOf(invitationId))
                    .chain(r -> r == null ? Uni.createFrom().voidItem()
                            : close(r, RequestStatus.WITHDRAWN, reason).replaceWithVoid());
        });
    }

    /**
     * The delegation now attends remotely: an in-person statement becomes a live remote one, which also drops the
     * in-person priority, and the forum is recomputed.
     */
    public Uni<Void> attendanceNowRemote(UUID invitationId) {
        return InvitationEntity.<InvitationEntity>findById(invitationId).chain(inv -> {
            if (inv == null || inv.forumId == null) {
                return Uni.createFrom().voidItem();
            }
            return engine.lock(inv.forumId).chain(forum -> store.activeRequestOf(invitationId))
                    .chain(r -> {
                        if (r == null || !SpeakingModality.IN_PERSON.name().equals(r.modality)) {
                            return Uni.createFrom().voidItem();
                        }
                        r.modality = SpeakingModality.REMOTE_LIVE.name();
                        return reallocate(r.forumId, List.of());
                    });
        });
    }

    // ---------------------------------------------------------------- the work

    private Uni<Views.RequestView> submit(InvitationEntity inv, Commands.Submit command, Commands.Actor actor) {
        if (!"ACCEPTED".equals(inv.replyStatus)) {
            throw ProblemException.conflict("reply-not-accepted",
                    "Only a delegation that has accepted the invitation may ask for speaking time.");
        }
        if (inv.forumId == null) {
            throw ProblemException.conflict("invitation-not-ready", "This invitation is not fully known yet.");
        }
        Commands.SpeakerInput speaker = speakerFor(inv, command.speaker());
        RankClaimPolicy.RankClaim claim = ranks.assess(invitedRank(inv), speaker.rank(), speaker.substitute(),
                claimant(actor));
        if (command.modality() == SpeakingModality.IN_PERSON && "REMOTE".equals(inv.attendanceMode)) {
            throw ProblemException.badRequest("modality",
                    "the delegation attends remotely: choose REMOTE_LIVE or VIDEO");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SpeakingRequestEntity r = new SpeakingRequestEntity();
        return engine.lock(inv.forumId)
                .call(forum -> store.activeRequestOf(inv.id).invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("request-exists",
                                "This delegation already has an active speaking request; withdraw it first.")
                                .with("requestId", existing.id);
                    }
                }))
                .call(forum -> store.sessions(forum.id).invoke(sessions -> validatePreferences(sessions, command)))
                .call(forum -> deadline(inv).invoke(deadline -> {
                    r.id = UUID.randomUUID();
                    r.forumId = forum.id;
                    r.invitationId = inv.id;
                    r.memberState = inv.memberState;
                    r.speakerName = speaker.name().trim();
                    r.speakerTitle = speaker.title().trim();
                    r.speakerSubstitute = speaker.substitute();
                    Mapping.setRankClaim(r, claim);
                    if (claim.confirmation() == RankConfirmation.CONFIRMED) {
                        r.rankDecidedBy = SECRETARIAT_ENTRY;
                        r.rankDecidedAt = now;
                    }
                    r.preferredSessionIds = Mapping.preferencesColumn(command.preferredSessionIds());
                    r.statementLanguage = command.statementLanguage().code();
                    r.modality = command.modality().name();
                    r.topic = command.topic().trim();
                    r.statementText = command.statementText();
                    r.videoReference = command.videoReference();
                    r.submittedAt = now;
                    r.submittedBy = actor.name();
                    r.late = deadline != null && !now.isBefore(deadline);
                    r.status = RequestStatus.WAITLISTED.name();
                }))
                .chain(forum -> {
                    SpeakingRequestSubmitted submitted = new SpeakingRequestSubmitted(UUID.randomUUID(), now,
                            inv.id, r.id, Mapping.speaker(r), command.preferredSessionIds(),
                            command.statementLanguage(), command.modality(), r.topic, r.late);
                    if (r.late && LatePolicy.valueOf(forum.latePolicy) == LatePolicy.REJECT) {
                        r.status = RequestStatus.REJECTED.name();
                        r.statusReason = "submitted after the speaking-request deadline";
                        r.closedAt = now;
                        return r.<SpeakingRequestEntity>persist()
                                .chain(() -> outbox.appendAll(List.of(submitted, new SpeakingRequestRejected(
                                        UUID.randomUUID(), now, inv.id, r.id, r.statusReason, null))))
                                .replaceWith((Views.RequestView) null);
                    }
                    return r.<SpeakingRequestEntity>persist()
                            .chain(() -> engine.loadAfterFlush(forum))
                            .chain(state -> engine.reallocate(state, Set.of(r.id), now)
                                    .call(result -> {
                                        List<DomainEvent> events = new ArrayList<>();
                                        events.add(submitted);
                                        events.addAll(result.events());
                                        return outbox.appendAll(events);
                                    })
                                    // The state and allocation at hand are the new truth: no second read needed.
                                    .map(result -> viewOf(state, result.allocation(), r)));
                })
                .chain(view -> view == null ? view(r) : Uni.createFrom().item(view));
    }

    private static void validatePreferences(List<SessionEntity> sessions, Commands.Submit command) {
        Map<UUID, SessionEntity> byId = sessions.stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<UUID> wanted = command.preferredSessionIds();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            UUID id = wanted.get(i);
            String field = "preferredSessionIds[" + i + "]";
            SessionEntity session = byId.get(id);
            if (session == null) {
                throw ProblemException.badRequest(field, "no session " + id + " in this forum");
            }
            if (!seen.add(id)) {
                throw ProblemException.badRequest(field, "listed twice");
            }
            if (!Mapping.modalities(session).contains(command.modality())) {
                throw ProblemException.badRequest(field, "this session does not take " + command.modality()
                        + " statements");
            }
        }
    }

    /** Who decided a rank the secretariat entered itself (on the delegation's behalf). */
    static final String SECRETARIAT_ENTRY = "secretariat (entered on the delegation's behalf)";

    private static Rank invitedRank(InvitationEntity inv) {
        return inv.rank == null ? Rank.OTHER : Rank.valueOf(inv.rank);
    }

    private static RankClaimPolicy.Claimant claimant(Commands.Actor actor) {
        return actor == Commands.Actor.SECRETARIAT ? RankClaimPolicy.Claimant.SECRETARIAT
                : RankClaimPolicy.Claimant.INVITEE;
    }

    /**
     * The invited Minister speaks with the invitation's rank; only a substitute states a rank of their own (whether
     * it counts for precedence at once is {@link RankClaimPolicy}'s to say).
     */
    private static Commands.SpeakerInput speakerFor(InvitationEntity inv, Commands.SpeakerInput given) {
        Rank invited = invitedRank(inv);
        if (!given.substitute()) {
            if (given.rank() != null && given.rank() != invited) {
                throw ProblemException.badRequest("speaker.rank", "the invited Minister's rank comes from the "
                        + "invitation (" + invited + "); a speaker of another rank is a substitute");
            }
            return new Commands.SpeakerInput(given.name(), given.title(), invited, false);
        }
        if (given.rank() == null) {
            throw ProblemException.badRequest("speaker.rank", "a substitute's rank is required");
        }
        return given;
    }

    /** The latest revision of the letter decides; the invitation's own copy is the fallback. */
    private static Uni<Instant> deadline(InvitationEntity inv) {
        if (inv.letterId == null) {
            return Uni.createFrom().item(inv.speakingDeadlineAt);
        }
        return LetterEntity.<LetterEntity>findById(inv.letterId).map(letter ->
                letter != null && letter.speakingDeadlineAt != null ? letter.speakingDeadlineAt : inv.speakingDeadlineAt);
    }

    private Uni<Views.RequestView> substitute(InvitationEntity inv, SpeakingRequestEntity r, Commands.SpeakerInput given,
                                              Commands.Actor actor) {
        Commands.SpeakerInput speaker = speakerFor(inv, given);
        RankClaimPolicy.RankClaim claim = ranks.assess(invitedRank(inv), speaker.rank(), speaker.substitute(),
                claimant(actor));
        Instant now = clock.instant();
        return store.seats(r.forumId)
                .map(seats -> seats.stream().filter(s -> s.requestId().equals(r.id)).findFirst().orElse(null))
                .chain(seat -> {
                    var previous = Mapping.speaker(r);
                    boolean reRanked = !r.precedenceRank.equals(claim.forPrecedence().name());
                    r.speakerName = speaker.name().trim();
                    r.speakerTitle = speaker.title().trim();
                    r.speakerSubstitute = speaker.substitute();
                    Mapping.setRankClaim(r, claim);
                    r.rankDecidedBy = claim.confirmation() == RankConfirmation.CONFIRMED ? SECRETARIAT_ENTRY : null;
                    r.rankDecidedAt = claim.confirmation() == RankConfirmation.CONFIRMED ? now : null;
                    r.rankDecisionNote = null;
                    keepSessionIfReRanked(r, reRanked, seat);
                    DomainEvent event = new SpeakerSubstituted(UUID.randomUUID(), now, r.invitationId, r.id,
                            previous, Mapping.speaker(r));
                    return reallocate(r.forumId, List.of(event));
                })
                .chain(() -> view(r));
    }

    /**
     * The documented rule: a seated request keeps its session when the rank it counts with changes (a substitution,
     * a confirmed or refused rank); only its place in that session's order moves (docs/allocation.md).
     */
    private static void keepSessionIfReRanked(SpeakingRequestEntity r, boolean reRanked, AllocationStore.Seat seat) {
        if (reRanked && seat != null && r.overrideKind == null) {
            r.overrideKind = Mapping.SUBSTITUTION;
            r.overrideSessionId = seat.sessionId();
        }
    }

    private Uni<Views.RequestView> override(UUID requestId, String kind, UUID sessionId) {
        return lockedActiveRequest(requestId).chain(r -> {
            r.overrideKind = kind;
            r.overrideSessionId = sessionId;
            return reallocate(r.forumId, List.of()).chain(() -> view(r));
        });
    }

    /** Ends a request (withdrawn or rejected), frees its seat and lets the rule fill it. The caller holds the lock. */
    private Uni<SpeakingRequestEntity> close(SpeakingRequestEntity r, RequestStatus status, String reason) {
        Instant now = clock.instant();
        return engine.lock(r.forumId).chain(forum -> {
            r.status = status.name();
            r.statusReason = reason;
            r.closedAt = now;
            r.waitingPosition = null;
            return engine.loadAfterFlush(forum);
        }).chain(state -> {
            AllocationStore.Seat seat = state.seats.get(r.id);
            UUID released = seat == null ? null : seat.sessionId();
            DomainEvent closed = status == RequestStatus.REJECTED
                    ? new SpeakingRequestRejected(UUID.randomUUID(), now, r.invitationId, r.id, reason, released)
                    : new SpeakingRequestWithdrawn(UUID.randomUUID(), now, r.invitationId, r.id, reason, released);
            return engine.reallocate(state, Set.of(), now).chain(result -> {
                List<DomainEvent> events = new ArrayList<>();
                events.add(closed);
                events.addAll(result.events());
                return outbox.appendAll(events);
            });
        }).replaceWith(r);
    }

    /** Recomputes a forum whose lock the caller holds, then records {@code first} and the outcome events. */
    private Uni<Void> reallocate(UUID forumId, List<DomainEvent> first) {
        return engine.lock(forumId).chain(engine::loadAfterFlush)
                .chain(state -> engine.reallocate(state, Set.of(), clock.instant()))
                .chain(result -> {
                    List<DomainEvent> events = new ArrayList<>(first);
                    events.addAll(result.events());
                    return outbox.appendAll(events);
                });
    }

    // ---------------------------------------------------------------- reading

    /**
     * The link was admitted before the endpoint ran (service-support's PersonalLinkAdmission, which also answers 404
     * for another invitation's address); the row this transaction reads is judged again by the same rule, so that a
     * revocation or a re-issue consumed in between is not missed. The expiry in the claims is the effective one.
     */
    private Uni<InvitationEntity> linkedInvitation(LinkClaims link, UUID invitationId) {
        if (!link.invitationId().equals(invitationId)) {
            return Uni.createFrom().failure(LinkRefusals.notFound());
        }
        return InvitationEntity.<InvitationEntity>findById(invitationId).map(inv -> {
            LinkRefusals.require(link, inv == null || !inv.issued ? null
                    : new LinkState(inv.linkVersion, inv.revoked, null, inv.preferredLanguage, inv.erasedAt != null),
                    clock.instant());
            return inv;
        });
    }

    /** A speaker named for an erased person's invitation would be new personal data about them. */
    private static void requireNotErased(InvitationEntity inv) {
        if (inv != null && inv.erasedAt != null) {
            throw ProblemException.conflict("personal-data-erased",
                    "The personal data of this invitation has been erased on request; no speaker can be named.");
        }
    }

    private static ProblemException noRequest(UUID invitationId) {
        return ProblemException.notFound("speaking-request-not-found",
                "No speaking request for invitation " + invitationId + ".");
    }

    private Uni<SpeakingRequestEntity> request(UUID requestId) {
        return SpeakingRequestEntity.<SpeakingRequestEntity>findById(requestId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("speaking-request-not-found",
                        "No speaking request " + requestId + "."));
    }

    /**
     * Takes the forum's lock before the request is first loaded, so that the request is read as the previous
     * holder of the lock committed it.
     */
    private Uni<SpeakingRequestEntity> lockedActiveRequest(UUID requestId) {
        return store.forumOfRequest(requestId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("speaking-request-not-found",
                        "No speaking request " + requestId + "."))
                .chain(engine::lock)
                .chain(() -> request(requestId))
                .invoke(SpeakingRequestService::requireActive);
    }

    private Uni<SpeakingRequestEntity> lockedActiveRequestOf(InvitationEntity inv) {
        if (inv.forumId == null) {
            return Uni.createFrom().failure(noRequest(inv.id));
        }
        return engine.lock(inv.forumId).chain(() -> store.activeRequestOf(inv.id))
                .onItem().ifNull().failWith(() -> noRequest(inv.id));
    }

    private static void requireActive(SpeakingRequestEntity r) {
        if (!RequestStatus.valueOf(r.status).active()) {
            throw ProblemException.conflict("request-closed", "This request is already " + r.status + ".");
        }
    }

    private Uni<Views.RequestView> view(SpeakingRequestEntity r) {
        if (!RequestStatus.valueOf(r.status).active()) {
            return Uni.createFrom().item(Mapping.request(r, null, null));
        }
        return ForumEntity.<ForumEntity>findById(r.forumId).chain(forum -> engine.load(forum).map(state -> {
            boolean active = RequestStatus.valueOf(r.status).active();
            String explanation = active ? engine.explain(state, engine.compute(state, forum.frozen), r) : null;
            return Mapping.request(r, active ? seat(state, r.id) : null, explanation);
        }));
    }

    /** A view from a fresh allocation, before its seats are read back: seat and explanation come from the outcome. */
    private Views.RequestView viewOf(AllocationEngine.State state, Allocation allocation, SpeakingRequestEntity r) {
        Views.Seat seat = null;
        if (allocation.outcomeOf(r.id) instanceof Outcome.Allocated allocated) {
            SessionEntity session = state.sessionsById.get(allocated.sessionId());
            seat = new Views.Seat(session.id, allocated.position(), Mapping.plannedStart(session, allocated.position()));
        }
        return Mapping.request(r, seat, engine.explain(state, allocation, r));
    }

    private static Views.Seat seat(AllocationEngine.State state, UUID requestId) {
        AllocationStore.Seat seat = state.seats.get(requestId);
        if (seat == null) {
            return null;
        }
        SessionEntity session = state.sessionsById.get(seat.sessionId());
        return new Views.Seat(seat.sessionId(), seat.position(), Mapping.plannedStart(session, seat.position()));
    }
}
