package itu.wsis.notification;

import io.quarkus.vertx.VertxContextSupport;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.Contact;
import itu.wsis.events.Deadline;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.Rank;
import itu.wsis.notification.service.DispatchLoop;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds and publishes the events the other services would publish. */
final class Fixtures {

    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

    static final Map<Language, String> FORUM_NAMES = Map.of(
            Language.AR, "منتدى القمة العالمية لمجتمع المعلومات لعام 2022",
            Language.EN, "WSIS Forum 2022",
            Language.ES, "Foro de la CMSI 2022",
            Language.FR, "Forum 2022 du SMSI",
            Language.RU, "Форум ВВУИО 2022 года",
            Language.ZH, "2022年信息社会世界峰会论坛");

    /** The letter in six languages, each with its own place, addressee line and signature block, as the demo's. */
    static final Map<Language, LocalizedText> LETTER = Map.of(
            Language.AR, new LocalizedText("دعوة إلى المشاركة في منتدى القمة العالمية لمجتمع المعلومات لعام 2022",
                    "يسرني أن أدعوكم إلى الإدلاء ببيان سياساتي.\n\nونرجو تأكيد مشاركتكم.", "جنيف",
                    "إلى الوزراء في الدول الأعضاء في الاتحاد الدولي للاتصالات", "هولين جاو", "الأمين العام"),
            Language.EN, new LocalizedText("Invitation to participate in the WSIS Forum 2022",
                    "I have the honour to invite you to deliver a policy statement.\n\nI would be grateful if you could confirm.",
                    "Geneva", "To Ministers of ITU Member States", "Houlin ZHAO", "Secretary-General"),
            Language.ES, new LocalizedText("Invitación a participar en el Foro de la CMSI 2022",
                    "Tengo el honor de invitarle a pronunciar una declaración de política.\n\nLe agradecería que confirmara.",
                    "Ginebra", "A los Ministros de los Estados Miembros de la UIT", "Houlin ZHAO", "Secretario General"),
            Language.FR, new LocalizedText("Invitation à participer au Forum 2022 du Sommet mondial sur la société de l'information (SMSI)",
                    "Le Forum 2022 du Sommet mondial sur la société de l'information (SMSI) a débuté le 15 mars.\n\n"
                            + "Je vous serais reconnaissant de bien vouloir confirmer avant le 15 avril si vous acceptez cette invitation.",
                    "Genève", "Aux Ministres des États Membres de l'UIT", "Houlin ZHAO", "Secrétaire général"),
            Language.RU, new LocalizedText("Приглашение принять участие в Форуме ВВУИО 2022 года",
                    "Имею честь пригласить вас выступить с заявлением о политике.\n\nБуду признателен за подтверждение.",
                    "Женева", "Министрам Государств – Членов МСЭ", "Хоулинь ЧЖАО", "Генеральный секретарь"),
            Language.ZH, new LocalizedText("邀请参加2022年信息社会世界峰会论坛",
                    "谨邀请您作政策发言。\n\n请予确认。", "日内瓦", "致国际电联各成员国部长", "赵厚麟", "秘书长"));

    /** The signatory's name as each language writes it. */
    static String signatory(Language language) {
        return LETTER.get(language).signatoryName();
    }

    record World(UUID forumId, UUID letterId, Deadline response, Deadline speaking) {
    }

    private Fixtures() {
    }

    static Deadline deadlineIn(Clock clock, Duration from) {
        LocalDate date = clock.instant().plus(from).atZone(GENEVA).toLocalDate();
        Instant endsAt = date.plusDays(1).atStartOfDay(GENEVA).toInstant();
        return new Deadline(date, GENEVA.getId(), endsAt);
    }

    static Deadline deadlineAt(Instant endsAt) {
        return new Deadline(endsAt.atZone(GENEVA).toLocalDate(), GENEVA.getId(), endsAt);
    }

    /** A forum and its letter in all six languages (or the given texts), published like invitation-service does. */
    static World world(Clock clock, Map<Language, String> names, Map<Language, LocalizedText> texts, Language original,
                       Deadline response, Deadline speaking) {
        World world = new World(UUID.randomUUID(), UUID.randomUUID(), response, speaking);
        publish(world, clock, names, texts, original);
        return world;
    }

    /** A forum and letter that other events can name before they are published, with {@link #publish}. */
    static World unpublishedWorld(Clock clock) {
        return new World(UUID.randomUUID(), UUID.randomUUID(), deadlineIn(clock, Duration.ofDays(30)),
                deadlineIn(clock, Duration.ofDays(40)));
    }

    static void publish(World world, Clock clock) {
        publish(world, clock, FORUM_NAMES, LETTER, Language.FR);
    }

    private static void publish(World world, Clock clock, Map<Language, String> names,
                                Map<Language, LocalizedText> texts, Language original) {
        UUID forumId = world.forumId();
        UUID letterId = world.letterId();
        Instant now = clock.instant();
        TestKafka.publish(new ForumEditionPublished(UUID.randomUUID(), now, forumId, 1, "WSIS2022", names,
                Map.of(Language.EN, "ICTs for well-being"), LocalDate.of(2022, 3, 15), LocalDate.of(2022, 5, 30),
                LocalDate.of(2022, 6, 3), "ITU headquarters, Geneva", "HYBRID", GENEVA.getId(),
                "https://www.itu.int/net4/wsis/forum/2022", "https://www.itu.int/net4/wsis/forum/2022/HighLevel",
                "https://www.itu.int/go/wsisfund"));
        TestKafka.publish(new CircularLetterPublished(UUID.randomUUID(), now, letterId, forumId, "CL-22/010", 1,
                LocalDate.of(2022, 3, 21), "Houlin ZHAO", "Secretary-General",
                new Contact("Ms Gitanjali Sah", "wsis-info@itu.int", "+41 22 730 5350"), original, texts,
                "MINISTERS", world.response(), world.speaking()));
    }

    static World world(Clock clock) {
        return world(clock, FORUM_NAMES, LETTER, Language.FR, deadlineIn(clock, Duration.ofDays(30)),
                deadlineIn(clock, Duration.ofDays(40)));
    }

    static InvitationIssued invitation(World world, Clock clock, Language language, String email, Rank rank,
                                       String formOfAddress, String zone, String fullName) {
        return invitation(world, clock, language, email, rank, formOfAddress, zone, fullName, "CH");
    }

    static InvitationIssued invitation(World world, Clock clock, Language language, String email, Rank rank,
                                       String formOfAddress, String zone, String fullName, String memberState) {
        InviteeContact invitee = new InviteeContact(UUID.randomUUID(), memberState, fullName, formOfAddress, rank,
                "Minister of Communications", email, List.of(), language, zone);
        return new InvitationIssued(UUID.randomUUID(), clock.instant(), UUID.randomUUID(), world.forumId(), "WSIS2022",
                world.letterId(), "CL-22/010", invitee, world.response(), world.speaking(), 1,
                clock.instant().plus(Duration.ofDays(400)));
    }

    static InvitationIssued invitation(World world, Clock clock, Language language, String email) {
        return invitation(world, clock, language, email, Rank.MINISTER, "Ms", "Asia/Tokyo", "Jane Doe");
    }

    static String email(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static Map<Language, LocalizedText> only(Language... languages) {
        Map<Language, LocalizedText> texts = new EnumMap<>(Language.class);
        for (Language l : languages) {
            texts.put(l, LETTER.get(l));
        }
        return texts;
    }

    static LocalTime localTime(Instant instant, String zone) {
        return instant.atZone(ZoneId.of(zone)).toLocalTime();
    }

    /** Waits until notification-service's directory holds {@code world}'s letter and forum (from their events). */
    static void awaitDirectory(World world) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                        "select count(*) from circular_letter where letter_id = ?", world.letterId()) == 1
                && TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                        "select count(*) from forum_edition where forum_id = ?", world.forumId()) == 1);
    }

    /** One dispatch of {@code sender} on a Vert.x context, as its tick runs it; how many intents it handled. */
    static int dispatch(DispatchLoop sender) {
        try {
            return VertxContextSupport.subscribeAndAwait(sender::dispatch);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection of the test's own to the service's database, in a transaction it ends itself (to hold locks). */
    static Connection transaction() throws Exception {
        TestPostgres.Server server = TestPostgres.server();
        Connection connection = DriverManager.getConnection(server.jdbcUrl(NotificationServiceTest.DATABASE),
                server.user(), server.password());
        connection.setAutoCommit(false);
        return connection;
    }
}
