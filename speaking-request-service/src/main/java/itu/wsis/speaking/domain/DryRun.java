package itu.wsis.speaking.domain;

import itu.wsis.events.Rank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the rule would decide now (ignoring a freeze) next to what stands, one line per active request: seated ones
 * by session start and position, then the waiting list.
 */
public record DryRun(UUID forumId, boolean frozen, Instant computedAt, List<Line> requests) {

    public DryRun {
        requests = List.copyOf(requests);
    }

    /**
     * One request: where it sits now ({@code currentSessionId}) and where the rule would put it; {@code changes}
     * whether that differs (another session, another place in it, a seat gained or lost).
     */
    public record Line(UUID requestId, String memberState, Rank rank, RequestStatus currentStatus,
                       UUID currentSessionId, RequestStatus outcome, UUID sessionId, Integer position,
                       Integer waitingPosition, boolean changes, String explanation) {
    }

    /**
     * The line of one request, from its seat now ({@code currentSession} and {@code currentPosition}, null when it
     * waits) and the rule's outcome.
     */
    public static Line line(UUID requestId, String memberState, Rank rank, RequestStatus status, UUID currentSession,
                            Integer currentPosition, Outcome outcome, String explanation) {
        UUID sessionId = outcome instanceof Outcome.Allocated a ? a.sessionId() : null;
        Integer position = outcome instanceof Outcome.Allocated a ? a.position() : null;
        Integer waiting = outcome instanceof Outcome.Waiting w ? w.position() : null;
        boolean changes = currentSession == null ? sessionId != null
                : sessionId == null || !sessionId.equals(currentSession) || !position.equals(currentPosition);
        return new Line(requestId, memberState, rank, status, currentSession,
                sessionId == null ? RequestStatus.WAITLISTED : RequestStatus.ALLOCATED, sessionId, position, waiting, changes, explanation);
    }

    /** The lines in reading order; {@code startOf} gives a session's start. */
    public static DryRun of(UUID forumId, boolean frozen, Instant computedAt, List<Line> lines,
                            Function<UUID, Instant> startOf) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing((Line l) -> l.sessionId() == null ? 1 : 0)
                .thenComparing(l -> l.sessionId() == null ? Instant.MAX : startOf.apply(l.sessionId()))
                .thenComparing(l -> l.position() == null ? Integer.MAX_VALUE : l.position())
                .thenComparing(l -> l.waitingPosition() == null ? Integer.MAX_VALUE : l.waitingPosition()));
        return new DryRun(forumId, frozen, computedAt, sorted);
    }
}
