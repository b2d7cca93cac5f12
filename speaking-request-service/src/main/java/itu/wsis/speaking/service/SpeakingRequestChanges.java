package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.config.SpeakingConfig;
import itu.wsis.speaking.domain.PlacedRequest;
import itu.wsis.speaking.domain.Actor;
import itu.wsis.speaking.domain.RankClaimPolicy;
import itu.wsis.speaking.domain.RequestStatus;
import itu.wsis.speaking.domain.RoundTableEligibility;
import itu.wsis.speaking.domain.SpeakingRequest;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.InvitationEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import itu.wsis.support.links.LinkClaims;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What happens to a request after its submission: withdrawal, rejection, a new speaker, the secretariat's decision
 * on a claimed rank, and the consequences of a changed reply. {@link SpeakingRequest} decides each; the forum is
 * recomputed after every change ({@link SpeakingRequestRecorder}).
 */
@ApplicationScoped
public class SpeakingRequestChanges {

    private final AllocationEngine engine;
    private final AllocationRepository allocations;
    private final Clock clock;
    private final SpeakingRequestAccess access;
    private final SpeakingRequestRecorder recorder;
    private final PlacedRequests placements;
    private final RankClaimPolicy ranks;
    private final RoundTableEligibility eligibility;

    SpeakingRequestChanges(AllocationEngine engine, AllocationRepository allocations, Clock clock, SpeakingRequestAccess access,
                           SpeakingRequestRecorder recorder, PlacedRequests placements, SpeakingConfig config) {
        this.engine = engine;
        this.allocations = allocations;
        this.clock = clock;
        this.access = access;
        this.recorder = recorder;
        this.placements = placements;
        this.ranks = new RankClaimPolicy(Mapping.precedence(config));
        this.eligibility = new RoundTableEligibility(Mapping.precedence(config));
    }

    // ---------------------------------------------------------------- the delegation, through the personal link

    @WithTransaction
    public Uni<PlacedRequest> withdrawByInvitee(LinkClaims link, UUID invitationId, UUID sessionId) {
        return access.linkedInvitation(link, invitationId)
                .chain(inv -> access.roundTableOf(inv, sessionId)
                        .chain(roundTable -> access.lockedActiveRequestOf(inv, roundTable)))
                .call(r -> close(r, RequestStatus.WITHDRAWN, "withdrawn by the delegation"))
                .chain(placements::view);
    }

    @WithTransaction
    public Uni<PlacedRequest> substituteByInvitee(LinkClaims link, UUID invitationId, UUID sessionId,
                                                      SpeakingRequest.Speaker speaker) {
        return access.linkedInvitation(link, invitationId)
                .chain(inv -> access.roundTableOf(inv, sessionId)
                        .chain(roundTable -> access.lockedActiveRequestOf(inv, roundTable))
                        .chain(r -> substitute(inv, r, speaker, Actor.INVITEE)));
    }

    // ---------------------------------------------------------------- the secretariat

    @WithTransaction
    public Uni<PlacedRequest> reject(UUID requestId, String reason) {
        return access.lockedActiveRequest(requestId)
                .call(r -> close(r, RequestStatus.REJECTED, reason))
                .chain(placements::view);
    }

    @WithTransaction
    public Uni<PlacedRequest> substituteForDelegation(UUID requestId, SpeakingRequest.Speaker speaker) {
        return access.lockedActiveRequest(requestId).chain(r -> InvitationEntity.<InvitationEntity>findById(r.invitationId)
                .chain(inv -> {
                    Mapping.delegation(inv).requireNotErased();
                    return substitute(inv, r, speaker, Actor.SECRETARIAT);
                }));
    }

    /**
     * The secretariat confirms or refuses a speaker's rank that the invitation does not support
     * ({@link SpeakingRequest#decideRank}); the forum is recomputed either way.
     */
    @WithTransaction
    public Uni<PlacedRequest> decideRank(UUID requestId, boolean confirm, String note, String decidedBy) {
        Instant now = clock.instant();
        return access.lockedActiveRequest(requestId).chain(r -> InvitationEntity.<InvitationEntity>findById(r.invitationId)
                .chain(inv -> seatOf(r).chain(seatedIn -> recorder.record(r, Mapping.request(r).decideRank(confirm,
                        note, decidedBy, Mapping.delegation(inv).invitedRank(), ranks, seatedIn, now))))
                .chain(() -> placements.view(r)));
    }

    // ---------------------------------------------------------------- from registration events

    /**
     * The delegation no longer attends (or the invitation was revoked): its requests, of both kinds, end and free
     * their seats.
     */
    public Uni<Void> cancelForInvitation(UUID invitationId, String reason) {
        return eachActiveRequestOf(invitationId, r -> close(r, RequestStatus.WITHDRAWN, reason));
    }

    /** Runs {@code change} on each active request of the invitation in turn, under the forum's lock. */
    private Uni<Void> eachActiveRequestOf(UUID invitationId,
                                          java.util.function.Function<SpeakingRequestEntity, Uni<Void>> change) {
        return InvitationEntity.<InvitationEntity>findById(invitationId).chain(inv -> {
            if (inv == null || inv.forumId == null) {
                return Uni.createFrom().voidItem();
            }
            return engine.lock(inv.forumId).chain(forum -> allocations.activeRequestsOf(invitationId))
                    .chain(active -> {
                        // One after the other: each change recomputes the forum on the same reactive session.
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (SpeakingRequestEntity r : active) {
                            chain = chain.chain(() -> change.apply(r));
                        }
                        return chain;
                    });
        });
    }

    /** The delegation now attends remotely ({@link SpeakingRequest#attendingRemotely}): the forum is recomputed. */
    public Uni<Void> attendanceNowRemote(UUID invitationId) {
        return eachActiveRequestOf(invitationId, r -> {
            SpeakingRequest before = Mapping.request(r);
            SpeakingRequest after = before.attendingRemotely();
            return after.equals(before) ? Uni.createFrom().voidItem() : recorder.record(r, after);
        });
    }

    // ---------------------------------------------------------------- the work

    private Uni<PlacedRequest> substitute(InvitationEntity inv, SpeakingRequestEntity r,
                                              SpeakingRequest.Speaker given, Actor actor) {
        Instant now = clock.instant();
        return seatOf(r)
                .chain(seatedIn -> {
                    SpeakingRequest.Decision decision = Mapping.request(r).substitute(given, Mapping.delegation(inv),
                            actor, ranks, seatedIn, now);
                    if (r.roundTableId != null) {
                        eligibility.require(decision.request().standing().forPrecedence());
                    }
                    return recorder.record(r, decision);
                })
                .chain(() -> placements.view(r));
    }

    private Uni<Void> close(SpeakingRequestEntity r, RequestStatus end, String reason) {
        Instant now = clock.instant();
        return recorder.close(r, released -> Mapping.request(r).close(end, reason, released, now, Mapping.kind(r)));
    }

    /** The session the request holds a seat in now, or null. */
    private Uni<UUID> seatOf(SpeakingRequestEntity r) {
        return allocations.seats(r.forumId).map(seats -> seats.stream().filter(s -> s.requestId().equals(r.id))
                .map(AllocationRepository.Seat::sessionId).findFirst().orElse(null));
    }
}
