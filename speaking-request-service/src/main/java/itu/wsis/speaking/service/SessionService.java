package itu.wsis.speaking.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Language;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingSlotRescheduled;
import itu.wsis.speaking.domain.Reallocation;
import itu.wsis.speaking.domain.Session;
import itu.wsis.speaking.config.SpeakingConfig;
import itu.wsis.speaking.repository.AllocationRepository;
import itu.wsis.speaking.repository.ForumEntity;
import itu.wsis.speaking.repository.SessionEntity;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** High-level policy sessions, managed by the secretariat, and the WSIS 2022 demo programme. */
@ApplicationScoped
public class SessionService {

    public static final String DEMO_FORUM_CODE = "WSIS-2022";

    /** The demo programme in a forum: how many sessions it has, and how many of them this call created. */
    public record DemoProgramme(UUID forumId, int sessions, int created) {
    }

    private final AllocationEngine engine;
    private final AllocationRepository allocations;
    private final Outbox outbox;
    private final Clock clock;
    private final SpeakingConfig config;

    public SessionService(AllocationEngine engine, AllocationRepository allocations, Outbox outbox, Clock clock,
                          SpeakingConfig config) {
        this.engine = engine;
        this.allocations = allocations;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    @WithTransaction
    public Uni<Session> create(UUID forumId, Commands.SessionInput input) {
        return engine.lock(forumId).chain(forum -> {
            SessionEntity session = new SessionEntity();
            session.id = UUID.randomUUID();
            session.forumId = forumId;
            session.kind = input.kind() == null ? SessionKind.HIGH_LEVEL_POLICY_SESSION : input.kind();
            apply(session, input, forum);
            return session.<SessionEntity>persist().map(saved -> Mapping.session(saved, forum));
        });
    }

    /**
     * Changes a session and recomputes the forum: a lower capacity sends the last speakers back to the waiting list,
     * a higher one promotes waiting requests, each with its event.
     */
    @WithTransaction
    public Uni<Session> update(UUID sessionId, Commands.SessionInput input) {
        return session(sessionId).chain(found -> engine.lock(found.forumId).chain(forum -> engine.load(forum)
                .call(state -> allocations.deleteSeats(forum.id))
                .chain(state -> {
                    SessionEntity session = state.sessionsById.get(sessionId);
                    Map<UUID, Instant> plannedBefore = plannedStarts(state, session);
                    Session previous = Mapping.session(session, state.zone());
                    apply(session, input, forum);
                    Instant now = clock.instant();
                    return engine.reallocate(state, Set.of(), now)
                            .call(result -> outbox.appendAll(withReschedules(state, session, previous,
                                    plannedBefore, result, now)))
                            .map(result -> {
                                // The entity's count is the trigger's, as read before this change: report the new one.
                                session.allocated = result.allocation().allocatedIn(sessionId);
                                return Mapping.session(session, forum);
                            });
                })));
    }

    /** The planned start of every request seated in {@code session}, as the seats and the session are now. */
    private static Map<UUID, Instant> plannedStarts(AllocationEngine.State state, SessionEntity session) {
        Map<UUID, Instant> planned = new HashMap<>();
        state.seats.values().stream().filter(seat -> seat.sessionId().equals(session.id))
                .forEach(seat -> planned.put(seat.requestId(), Mapping.plannedStart(session, seat.position())));
        return planned;
    }

    /**
     * The reallocation's events, plus a SpeakingSlotRescheduled for each request that kept its seat in the changed
     * session but whose planned start moved or whose place changed ({@link Reallocation#reschedules}).
     */
    private static List<DomainEvent> withReschedules(AllocationEngine.State state, SessionEntity session,
                                                     Session previous, Map<UUID, Instant> plannedBefore,
                                                     AllocationEngine.Reallocated result, Instant now) {
        List<DomainEvent> events = new ArrayList<>(result.events());
        events.addAll(Reallocation.reschedules(Mapping.session(session, state.zone()), previous, result.allocation(),
                AllocationEngine.before(state, Set.of()), plannedBefore, result.events(), now));
        return events;
    }

    @WithSession
    public Uni<List<Session>> list(UUID forumId) {
        return ForumEntity.<ForumEntity>findById(forumId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("forum-not-found", "No forum " + forumId))
                .chain(forum -> allocations.sessions(forumId)
                        .map(sessions -> sessions.stream().map(s -> Mapping.session(s, forum)).toList()));
    }

    @WithSession
    public Uni<Session> get(UUID sessionId) {
        return session(sessionId).chain(s -> ForumEntity.<ForumEntity>findById(s.forumId)
                .map(forum -> Mapping.session(s, forum)));
    }

    /**
     * The High-Level Policy Sessions of WSIS 2022 (31 May to 2 June, Geneva): three a day, 15 to 20 statements of
     * three minutes each, titled in the six languages, each with a room and a remote join link; and the Ministerial
     * Round Table of 2 June (20 seats). Idempotent: each
     * session has a demo key, and what exists is left alone, except that a demo session created before it had all six
     * titles gets the missing ones, and one created before sessions had a place gets its place while nobody holds a
     * seat in it.
     */
    @WithTransaction
    public Uni<DemoProgramme> demoData() {
        return ForumEntity.<ForumEntity>find("code = ?1 order by revision desc", DEMO_FORUM_CODE).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.conflict("forum-not-known-yet",
                        "Forum " + DEMO_FORUM_CODE + " has not reached this service yet (ForumEditionPublished); "
                                + "retry in a few seconds."))
                .chain(found -> engine.lock(found.id))
                .chain(forum -> SessionEntity.<SessionEntity>list("demoKey like ?1", "wsis2022-%")
                        .chain(existing -> {
                            java.util.Map<String, SessionEntity> have = new java.util.HashMap<>();
                            existing.forEach(s -> have.put(s.demoKey, s));
                            List<SessionEntity> missing = new java.util.ArrayList<>();
                            ZoneId zone = ZoneId.of("Europe/Zurich");
                            for (DemoSession demo : DEMO) {
                                SessionEntity known = have.get(demo.key());
                                if (known != null) {
                                    java.util.Map<Language, String> titles = Mapping.titles(known);
                                    demo.titles().forEach(titles::putIfAbsent);
                                    Mapping.setTitles(known, titles);
                                    // A place only where nobody holds a seat yet: a holder would have to be told.
                                    if (known.room == null && known.remoteJoinUrl == null && known.allocated == 0) {
                                        known.room = demo.room();
                                        known.remoteJoinUrl = demo.remoteJoinUrl();
                                    }
                                    continue;
                                }
                                SessionEntity s = new SessionEntity();
                                s.id = UUID.randomUUID();
                                s.forumId = forum.id;
                                s.demoKey = demo.key();
                                Mapping.setTitles(s, demo.titles());
                                s.startsAt = LocalDateTime.of(demo.day(), demo.start()).atZone(zone).toInstant();
                                s.endsAt = LocalDateTime.of(demo.day(), demo.end()).atZone(zone).toInstant();
                                s.capacity = demo.capacity();
                                s.statementMinutes = 3;
                                s.modalities = Mapping.modalitiesColumn(demo.modalities());
                                s.kind = demo.kind();
                                s.room = demo.room();
                                s.remoteJoinUrl = demo.remoteJoinUrl();
                                missing.add(s);
                            }
                            Uni<Void> saved = missing.isEmpty() ? Uni.createFrom().voidItem()
                                    : SessionEntity.persist(missing.stream());
                            return saved.replaceWith(new DemoProgramme(forum.id, DEMO.size(), missing.size()));
                        }));
    }

    /** {@code remoteJoinUrl} is on the reserved example.org domain (RFC 2606): a demo link admits nobody. */
    private record DemoSession(String key, LocalDate day, LocalTime start, LocalTime end, int capacity,
                               java.util.Map<Language, String> titles, String room, String remoteJoinUrl,
                               SessionKind kind, Set<SpeakingModality> modalities) {
    }

    /** The title of a session in the six languages, each the session's number and its theme after the prefix. */
    private record Theme(String ar, String en, String es, String fr, String ru, String zh) {
    }

    private static final List<DemoSession> DEMO = List.of(
            demo(1, 31, "09:30", "10:30", 18, new Theme("سد الفجوات الرقمية", "Bridging digital divides",
                    "Reducir las brechas digitales", "Réduire les fractures numériques",
                    "Преодоление цифрового разрыва", "弥合数字鸿沟")),
            demo(2, 31, "11:00", "12:00", 18, new Theme("البيئة التمكينية", "Enabling environment",
                    "Entorno habilitador", "Environnement propice", "Благоприятная среда", "有利环境")),
            demo(3, 31, "14:30", "15:30", 15, new Theme(
                    "بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات",
                    "Building confidence and security in the use of ICTs",
                    "Crear confianza y seguridad en la utilización de las TIC",
                    "Établir la confiance et la sécurité dans l'utilisation des TIC",
                    "Укрепление доверия и безопасности при использовании ИКТ",
                    "在使用信息通信技术过程中建立信心和安全")),
            demo(4, 32, "09:30", "10:30", 20, new Theme(
                    "تكنولوجيا المعلومات والاتصالات من أجل الرفاه والإدماج والقدرة على الصمود",
                    "ICTs for well-being, inclusion and resilience",
                    "Las TIC para el bienestar, la inclusión y la resiliencia",
                    "Les TIC au service du bien-être, de l'inclusion et de la résilience",
                    "ИКТ в интересах благополучия, охвата и жизнестойкости",
                    "信息通信技术促进福祉、包容和复原力")),
            demo(5, 32, "11:00", "12:00", 18, new Theme("الاقتصاد الرقمي والتجارة الرقمية",
                    "Digital economy and trade", "Economía y comercio digitales", "Économie et commerce numériques",
                    "Цифровая экономика и торговля", "数字经济与贸易")),
            demo(6, 32, "14:30", "15:30", 15, new Theme("مجتمعات المعرفة وبناء القدرات والتعلم الإلكتروني",
                    "Knowledge societies, capacity building and e-learning",
                    "Sociedades del conocimiento, creación de capacidad y aprendizaje electrónico",
                    "Sociétés du savoir, renforcement des capacités et cyberapprentissage",
                    "Общества знаний, создание потенциала и электронное обучение",
                    "知识社会、能力建设和电子学习")),
            demo(7, 33, "09:30", "10:30", 18, new Theme("تطبيقات تكنولوجيا المعلومات والاتصالات وخدماتها",
                    "ICT applications and services", "Aplicaciones y servicios de las TIC",
                    "Applications et services TIC", "Приложения и услуги ИКТ", "信息通信技术应用和服务")),
            demo(8, 33, "11:00", "12:00", 18, new Theme("الأبعاد الأخلاقية لمجتمع المعلومات",
                    "Ethical dimensions of the information society",
                    "Dimensiones éticas de la sociedad de la información",
                    "Dimensions éthiques de la société de l'information",
                    "Этические аспекты информационного общества", "信息社会的道德层面")),
            demo(9, 33, "14:30", "15:30", 15, new Theme("تعميم مراعاة المنظور الجنساني والإدماج",
                    "Gender mainstreaming and inclusion", "Integración de la perspectiva de género e inclusión",
                    "Intégration des questions de genre et inclusion", "Учет гендерной проблематики и охват",
                    "性别主流化与包容")),
            roundTable());

    /**
     * The ministerial round table the letter announces for the final week: 20 seats, one per delegation, in person
     * or remote live (a round table is a conversation: no recorded video).
     */
    private static DemoSession roundTable() {
        java.util.Map<Language, String> titles = new java.util.EnumMap<>(Language.class);
        titles.put(Language.AR, "المائدة المستديرة الوزارية: مجتمع المعلومات بعد عشرين عاماً");
        titles.put(Language.EN, "Ministerial Round Table: the information society twenty years on");
        titles.put(Language.ES, "Mesa redonda ministerial: la sociedad de la información veinte años después");
        titles.put(Language.FR, "Table ronde ministérielle : la société de l'information vingt ans après");
        titles.put(Language.RU, "Круглый стол на уровне министров: информационное общество двадцать лет спустя");
        titles.put(Language.ZH, "部长级圆桌会议：二十年后的信息社会");
        return new DemoSession("wsis2022-mrt-1", LocalDate.of(2022, 6, 2), LocalTime.of(16, 30), LocalTime.of(18, 0),
                20, titles, "Room 1", "https://join.wsis-forum.example.org/mrt-1",
                SessionKind.MINISTERIAL_ROUND_TABLE, EnumSet.of(SpeakingModality.IN_PERSON,
                SpeakingModality.REMOTE_LIVE));
    }

    /** {@code day} counts from 1 May 2022, so that 31, 32 and 33 are 31 May, 1 June and 2 June. */
    private static DemoSession demo(int n, int day, String start, String end, int capacity, Theme theme) {
        java.util.Map<Language, String> titles = new java.util.EnumMap<>(Language.class);
        titles.put(Language.AR, "جلسة السياسات الرفيعة المستوى " + n + ": " + theme.ar());
        titles.put(Language.EN, "High-Level Policy Session " + n + ": " + theme.en());
        titles.put(Language.ES, "Sesión de Política de Alto Nivel " + n + ": " + theme.es());
        titles.put(Language.FR, "Session politique de haut niveau " + n + ": " + theme.fr());
        titles.put(Language.RU, "Сессия высокого уровня по вопросам политики " + n + ": " + theme.ru());
        titles.put(Language.ZH, "高级别政策会议" + n + "：" + theme.zh());
        // Morning sessions in Room 1, afternoon ones in Room 2 of the CICG, the forum's venue.
        String room = LocalTime.parse(start).isBefore(LocalTime.NOON) ? "Room 1" : "Room 2";
        return new DemoSession("wsis2022-hlps-" + n, LocalDate.of(2022, 5, 1).plusDays(day - 1L),
                LocalTime.parse(start), LocalTime.parse(end), capacity, titles, room,
                "https://join.wsis-forum.example.org/hlps-" + n, SessionKind.HIGH_LEVEL_POLICY_SESSION,
                EnumSet.allOf(SpeakingModality.class));
    }

    private void apply(SessionEntity session, Commands.SessionInput input, ForumEntity forum) {
        ZoneId zone = Mapping.zone(forum);
        if (input.titles() == null || input.titles().isEmpty()) {
            throw ProblemException.badRequest("titles", "at least one title is required");
        }
        if (!input.end().isAfter(input.start())) {
            throw ProblemException.badRequest("end", "the session must end after it starts");
        }
        if (input.kind() != null && input.kind() != session.kind) {
            throw ProblemException.conflict("session-kind-fixed", "This session is a " + session.kind
                    + "; the kind of a session is fixed when it is created.");
        }
        if (session.kind == SessionKind.MINISTERIAL_ROUND_TABLE && input.capacity() < 1) {
            throw ProblemException.badRequest("capacity", "a ministerial round table has at least one seat");
        }
        Mapping.setTitles(session, input.titles());
        session.startsAt = input.start().atZone(zone).toInstant();
        session.endsAt = input.end().atZone(zone).toInstant();
        session.capacity = input.capacity();
        session.statementMinutes = input.statementMinutes() == null ? config.defaultStatementMinutes()
                : input.statementMinutes();
        session.modalities = Mapping.modalitiesColumn(input.modalities());
        String url = blankToNull(input.remoteJoinUrl());
        if (url != null && !Session.isJoinUrl(url)) {
            throw ProblemException.badRequest("remoteJoinUrl", "must be an absolute https:// address of at most "
                    + Session.REMOTE_JOIN_URL_MAX + " characters, without spaces or user information");
        }
        session.room = blankToNull(input.room());
        session.remoteJoinUrl = url;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Uni<SessionEntity> session(UUID sessionId) {
        return SessionEntity.<SessionEntity>findById(sessionId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("session-not-found",
                        "No session " + sessionId + "."));
    }
}
