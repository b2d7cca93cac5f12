package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.SpeakingModality;
import itu.wsis.speaking.config.SpeakingConfig;
import itu.wsis.speaking.repository.AllocationStore;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.SessionEntity;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** High-level policy sessions, managed by the secretariat, and the WSIS 2022 demo programme. */
@ApplicationScoped
public class SessionService {

    public static final String DEMO_FORUM_CODE = "WSIS-2022";

    private final AllocationEngine engine;
    private final AllocationStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final SpeakingConfig config;

    public SessionService(AllocationEngine engine, AllocationStore store, Outbox outbox, Clock clock,
                          SpeakingConfig config) {
        this.engine = engine;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @WithTransaction
    public Uni<Views.SessionView> create(UUID forumId, Commands.SessionInput input) {
        return engine.lock(forumId).chain(forum -> {
            SessionEntity session = new SessionEntity();
            session.id = UUID.randomUUID();
            session.forumId = forumId;
            apply(session, input, forum);
            return session.<SessionEntity>persist().map(saved -> Mapping.session(saved, forum));
        });
    }

    /**
     * Changes a session and recomputes the forum: a lower capacity sends the last speakers back to the waiting list,
     * a higher one promotes waiting requests, each with its event.
     */
    @WithTransaction
    public Uni<Views.SessionView> update(UUID sessionId, Commands.SessionInput input) {
        return session(sessionId).chain(found -> engine.lock(found.forumId).chain(forum -> engine.load(forum)
                .call(state -> store.deleteSeats(forum.id))
                .chain(state -> {
                    SessionEntity session = state.sessionsById.get(sessionId);
                    apply(session, input, forum);
                    return engine.reallocate(state, Set.of(), clock.instant())
                            .call(result -> outbox.appendAll(result.events()))
                            .map(result -> {
                                // The entity's count is the trigger's, as read before this change: report the new one.
                                session.allocated = result.allocation().allocatedIn(sessionId);
                                return Mapping.session(session, forum);
                            });
                })));
    }

    @WithSession
    public Uni<List<Views.SessionView>> list(UUID forumId) {
        return ForumEntity.<ForumEntity>findById(forumId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("forum-not-found", "No forum " + forumId))
                .chain(forum -> store.sessions(forumId)
                        .map(sessions -> sessions.stream().map(s -> Mapping.session(s, forum)).toList()));
    }

    @WithSession
    public Uni<Views.SessionView> get(UUID sessionId) {
        return session(sessionId).chain(s -> ForumEntity.<ForumEntity>findById(s.forumId)
                .map(forum -> Mapping.session(s, forum)));
    }

    /**
     * The High-Level Policy Sessions of WSIS 2022 (31 May to 2 June, Geneva): three a day, 15 to 20 statements of
     * three minutes each. Idempotent: each session has a demo key, and what exists is left alone.
     */
    @WithTransaction
    public Uni<Views.DemoData> demoData() {
        return ForumEntity.<ForumEntity>find("code = ?1 order by revision desc", DEMO_FORUM_CODE).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.conflict("forum-not-known-yet",
                        "Forum " + DEMO_FORUM_CODE + " has not reached this service yet (ForumEditionPublished); "
                                + "retry in a few seconds."))
                .chain(found -> engine.lock(found.id))
                .chain(forum -> SessionEntity.<SessionEntity>list("demoKey like ?1", "wsis2022-%")
                        .chain(existing -> {
                            Set<String> have = new java.util.HashSet<>();
                            existing.forEach(s -> have.add(s.demoKey));
                            List<SessionEntity> missing = new java.util.ArrayList<>();
                            ZoneId zone = ZoneId.of("Europe/Zurich");
                            for (DemoSession demo : DEMO) {
                                if (have.contains(demo.key())) {
                                    continue;
                                }
                                SessionEntity s = new SessionEntity();
                                s.id = UUID.randomUUID();
                                s.forumId = forum.id;
                                s.demoKey = demo.key();
                                s.titleEn = demo.en();
                                s.titleFr = demo.fr();
                                s.startsAt = LocalDateTime.of(demo.day(), demo.start()).atZone(zone).toInstant();
                                s.endsAt = LocalDateTime.of(demo.day(), demo.end()).atZone(zone).toInstant();
                                s.capacity = demo.capacity();
                                s.statementMinutes = 3;
                                s.modalities = Mapping.modalitiesColumn(EnumSet.allOf(SpeakingModality.class));
                                missing.add(s);
                            }
                            Uni<Void> saved = missing.isEmpty() ? Uni.createFrom().voidItem()
                                    : SessionEntity.persist(missing.stream());
                            return saved.replaceWith(new Views.DemoData(forum.id, DEMO.size(), missing.size()));
                        }));
    }

    private record DemoSession(String key, LocalDate day, LocalTime start, LocalTime end, int capacity, String en,
                               String fr) {
    }

    private static final List<DemoSession> DEMO = List.of(
            demo(1, 31, "09:30", "10:30", 18, "Bridging digital divides", "Réduire les fractures numériques"),
            demo(2, 31, "11:00", "12:00", 18, "Enabling environment", "Environnement propice"),
            demo(3, 31, "14:30", "15:30", 15, "Building confidence and security in the use of ICTs",
                    "Établir la confiance et la sécurité dans l'utilisation des TIC"),
            demo(4, 32, "09:30", "10:30", 20, "ICTs for well-being, inclusion and resilience",
                    "Les TIC au service du bien-être, de l'inclusion et de la résilience"),
            demo(5, 32, "11:00", "12:00", 18, "Digital economy and trade", "Économie et commerce numériques"),
            demo(6, 32, "14:30", "15:30", 15, "Knowledge societies, capacity building and e-learning",
                    "Sociétés du savoir, renforcement des capacités et cyberapprentissage"),
            demo(7, 33, "09:30", "10:30", 18, "ICT applications and services", "Applications et services TIC"),
            demo(8, 33, "11:00", "12:00", 18, "Ethical dimensions of the information society",
                    "Dimensions éthiques de la société de l'information"),
            demo(9, 33, "14:30", "15:30", 15, "Gender mainstreaming and inclusion",
                    "Intégration des questions de genre et inclusion"));

    /** {@code day} counts from 1 May 2022, so that 31, 32 and 33 are 31 May, 1 June and 2 June. */
    private static DemoSession demo(int n, int day, String start, String end, int capacity, String en, String fr) {
        return new DemoSession("wsis2022-hlps-" + n, LocalDate.of(2022, 5, 1).plusDays(day - 1L),
                LocalTime.parse(start), LocalTime.parse(end), capacity, "High-Level Policy Session " + n + ": " + en,
                "Session politique de haut niveau " + n + ": " + fr);
    }

    private void apply(SessionEntity session, Commands.SessionInput input, ForumEntity forum) {
        ZoneId zone = Mapping.zone(forum);
        if (input.titles() == null || input.titles().isEmpty()) {
            throw ProblemException.badRequest("titles", "at least one title is required");
        }
        if (!input.end().isAfter(input.start())) {
            throw ProblemException.badRequest("end", "the session must end after it starts");
        }
        Mapping.setTitles(session, input.titles());
        session.startsAt = input.start().atZone(zone).toInstant();
        session.endsAt = input.end().atZone(zone).toInstant();
        session.capacity = input.capacity();
        session.statementMinutes = input.statementMinutes() == null ? config.defaultStatementMinutes()
                : input.statementMinutes();
        session.modalities = Mapping.modalitiesColumn(input.modalities());
    }

    private static Uni<SessionEntity> session(UUID sessionId) {
        return SessionEntity.<SessionEntity>findById(sessionId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("session-not-found",
                        "No session " + sessionId + "."));
    }
}
