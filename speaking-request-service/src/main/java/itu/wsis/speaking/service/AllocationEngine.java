package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.RankConfirmation;
import itu.wsis.speaking.config.SpeakingConfig;
import itu.wsis.speaking.domain.Allocation;
import itu.wsis.speaking.domain.AllocationPolicy;
import itu.wsis.speaking.domain.Candidate;
import itu.wsis.speaking.domain.Outcome;
import itu.wsis.speaking.domain.Reallocation;
import itu.wsis.speaking.domain.Session;
import itu.wsis.speaking.domain.SessionSlots;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.SessionEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs {@link AllocationPolicy} over one forum and makes the database say what it says. Callers hold the forum's
 * lock (see {@link #lock}) for the whole transaction, so recomputations of one forum never interleave.
 */
@ApplicationScoped
public class AllocationEngine {

    private final AllocationRepository allocations;
    private final SpeakingConfig config;

    public AllocationEngine(AllocationRepository allocations, SpeakingConfig config) {
        this.allocations = allocations;
        this.config = config;
    }

    /** A forum's allocation state as loaded at one moment. */
    public static final class State {
        final ForumEntity forum;
        final List<SessionEntity> sessions;
        final List<SpeakingRequestEntity> active;
        final Map<UUID, AllocationRepository.Seat> seats;
        final Map<UUID, SessionEntity> sessionsById = new LinkedHashMap<>();

        State(ForumEntity forum, List<SessionEntity> sessions, List<SpeakingRequestEntity> active,
              List<AllocationRepository.Seat> seats) {
            this.forum = forum;
            this.sessions = sessions;
            this.active = active;
            this.seats = new HashMap<>();
            seats.forEach(s -> this.seats.put(s.requestId(), s));
            sessions.forEach(s -> sessionsById.put(s.id, s));
        }

        /**
         * The state without one request, as if it had never been active: for a request that ends, whose closing is
         * decided with the seat it held and then leaves the allocation.
         */
        State without(UUID requestId) {
            List<AllocationRepository.Seat> otherSeats = seats.values().stream()
                    .filter(s -> !s.requestId().equals(requestId)).toList();
            return new State(forum, sessions, active.stream().filter(r -> !r.id.equals(requestId)).toList(),
                    otherSeats);
        }

        ZoneId zone() {
            return Mapping.zone(forum);
        }

        Function<UUID, String> labels() {
            ZoneId zone = zone();
            return id -> {
                SessionEntity s = sessionsById.get(id);
                return s == null ? "session " + id : Mapping.sessionLabel(s, zone);
            };
        }

        List<Candidate> candidates() {
            return active.stream().map(r -> {
                AllocationRepository.Seat seat = seats.get(r.id);
                return Mapping.candidate(r, seat == null ? null : seat.sessionId());
            }).toList();
        }
    }

    /** The forum row, locked until the end of the transaction; 404 when this service does not know the forum. */
    public Uni<ForumEntity> lock(UUID forumId) {
        return allocations.lockForum(forumId).onItem().ifNull().failWith(() -> ProblemException.notFound("forum-not-found",
                "No forum " + forumId + " is known to this service yet."));
    }

    /** Like {@link #load}, after writing pending changes (a new or closed request) so that the queries see them. */
    public Uni<State> loadAfterFlush(ForumEntity forum) {
        return Panache.flush().chain(() -> load(forum));
    }

    /** Loads the state of a forum whose row the caller has locked (or reads without a lock, for a dry run). */
    public Uni<State> load(ForumEntity forum) {
        List<SessionEntity> sessions = new ArrayList<>();
        List<SpeakingRequestEntity> active = new ArrayList<>();
        return allocations.sessions(forum.id).invoke(sessions::addAll)
                .chain(() -> allocations.activeRequests(forum.id)).invoke(active::addAll)
                .chain(() -> allocations.seats(forum.id))
                .map(seats -> new State(forum, sessions, active, seats));
    }

    public Allocation compute(State state, boolean frozen) {
        return AllocationPolicy.allocate(state.sessions.stream().map(Mapping::slots).toList(), state.candidates(),
                Mapping.precedence(config), frozen);
    }

    public String explain(State state, Allocation allocation, SpeakingRequestEntity request) {
        AllocationRepository.Seat seat = state.seats.get(request.id);
        Candidate candidate = Mapping.candidate(request, seat == null ? null : seat.sessionId());
        if (allocation.outcomeOf(request.id) == null) {
            return null;
        }
        ZoneId zone = state.zone();
        java.util.Set<UUID> roundTables = new java.util.HashSet<>();
        state.sessions.stream().map(Mapping::slots).filter(SessionSlots::roundTable)
                .forEach(s -> roundTables.add(s.sessionId()));
        String line = allocation.explain(candidate, zone, Mapping.zoneLabel(zone), state.labels(),
                roundTables::contains);
        if (request.rankConfirmation == RankConfirmation.PENDING) {
            return line + "; " + request.speakerRank + " claimed, counts once the secretariat confirms it";
        }
        if (request.rankConfirmation == RankConfirmation.REFUSED) {
            return line + "; " + request.speakerRank + " claimed, not confirmed by the secretariat";
        }
        return line;
    }

    /**
     * Recomputes the forum, writes statuses, waiting positions and seats, and returns the events of every request
     * whose outcome changed ({@link Reallocation} decides which).
     */
    public record Reallocated(List<DomainEvent> events, Allocation allocation) {
    }

    public Uni<Reallocated> reallocate(State state, Set<UUID> newRequestIds, Instant now) {
        Allocation allocation = compute(state, state.forum.frozen);
        Map<UUID, SpeakingRequestEntity> rows = new HashMap<>();
        state.active.forEach(r -> rows.put(r.id, r));
        Reallocation.Result result = Reallocation.of(allocation, before(state, newRequestIds), sessions(state),
                id -> explain(state, allocation, rows.get(id)), now);
        for (Reallocation.After after : result.requests()) {
            SpeakingRequestEntity r = rows.get(after.requestId());
            r.status = after.status();
            r.waitingPosition = after.waitingPosition();
        }
        List<AllocationRepository.Seat> seats = new ArrayList<>();
        for (SpeakingRequestEntity r : state.active) {
            if (allocation.outcomeOf(r.id) instanceof Outcome.Allocated allocated) {
                seats.add(new AllocationRepository.Seat(allocated.sessionId(), allocated.position(), r.id));
            }
        }
        return allocations.replaceSeats(state.forum.id, seats)
                .replaceWith(new Reallocated(result.events(), allocation));
    }

    /** The active requests as they stand before a recomputation. */
    static List<Reallocation.Before> before(State state, Set<UUID> newRequestIds) {
        return state.active.stream().map(r -> {
            AllocationRepository.Seat seat = state.seats.get(r.id);
            return new Reallocation.Before(r.id, r.invitationId, r.modality, r.status,
                    seat == null ? null : seat.sessionId(), newRequestIds.contains(r.id), Mapping.kind(r));
        }).toList();
    }

    /** The forum's sessions as the domain sees them, by id. */
    static Map<UUID, Session> sessions(State state) {
        ZoneId zone = state.zone();
        Map<UUID, Session> sessions = new HashMap<>();
        state.sessions.forEach(s -> sessions.put(s.id, Mapping.session(s, zone)));
        return sessions;
    }
}
