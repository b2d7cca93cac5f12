package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.domain.PlacedRequest;
import itu.wsis.speaking.domain.RequestStatus;
import itu.wsis.speaking.domain.Session;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * What the delegation's pages show about speaking, read at once: the forum's sessions of every kind, and its
     * latest request of each kind (for speaking time, and for a seat at each round table), oldest first.
     */
    public record Overview(List<Session> sessions, List<PlacedRequest> requests) {
    }

    /**
     * The {@link Overview} of the link's invitation, from one reading of its forum's allocation: one call where the
     * pages made four, each of which the personal link's rate limit counts.
     */
    @WithSession
    public Uni<Overview> overview(LinkClaims link, UUID invitationId) {
        return forumOf(link, invitationId).chain(forumId -> ForumEntity.<ForumEntity>findById(forumId)
                .onItem().ifNull().failWith(() -> ProblemException.conflict("invitation-not-ready",
                        "This invitation is not fully known yet."))
                .chain(forum -> engine.load(forum).chain(state -> {
                    var allocation = engine.compute(state, forum.frozen);
                    List<Session> sessions = state.sessions.stream().map(s -> Mapping.session(s, forum)).toList();
                    return SpeakingRequestEntity.<SpeakingRequestEntity>list(
                                    "invitationId = ?1 order by submittedAt desc, id", invitationId)
                            .map(all -> new Overview(sessions, latestOfEachKind(all).stream()
                                    .map(r -> placements.viewIn(state, allocation, r)).toList()));
                })));
    }

    /** From requests newest first: the first one of each kind (a round table's id, or none), oldest first. */
    private static List<SpeakingRequestEntity> latestOfEachKind(List<SpeakingRequestEntity> newestFirst) {
        Set<UUID> seen = new HashSet<>();
        boolean speakingTime = false;
        List<SpeakingRequestEntity> latest = new ArrayList<>();
        for (SpeakingRequestEntity r : newestFirst) {
            if (r.roundTableId == null ? !speakingTime : seen.add(r.roundTableId)) {
                speakingTime |= r.roundTableId == null;
                latest.add(r);
            }
        }
        latest.sort(Comparator.comparing((SpeakingRequestEntity r) -> r.submittedAt).thenComparing(r -> r.id));
        return latest;
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
