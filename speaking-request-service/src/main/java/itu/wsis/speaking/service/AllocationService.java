package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.Language;
import itu.wsis.events.ListOfSpeakersPublished;
import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingModality;
import itu.wsis.speaking.domain.Allocation;
import itu.wsis.speaking.domain.LatePolicy;
import itu.wsis.speaking.domain.Outcome;
import itu.wsis.speaking.domain.RequestStatus;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.SessionEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A forum's allocation: its settings, the dry run, freezing, publishing and the lists of speakers. */
@ApplicationScoped
public class AllocationService {

    private final AllocationEngine engine;
    private final Outbox outbox;
    private final Clock clock;

    public AllocationService(AllocationEngine engine, Outbox outbox, Clock clock) {
        this.engine = engine;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<Views.ForumSettings> settings(UUID forumId) {
        return forum(forumId).map(AllocationService::settingsOf);
    }

    @WithTransaction
    public Uni<Views.ForumSettings> setLatePolicy(UUID forumId, LatePolicy policy) {
        return engine.lock(forumId).map(forum -> {
            forum.latePolicy = policy;
            return settingsOf(forum);
        });
    }

    /** Stops every automatic change; explicit secretariat overrides still apply. */
    @WithTransaction
    public Uni<Views.ForumSettings> freeze(UUID forumId) {
        return engine.lock(forumId).map(forum -> {
            forum.frozen = true;
            return settingsOf(forum);
        });
    }

    /** Lets the rule run again: the forum is recomputed at once and the changes are announced. */
    @WithTransaction
    public Uni<Views.ForumSettings> unfreeze(UUID forumId) {
        return engine.lock(forumId).chain(forum -> {
            forum.frozen = false;
            return engine.loadAfterFlush(forum)
                    .chain(state -> engine.reallocate(state, Set.of(), clock.instant()))
                    .chain(result -> outbox.appendAll(result.events()))
                    .replaceWith(settingsOf(forum));
        });
    }

    /** Publishes (or re-publishes) every session's list of speakers, which makes the lists public. */
    @WithTransaction
    public Uni<Views.ForumSettings> publish(UUID forumId) {
        Instant now = clock.instant();
        return engine.lock(forumId).chain(forum -> engine.load(forum).chain(state -> {
            forum.publishedRevision = forum.publishedRevision + 1;
            forum.publishedAt = now;
            List<DomainEvent> events = new ArrayList<>();
            for (SessionEntity session : state.sessions) {
                int speakers = (int) state.seats.values().stream().filter(s -> s.sessionId().equals(session.id)).count();
                events.add(new ListOfSpeakersPublished(UUID.randomUUID(), now, forum.id, session.id,
                        forum.publishedRevision, speakers));
            }
            return outbox.appendAll(events).replaceWith(settingsOf(forum));
        }));
    }

    /** What the rule would decide now (ignoring a freeze), next to what stands, with one line of reasons each. */
    @WithSession
    public Uni<Views.DryRun> dryRun(UUID forumId) {
        return forum(forumId).chain(forum -> engine.load(forum).map(state -> {
            Allocation allocation = engine.compute(state, false);
            List<Views.DryRunLine> lines = new ArrayList<>();
            for (SpeakingRequestEntity r : state.active) {
                Outcome outcome = allocation.outcomeOf(r.id);
                AllocationRepository.Seat current = state.seats.get(r.id);
                UUID currentSession = current == null ? null : current.sessionId();
                UUID sessionId = outcome instanceof Outcome.Allocated a ? a.sessionId() : null;
                Integer position = outcome instanceof Outcome.Allocated a ? a.position() : null;
                Integer waiting = outcome instanceof Outcome.Waiting w ? w.position() : null;
                boolean changes = current == null ? sessionId != null
                        : sessionId == null || !sessionId.equals(currentSession) || position != current.position();
                lines.add(new Views.DryRunLine(r.id, r.memberState, r.precedenceRank,
                        r.status, currentSession, sessionId == null ? "WAITLISTED" : "ALLOCATED",
                        sessionId, position, waiting, changes, engine.explain(state, allocation, r)));
            }
            lines.sort(Comparator.comparing((Views.DryRunLine l) -> l.sessionId() == null ? 1 : 0)
                    .thenComparing(l -> l.sessionId() == null ? Instant.MAX
                            : state.sessionsById.get(l.sessionId()).startsAt)
                    .thenComparing(l -> l.position() == null ? Integer.MAX_VALUE : l.position())
                    .thenComparing(l -> l.waitingPosition() == null ? Integer.MAX_VALUE : l.waitingPosition()));
            return new Views.DryRun(forum.id, forum.frozen, clock.instant(), lines);
        }));
    }

    /**
     * A session's list of speakers. {@code staff} is whether the caller is the secretariat: before publication
     * nobody else may see it, and the answer is then "not found" rather than a hint that a list exists.
     */
    @WithSession
    public Uni<Views.SpeakersList> speakers(UUID sessionId, boolean staff) {
        return SessionEntity.<SessionEntity>findById(sessionId)
                .onItem().ifNull().failWith(() -> notPublished(sessionId))
                .chain(session -> forum(session.forumId).chain(forum -> {
                    if (forum.publishedRevision == 0 && !staff) {
                        throw notPublished(sessionId);
                    }
                    return engine.load(forum).map(state -> speakersOf(state, forum, session));
                }));
    }

    private static Views.SpeakersList speakersOf(AllocationEngine.State state, ForumEntity forum, SessionEntity session) {
        ZoneId zone = Mapping.zone(forum);
        Map<UUID, SpeakingRequestEntity> requests = state.active.stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        List<Views.SpeakerLine> lines = state.seats.values().stream()
                .filter(s -> s.sessionId().equals(session.id))
                .sorted(Comparator.comparingInt(AllocationRepository.Seat::position))
                .map(s -> {
                    SpeakingRequestEntity r = requests.get(s.requestId());
                    Instant planned = Mapping.plannedStart(session, s.position());
                    return new Views.SpeakerLine(s.position(), r.memberState, r.speakerName, r.speakerTitle,
                            r.precedenceRank, r.speakerSubstitute, r.modality,
                            Language.fromCode(r.statementLanguage), planned, LocalDateTime.ofInstant(planned, zone));
                })
                .toList();
        return new Views.SpeakersList(session.id, forum.id, Mapping.titles(session), session.startsAt, zone.getId(),
                session.statementMinutes, forum.publishedRevision > 0, forum.publishedRevision, lines);
    }

    private static ProblemException notPublished(UUID sessionId) {
        return ProblemException.notFound("list-of-speakers-not-found",
                "No published list of speakers for session " + sessionId + ".");
    }

    private static Uni<ForumEntity> forum(UUID forumId) {
        return ForumEntity.<ForumEntity>findById(forumId).onItem().ifNull().failWith(() ->
                ProblemException.notFound("forum-not-found", "No forum " + forumId + " is known to this service yet."));
    }

    static Views.ForumSettings settingsOf(ForumEntity forum) {
        return new Views.ForumSettings(forum.id, forum.code, forum.timeZone, forum.latePolicy,
                forum.frozen, forum.publishedRevision, forum.publishedAt);
    }
}
