package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.config.SpeakingConfig;
import itu.wsis.speaking.domain.PlacedRequest;
import itu.wsis.speaking.domain.Actor;
import itu.wsis.speaking.domain.RankClaimPolicy;
import itu.wsis.speaking.domain.SessionSlots;
import itu.wsis.speaking.domain.SpeakingRequest;
import itu.wsis.speaking.domain.SubmissionPolicy;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.InvitationEntity;
import itu.wsis.speaking.repository.LetterEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A delegation asks for speaking time, through its personal link or by letter to the secretariat. {@link
 * SubmissionPolicy} decides; this loads what it needs, stores the request and allocates it in the same transaction.
 */
@ApplicationScoped
public class SpeakingRequestSubmission {

    private final AllocationEngine engine;
    private final AllocationRepository allocations;
    private final Outbox outbox;
    private final Clock clock;
    private final SpeakingRequestAccess access;
    private final PlacedRequests placements;
    private final SubmissionPolicy policy;

    SpeakingRequestSubmission(AllocationEngine engine, AllocationRepository allocations, Outbox outbox, Clock clock,
                              SpeakingRequestAccess access, PlacedRequests placements, SpeakingConfig config) {
        this.engine = engine;
        this.allocations = allocations;
        this.outbox = outbox;
        this.clock = clock;
        this.access = access;
        this.placements = placements;
        this.policy = new SubmissionPolicy(new RankClaimPolicy(Mapping.precedence(config)));
    }

    @WithTransaction
    public Uni<PlacedRequest> byInvitee(LinkClaims link, UUID invitationId, SubmissionPolicy.Draft draft) {
        return access.linkedInvitation(link, invitationId).chain(inv -> submit(inv, draft, Actor.INVITEE));
    }

    /** A request received by letter or email, entered by the secretariat on the delegation's behalf. */
    @WithTransaction
    public Uni<PlacedRequest> forDelegation(UUID invitationId, SubmissionPolicy.Draft draft) {
        return InvitationEntity.<InvitationEntity>findById(invitationId)
                .onItem().ifNull().failWith(() -> ProblemException.badRequest("invitationId",
                        "no invitation " + invitationId + " is known to this service"))
                .chain(inv -> {
                    Mapping.delegation(inv).requireOpenToSecretariat();
                    return submit(inv, draft, Actor.SECRETARIAT);
                });
    }

    private Uni<PlacedRequest> submit(InvitationEntity inv, SubmissionPolicy.Draft draft, Actor actor) {
        SubmissionPolicy.Admitted admitted = policy.admit(Mapping.delegation(inv), draft, actor);
        return engine.lock(inv.forumId).chain(forum -> {
            // Read under the forum's lock, which serialises allocation across instances: first come is then the
            // order in which requests are allocated, even for one that waited for the lock.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return allocations.sessions(forum.id).chain(sessions -> {
                List<SessionSlots> slots = sessions.stream().map(Mapping::slots).toList();
                // The two kinds of request are independent: the delegation's other one does not stand in the way.
                UUID roundTable = SubmissionPolicy.roundTableOf(slots, draft.preferredSessionIds());
                return allocations.activeRequestOf(inv.id, roundTable)
                        .chain(existing -> deadline(inv).map(deadline -> policy.submit(admitted, UUID.randomUUID(),
                                existing == null ? null : existing.id, slots, deadline, forum.latePolicy, now)))
                        .chain(decision -> store(forum, decision, roundTable, now));
            });
        });
    }

    /** A late request rejected at once is stored with its events; any other is allocated before it is answered. */
    private Uni<PlacedRequest> store(ForumEntity forum, SpeakingRequest.Decision decision, UUID roundTable,
                                     Instant now) {
        SpeakingRequestEntity r = Mapping.write(decision.request(), new SpeakingRequestEntity());
        r.roundTableId = roundTable;
        if (!decision.request().active()) {
            return r.<SpeakingRequestEntity>persist()
                    .chain(() -> outbox.appendAll(decision.events()))
                    .chain(() -> placements.view(r));
        }
        return r.<SpeakingRequestEntity>persist()
                .chain(() -> engine.loadAfterFlush(forum))
                .chain(state -> engine.reallocate(state, Set.of(r.id), now)
                        .call(result -> outbox.appendAll(SpeakingRequestRecorder.concat(decision.events(),
                                result.events())))
                        // The state and allocation at hand are the new truth: no second read needed.
                        .map(result -> placements.viewOf(state, result.allocation(), r)));
    }

    /** The latest revision of the letter decides; the invitation's own copy is the fallback. */
    private static Uni<Instant> deadline(InvitationEntity inv) {
        if (inv.letterId == null) {
            return Uni.createFrom().item(inv.speakingDeadlineAt);
        }
        return LetterEntity.<LetterEntity>findById(inv.letterId).map(letter ->
                letter != null && letter.speakingDeadlineAt != null ? letter.speakingDeadlineAt : inv.speakingDeadlineAt);
    }
}
