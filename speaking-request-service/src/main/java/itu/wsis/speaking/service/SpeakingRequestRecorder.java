package itu.wsis.speaking.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.DomainEvent;
import itu.wsis.speaking.domain.SpeakingRequest;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import itu.wsis.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stores what a rule of {@link SpeakingRequest} decided: the request's row, the forum recomputed by the allocation,
 * and the decision's events followed by the allocation's, through the outbox. The caller holds the forum's lock.
 */
@ApplicationScoped
class SpeakingRequestRecorder {

    private final AllocationEngine engine;
    private final Outbox outbox;
    private final Clock clock;

    SpeakingRequestRecorder(AllocationEngine engine, Outbox outbox, Clock clock) {
        this.engine = engine;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A change of an active request: its row, then the forum recomputed, then the events. */
    Uni<Void> record(SpeakingRequestEntity row, SpeakingRequest.Decision decision) {
        Mapping.write(decision.request(), row);
        return reallocate(row.forumId, decision.events());
    }

    /** A change that is no news by itself (an override): the allocation's events say what it moved. */
    Uni<Void> record(SpeakingRequestEntity row, SpeakingRequest changed) {
        return record(row, new SpeakingRequest.Decision(changed, List.of()));
    }

    /**
     * Ends a request: {@code closing} decides, given the seat the request held (null when it waited); the seat is
     * freed and the rule fills it.
     */
    Uni<Void> close(SpeakingRequestEntity row, Function<UUID, SpeakingRequest.Decision> closing) {
        return engine.lock(row.forumId).chain(engine::loadAfterFlush).chain(state -> {
            AllocationRepository.Seat seat = state.seats.get(row.id);
            SpeakingRequest.Decision decision = closing.apply(seat == null ? null : seat.sessionId());
            Mapping.write(decision.request(), row);
            Instant now = decision.request().closedAt();
            return engine.reallocate(state.without(row.id), Set.of(), now)
                    .chain(result -> outbox.appendAll(concat(decision.events(), result.events())));
        });
    }

    /** Recomputes a forum whose lock the caller holds, then records {@code first} and the outcome events. */
    private Uni<Void> reallocate(UUID forumId, List<DomainEvent> first) {
        return engine.lock(forumId).chain(engine::loadAfterFlush)
                .chain(state -> engine.reallocate(state, Set.of(), clock.instant()))
                .chain(result -> outbox.appendAll(concat(first, result.events())));
    }

    static List<DomainEvent> concat(List<DomainEvent> first, List<DomainEvent> then) {
        List<DomainEvent> events = new ArrayList<>(first);
        events.addAll(then);
        return events;
    }
}
