package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.domain.PlacedRequest;
import itu.wsis.speaking.domain.SpeakingRequest;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.SessionEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The secretariat overrides the allocation rule for one request: pins it to a session, holds it on the waiting list,
 * or hands it back to the rule. The forum is recomputed after each, and its events say what moved.
 */
@ApplicationScoped
public class SpeakingRequestOverrides {

    private final AllocationRepository allocations;
    private final SpeakingRequestAccess access;
    private final SpeakingRequestRecorder recorder;
    private final PlacedRequests placements;

    SpeakingRequestOverrides(AllocationRepository allocations, SpeakingRequestAccess access, SpeakingRequestRecorder recorder,
                             PlacedRequests placements) {
        this.allocations = allocations;
        this.access = access;
        this.recorder = recorder;
        this.placements = placements;
    }

    /** Pins a request to a session ({@link SpeakingRequest#assign}). It takes a seat there even if the rule would not give it one. */
    @WithTransaction
    public Uni<PlacedRequest> assign(UUID requestId, UUID sessionId) {
        return access.lockedActiveRequest(requestId).chain(r -> SessionEntity.<SessionEntity>findById(sessionId)
                .chain(session -> allocations.pinnedTo(sessionId, r.id).map(pinned -> Mapping.request(r).assign(sessionId,
                        session == null || !session.forumId.equals(r.forumId) ? null : Mapping.slots(session), pinned,
                        r.roundTableId)))
                .chain(assigned -> recorder.record(r, assigned))
                .chain(() -> placements.view(r)));
    }

    /** Puts a request on the waiting list and keeps it there until assigned or released to the rule. */
    @WithTransaction
    public Uni<PlacedRequest> hold(UUID requestId) {
        return override(requestId, SpeakingRequest::hold);
    }

    /** Removes any override: the rule places the request again. */
    @WithTransaction
    public Uni<PlacedRequest> release(UUID requestId) {
        return override(requestId, SpeakingRequest::release);
    }

    private Uni<PlacedRequest> override(UUID requestId, UnaryOperator<SpeakingRequest> change) {
        return access.lockedActiveRequest(requestId)
                .call(r -> recorder.record(r, change.apply(Mapping.request(r))))
                .chain(placements::view);
    }
}
