package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Language;
import itu.wsis.events.SessionKind;
import itu.wsis.speaking.domain.Allocation;
import itu.wsis.speaking.domain.AllocationSettings;
import itu.wsis.speaking.domain.DryRun;
import itu.wsis.speaking.domain.ListOfSpeakers;
import itu.wsis.speaking.domain.LatePolicy;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.SessionEntity;
import itu.wsis.speaking.repository.SpeakingRequestEntity;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    public Uni<AllocationSettings> settings(UUID forumId) {
        return forum(forumId).map(Mapping::settings);
    }

    @WithTransaction
    public Uni<AllocationSettings> setLatePolicy(UUID forumId, LatePolicy policy) {
        return engine.lock(forumId).map(forum -> {
            forum.latePolicy = policy;
            return Mapping.settings(forum);
        });
    }

    /**
     * Stops every automatic change; explicit secretariat overrides still apply. AllocationFrozen records it, with the
     * caller as its actor (the outbox names them); freezing a frozen forum changes nothing and records nothing.
     */
    @WithTransaction
    public Uni<AllocationSettings> freeze(UUID forumId) {
        Instant now = clock.instant();
        return engine.lock(forumId).chain(forum -> {
            AllocationSettings.FreezeChange change = Mapping.settings(forum).freeze(now);
            forum.frozen = change.settings().frozen();
            return outbox.appendAll(change.event().stream().toList()).replaceWith(change.settings());
        });
    }

    /**
     * Lets the rule run again: the forum is recomputed at once and the changes are announced, after the
     * AllocationUnfrozen that caused them. On a forum that is not frozen nothing is recorded; the recomputation still
     * runs, as after any change, and finds nothing to move unless the rule itself changed.
     */
    @WithTransaction
    public Uni<AllocationSettings> unfreeze(UUID forumId) {
        Instant now = clock.instant();
        return engine.lock(forumId).chain(forum -> {
            AllocationSettings.FreezeChange change = Mapping.settings(forum).unfreeze(now);
            forum.frozen = change.settings().frozen();
            return outbox.appendAll(change.event().stream().toList())
                    .chain(() -> engine.loadAfterFlush(forum))
                    .chain(state -> engine.reallocate(state, Set.of(), now))
                    .chain(result -> outbox.appendAll(result.events()))
                    .replaceWith(Mapping.settings(forum));
        });
    }

    /** Publishes (or re-publishes) every session's list of speakers ({@link AllocationSettings#publish}). */
    @WithTransaction
    public Uni<AllocationSettings> publish(UUID forumId) {
        Instant now = clock.instant();
        return engine.lock(forumId).chain(forum -> engine.load(forum).chain(state -> {
            Map<UUID, Integer> speakers = new LinkedHashMap<>();
            Map<UUID, SessionKind> kinds = new HashMap<>();
            for (SessionEntity session : state.sessions) {
                kinds.put(session.id, session.kind);
                speakers.put(session.id, (int) state.seats.values().stream()
                        .filter(s -> s.sessionId().equals(session.id)).count());
            }
            AllocationSettings.Publication publication = Mapping.settings(forum).publish(speakers, kinds, now);
            forum.publishedRevision = publication.settings().publishedRevision();
            forum.publishedAt = publication.settings().publishedAt();
            return outbox.appendAll(publication.events()).replaceWith(publication.settings());
        }));
    }

    /** What the rule would decide now (ignoring a freeze), next to what stands, with one line of reasons each. */
    @WithSession
    public Uni<DryRun> dryRun(UUID forumId) {
        return forum(forumId).chain(forum -> engine.load(forum).map(state -> {
            Allocation allocation = engine.compute(state, false);
            List<DryRun.Line> lines = new ArrayList<>();
            for (SpeakingRequestEntity r : state.active) {
                AllocationRepository.Seat current = state.seats.get(r.id);
                lines.add(DryRun.line(r.id, r.memberState, r.precedenceRank, r.status,
                        current == null ? null : current.sessionId(), current == null ? null : current.position(),
                        allocation.outcomeOf(r.id), engine.explain(state, allocation, r)));
            }
            return DryRun.of(forum.id, forum.frozen, clock.instant(), lines,
                    sessionId -> state.sessionsById.get(sessionId).startsAt);
        }));
    }

    /**
     * A session's list of speakers. {@code staff} is whether the caller is the secretariat: before publication
     * nobody else may see it, and the answer is then "not found" rather than a hint that a list exists.
     */
    @WithSession
    public Uni<ListOfSpeakers> speakers(UUID sessionId, boolean staff) {
        return list(sessionId, SessionKind.HIGH_LEVEL_POLICY_SESSION, staff);
    }

    /**
     * A ministerial round table's list of participants, in the order of precedence; published with the lists of
     * speakers, and like them visible before publication to the secretariat only.
     */
    @WithSession
    public Uni<ListOfSpeakers> participants(UUID sessionId, boolean staff) {
        return list(sessionId, SessionKind.MINISTERIAL_ROUND_TABLE, staff);
    }

    /** A round table has no list of speakers, a policy session no list of participants: each is "not found". */
    private Uni<ListOfSpeakers> list(UUID sessionId, SessionKind kind, boolean staff) {
        return SessionEntity.<SessionEntity>findById(sessionId)
                .onItem().ifNull().failWith(() -> notPublished(sessionId, kind))
                .invoke(session -> {
                    if (session.kind != kind) {
                        throw ProblemException.notFound(kind == SessionKind.MINISTERIAL_ROUND_TABLE
                                        ? "list-of-participants-not-found" : "list-of-speakers-not-found",
                                kind == SessionKind.MINISTERIAL_ROUND_TABLE
                                        ? "Session " + sessionId + " is not a ministerial round table: see its list "
                                        + "of speakers."
                                        : "Session " + sessionId + " is a ministerial round table: see its list of "
                                        + "participants.");
                    }
                })
                .chain(session -> forum(session.forumId).chain(forum -> {
                    if (!Mapping.settings(forum).published() && !staff) {
                        throw notPublished(sessionId, kind);
                    }
                    return engine.load(forum).map(state -> speakersOf(state, forum, session));
                }));
    }

    private static ListOfSpeakers speakersOf(AllocationEngine.State state, ForumEntity forum, SessionEntity session) {
        Map<UUID, SpeakingRequestEntity> requests = state.active.stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        List<ListOfSpeakers.Speaker> lines = state.seats.values().stream()
                .filter(s -> s.sessionId().equals(session.id))
                .sorted(Comparator.comparingInt(AllocationRepository.Seat::position))
                .map(s -> {
                    SpeakingRequestEntity r = requests.get(s.requestId());
                    return new ListOfSpeakers.Speaker(s.position(), r.memberState, r.speakerName, r.speakerTitle,
                            r.precedenceRank, r.speakerSubstitute, r.modality, Language.fromCode(r.statementLanguage),
                            Mapping.plannedStart(session, s.position()));
                })
                .toList();
        AllocationSettings settings = Mapping.settings(forum);
        return new ListOfSpeakers(Mapping.session(session, forum), settings.published(), settings.publishedRevision(),
                lines);
    }

    private static ProblemException notPublished(UUID sessionId, SessionKind kind) {
        return kind == SessionKind.MINISTERIAL_ROUND_TABLE
                ? ProblemException.notFound("list-of-participants-not-found",
                "No published list of participants for session " + sessionId + ".")
                : ProblemException.notFound("list-of-speakers-not-found",
                "No published list of speakers for session " + sessionId + ".");
    }

    private static Uni<ForumEntity> forum(UUID forumId) {
        return ForumEntity.<ForumEntity>findById(forumId).onItem().ifNull().failWith(() ->
                ProblemException.notFound("forum-not-found", "No forum " + forumId + " is known to this service yet."));
    }
}
