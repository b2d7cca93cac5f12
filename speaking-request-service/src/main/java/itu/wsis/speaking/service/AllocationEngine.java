package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.RankConfirmation;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.speaking.config.SpeakingConfig;
import itu.wsis.speaking.domain.Allocation;
import itu.wsis.speaking.domain.AllocationPolicy;
import itu.wsis.speaking.domain.Candidate;
import itu.wsis.speaking.domain.Outcome;
import itu.wsis.speaking.domain.RequestStatus;
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
        String line = allocation.explain(candidate, zone, Mapping.zoneLabel(zone), state.labels());
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
     * whose outcome changed: a new request is allocated or waitlisted, a waiting one promoted, a seated one moved
     * to another session or back to the waiting list. A move within one session's order is not an event: the list
     * of speakers shows it.
     */
    public record Reallocated(List<DomainEvent> events, Allocation allocation) {
    }

    public Uni<Reallocated> reallocate(State state, Set<UUID> newRequestIds, Instant now) {
        Allocation allocation = compute(state, state.forum.frozen);
        List<DomainEvent> events = new ArrayList<>();
        List<AllocationRepository.Seat> seats = new ArrayList<>();
        ZoneId zone = state.zone();
        for (SpeakingRequestEntity r : state.active) {
            Outcome outcome = allocation.outcomeOf(r.id);
            AllocationRepository.Seat before = state.seats.get(r.id);
            boolean isNew = newRequestIds.contains(r.id);
            if (outcome instanceof Outcome.Allocated allocated) {
                SessionEntity session = state.sessionsById.get(allocated.sessionId());
                seats.add(new AllocationRepository.Seat(session.id, allocated.position(), r.id));
                boolean promoted = !isNew && r.status == RequestStatus.WAITLISTED;
                boolean moved = !isNew && before != null && !before.sessionId().equals(session.id);
                if (isNew || moved) {
                    events.add(new SpeakingSlotAllocated(UUID.randomUUID(), now, r.invitationId, r.id, session.id,
                            Mapping.titles(session), session.startsAt, zone.getId(), allocated.position(),
                            Mapping.plannedStart(session, allocated.position()), session.statementMinutes,
                            r.modality));
                } else if (promoted) {
                    events.add(new SpeakingRequestPromoted(UUID.randomUUID(), now, r.invitationId, r.id, session.id,
                            Mapping.titles(session), session.startsAt, zone.getId(), allocated.position(),
                            Mapping.plannedStart(session, allocated.position()), session.statementMinutes,
                            r.modality));
                }
                r.status = RequestStatus.ALLOCATED;
                r.waitingPosition = null;
            } else if (outcome instanceof Outcome.Waiting waiting) {
                boolean demoted = !isNew && r.status == RequestStatus.ALLOCATED;
                if (isNew || demoted) {
                    events.add(new SpeakingRequestWaitlisted(UUID.randomUUID(), now, r.invitationId, r.id,
                            waiting.position(), explain(state, allocation, r)));
                }
                r.status = RequestStatus.WAITLISTED;
                r.waitingPosition = waiting.position();
            }
        }
        return allocations.replaceSeats(state.forum.id, seats).replaceWith(new Reallocated(events, allocation));
    }
}
