package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.domain.PlacedRequest;
import itu.wsis.speaking.domain.RequestStatus;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Speaking requests as they stand, for the delegation (its own, through the link) and the secretariat. */
@ApplicationScoped
public class SpeakingRequestQueries {

    private final AllocationEngine engine;
    private final AllocationRepository allocations;
    private final SpeakingRequestAccess access;
    private final PlacedRequests placements;

    SpeakingRequestQueries(AllocationEngine engine, AllocationRepository allocations, SpeakingRequestAccess access,
                           PlacedRequests placements) {
        this.engine = engine;
        this.allocations = allocations;
        this.access = access;
        this.placements = placements;
    }

    /** The delegation's latest request, active or not. */
    @WithSession
    public Uni<PlacedRequest> mine(LinkClaims link, UUID invitationId, UUID sessionId) {
        return access.linkedInvitation(link, invitationId)
                .chain(inv -> access.roundTableOf(inv, sessionId)
                        .chain(roundTable -> allocations.latestRequestOf(inv.id, roundTable)))
                .onItem().ifNull().failWith(() -> SpeakingRequestAccess.noRequestFor(invitationId))
                .chain(placements::view);
    }

    /** The forum of the link's invitation, for the list of sessions it may ask for. */
    @WithSession
    public Uni<UUID> forumOf(LinkClaims link, UUID invitationId) {
        return access.linkedInvitation(link, invitationId).map(inv -> {
            if (inv.forumId == null) {
                throw ProblemException.conflict("invitation-not-ready", "This invitation is not fully known yet.");
            }
            return inv.forumId;
        });
    }

    @WithSession
    public Uni<PlacedRequest> get(UUID requestId) {
        return access.request(requestId).chain(placements::view);
    }

    /** Every request of a forum (of one status, unless {@code status} is null), in order of submission. */
    @WithSession
    public Uni<List<PlacedRequest>> list(UUID forumId, RequestStatus status) {
        return ForumEntity.<ForumEntity>findById(forumId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("forum-not-found", "No forum " + forumId))
                .chain(forum -> engine.load(forum).chain(state -> {
                    var allocation = engine.compute(state, forum.frozen);
                    return SpeakingRequestEntity.<SpeakingRequestEntity>list(
                                    "forumId = ?1 order by submittedAt, id", forumId)
                            .map(all -> all.stream()
                                    .filter(r -> status == null || status == r.status)
                                    .map(r -> placements.viewIn(state, allocation, r))
                                    .toList());
                }));
    }
}
