package itu.wsis.speaking.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.domain.Allocation;
import itu.wsis.speaking.domain.Outcome;
import itu.wsis.speaking.domain.PlacedRequest;
import itu.wsis.speaking.domain.Slot;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.SessionEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import jakarta.enterprise.context.ApplicationScoped;


/** Requests as the services answer them: each with its slot and the one line that explains its place, while active. */
@ApplicationScoped
class PlacedRequests {

    private final AllocationEngine engine;

    PlacedRequests(AllocationEngine engine) {
        this.engine = engine;
    }

    Uni<PlacedRequest> view(SpeakingRequestEntity r) {
        if (!r.status.active()) {
            return Uni.createFrom().item(Mapping.placed(r, null, null));
        }
        return ForumEntity.<ForumEntity>findById(r.forumId).chain(forum -> engine.load(forum).map(state ->
                Mapping.placed(r, seat(state, r), engine.explain(state, engine.compute(state, forum.frozen), r))));
    }

    /** A view from a fresh allocation, before its seats are read back: seat and explanation come from the outcome. */
    PlacedRequest viewOf(AllocationEngine.State state, Allocation allocation, SpeakingRequestEntity r) {
        Slot seat = null;
        if (allocation.outcomeOf(r.id) instanceof Outcome.Allocated allocated) {
            SessionEntity session = state.sessionsById.get(allocated.sessionId());
            seat = Mapping.slot(session, allocated.position(), r.modality);
        }
        return Mapping.placed(r, seat, engine.explain(state, allocation, r));
    }

    /** A view of every request in a forum's state: active ones with their seat and explanation. */
    PlacedRequest viewIn(AllocationEngine.State state, Allocation allocation, SpeakingRequestEntity r) {
        return Mapping.placed(r, seat(state, r), r.status.active() ? engine.explain(state, allocation, r) : null);
    }

    private static Slot seat(AllocationEngine.State state, SpeakingRequestEntity r) {
        AllocationRepository.Seat seat = state.seats.get(r.id);
        if (seat == null) {
            return null;
        }
        return Mapping.slot(state.sessionsById.get(seat.sessionId()), seat.position(), r.modality);
    }
}
