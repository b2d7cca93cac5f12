package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Delegate;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingRequestWithdrawn;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.events.SpeakingSlotRescheduled;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The calendar entries attached to emails, read back from the messages GreenMail received and parsed with ical4j:
 * a slot is published with its session, time in UTC and place; a move updates it (same UID, higher SEQUENCE); a
 * withdrawal or a demotion cancels it (METHOD:CANCEL, same UID); an in-person acceptance carries the in-person week.
 */
@QuarkusTest
@NotificationServiceTest
class CalendarTest {

    static final Map<Language, String> TITLES = Map.of(Language.EN, "High-Level Policy Session 3",
            Language.FR, "Session politique de haut niveau 3", Language.ES, "Sesión de Política de Alto Nivel 3",
            Language.AR, "جلسة السياسات الرفيعة المستوى 3", Language.RU, "Сессия высокого уровня по вопросам политики 3",
            Language.ZH, "高级别政策会议3");
    static final Map<Language, String> OTHER_TITLES = Map.of(Language.EN, "High-Level Policy Session 7",
            Language.FR, "Session politique de haut niveau 7", Language.ES, "Sesión de Política de Alto Nivel 7",
            Language.AR, "جلسة السياسات الرفيعة المستوى 7", Language.RU, "Сессия высокого уровня по вопросам политики 7",
            Language.ZH, "高级别政策会议7");

    @Inject
    Clock clock;

    @Test
    void aSlotIsPublishedMovedAndCancelledUnderOneUid() throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("ics");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.FR, email, Rank.MINISTER, "Madame",
                "Europe/Zurich", "Jeanne Dupont");
        UUID inv = issued.invitationId();
        UUID request = UUID.randomUUID();
        Instant start = ZonedDateTime.of(2022, 5, 31, 14, 30, 0, 0, Fixtures.GENEVA).toInstant();
        Instant planned = start.plusSeconds(18 * 60);
        TestKafka.publish(issued);
        SpeakingSlotAllocated allocated = new SpeakingSlotAllocated(UUID.randomUUID(), clock.instant(), inv, request,
                UUID.randomUUID(), TITLES, start, "Europe/Zurich", 7, planned, 3, SpeakingModality.IN_PERSON);
        TestKafka.publish(allocated);

        MimeMessage first = Mails.awaitSubject(email, "votre temps de parole");
        assertThat(Mails.subject(first)).isEqualTo("CL-22/010 – Forum 2022 du SMSI: votre temps de parole");
        assertThat(Mails.text(first)).contains("Une entrée de calendrier (.ics) est jointe.");
        VEvent published = event(first, "PUBLISH");
        String uid = published.getUid().orElseThrow().getValue();
        assertThat(uid).isEqualTo("statement-" + request + "@wsis.local");
        assertThat(published.getSequence().getSequenceNo()).isZero();
        // The time in UTC ("Z"), the statement's three minutes, the forum's zone named for the calendar.
        assertThat(published.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20220531T124800Z");
        assertThat(published.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20220531T125100Z");
        assertThat(published.getSummary().getValue())
                .isEqualTo("Déclaration de politique générale: Session politique de haut niveau 3");
        assertThat(published.getLocation().getValue()).isEqualTo("ITU headquarters, Geneva");
        assertThat(published.getDescription().getValue())
                .contains("Rang sur la liste des orateurs: 7", "31 mai 2022 à 14:48 (heure de Genève)",
                        "Lettre circulaire CL-22/010 du 21 mars 2022");
        assertThat(published.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:wsis-info@itu.int");
        assertThat(calendar(first).getProperty("X-WR-TIMEZONE").orElseThrow().getValue()).isEqualTo("Europe/Zurich");
        assertThat(Mails.header(first, "Content-Type")).startsWith("multipart/mixed");

        // The same event again (redelivered): no second email, no second version.
        TestKafka.publish(allocated);
        // A move to another session: the same entry, updated.
        Instant later = ZonedDateTime.of(2022, 6, 2, 9, 30, 0, 0, Fixtures.GENEVA).toInstant();
        TestKafka.publish(new SpeakingSlotAllocated(UUID.randomUUID(), clock.instant(), inv, request,
                UUID.randomUUID(), OTHER_TITLES, later, "Europe/Zurich", 1, later, 3, SpeakingModality.IN_PERSON));
        MimeMessage moved = Mails.awaitSubject(email, "modification de votre temps de parole");
        VEvent update = event(moved, "PUBLISH");
        assertThat(update.getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(update.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(update.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20220602T073000Z");
        assertThat(Mails.text(moved)).contains("Session politique de haut niveau 7")
                .contains("l'entrée de calendrier jointe remplace la précédente");

        // The delegation withdraws the request: the entry is cancelled.
        TestKafka.publish(new SpeakingRequestWithdrawn(UUID.randomUUID(), clock.instant(), inv, request,
                "withdrawn by the delegation", UUID.randomUUID()));
        MimeMessage cancelled = Mails.awaitSubject(email, "libération de votre temps de parole");
        VEvent cancel = event(cancelled, "CANCEL");
        assertThat(cancel.getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(cancel.getSequence().getSequenceNo()).isEqualTo(2);
        assertThat(cancel.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(Mails.text(cancelled)).contains("L'entrée de calendrier jointe annule celle qui vous avait été envoyée");

        // A withdrawal of a request that held no slot (already cancelled) sends nothing.
        TestKafka.publish(new SpeakingRequestWithdrawn(UUID.randomUUID(), clock.instant(), inv, request, "again", null));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(Mails.to(email).stream().filter(m -> Mails.calendar(m).isPresent())).hasSize(3);
        assertThat(TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select sequence from calendar_entry where uid = ?", uid)).isEqualTo(2);
    }

    /** A seat at the Ministerial Round Table is not a statement slot: its own words, the whole session in the calendar. */
    @Test
    void aSeatAtTheRoundTableIsToldAsASeatForTheWholeSession() throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("table");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.FR, email, Rank.MINISTER, "Madame",
                "Europe/Zurich", "Jeanne Dupont");
        UUID inv = issued.invitationId();
        TestKafka.publish(issued);
        Map<Language, String> table = Map.of(Language.EN, "The information society twenty years on",
                Language.FR, "La société de l'information vingt ans après", Language.ES, "La sociedad de la información",
                Language.AR, "مجتمع المعلومات", Language.RU, "Информационное общество", Language.ZH, "信息社会");
        Instant start = ZonedDateTime.of(2022, 6, 2, 16, 30, 0, 0, Fixtures.GENEVA).toInstant();
        TestKafka.publish(new SpeakingRequestWaitlisted(UUID.randomUUID(), clock.instant(), inv, UUID.randomUUID(), 2,
                "all seats taken", SessionKind.MINISTERIAL_ROUND_TABLE));
        MimeMessage waitlisted = Mails.awaitSubject(email, "liste d'attente");
        assertThat(Mails.subject(waitlisted)).contains("votre demande de siège à la Table ronde ministérielle");
        assertThat(Mails.text(waitlisted)).contains("Tous les sièges de la Table ronde ministérielle", "au rang 2")
                .doesNotContain("temps de parole");

        UUID request = UUID.randomUUID();
        TestKafka.publish(new SpeakingSlotAllocated(UUID.randomUUID(), clock.instant(), inv, request,
                UUID.randomUUID(), table, start, "Europe/Zurich", 4, start, 90, SpeakingModality.IN_PERSON, "Room 1",
                null, SessionKind.MINISTERIAL_ROUND_TABLE));

        MimeMessage seated = Mails.awaitSubject(email, "votre siège à la Table ronde ministérielle");
        assertThat(Mails.subject(seated)).isEqualTo("CL-22/010 – Forum 2022 du SMSI: votre siège à la Table ronde ministérielle");
        assertThat(Mails.text(seated)).contains("un siège à la Table ronde ministérielle du Forum 2022 du SMSI vous a été attribué")
                .contains("Room 1").doesNotContain("temps de parole").doesNotContain("liste des orateurs");
        VEvent published = event(seated, "PUBLISH");
        assertThat(published.getSummary().getValue())
                .isEqualTo("Table ronde ministérielle: La société de l'information vingt ans après");
        assertThat(published.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20220602T143000Z");
        assertThat(published.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20220602T160000Z");
        assertThat(published.getDescription().getValue()).doesNotContain("orateurs");

        TestKafka.publish(new SpeakingRequestWithdrawn(UUID.randomUUID(), clock.instant(), inv, request,
                "withdrawn by the delegation", UUID.randomUUID(), SessionKind.MINISTERIAL_ROUND_TABLE));
        MimeMessage released = Mails.awaitSubject(email, "libération de votre siège à la Table ronde ministérielle");
        assertThat(Mails.text(released)).contains("Le siège à la Table ronde ministérielle du Forum 2022 du SMSI")
                .doesNotContain("temps de parole");
        assertThat(event(released, "CANCEL").getUid().orElseThrow().getValue()).isEqualTo("statement-" + request + "@wsis.local");
    }

    @Test
    void aSlotTakenBackToTheWaitingListIsCancelledInTheCalendar() throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("ics-wait");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, email);
        UUID request = UUID.randomUUID();
        Instant start = ZonedDateTime.of(2022, 5, 31, 9, 30, 0, 0, Fixtures.GENEVA).toInstant();
        TestKafka.publish(issued);
        TestKafka.publish(new SpeakingSlotAllocated(UUID.randomUUID(), clock.instant(), issued.invitationId(), request,
                UUID.randomUUID(), TITLES, start, "Europe/Zurich", 18, start.plusSeconds(51 * 60), 3,
                SpeakingModality.REMOTE_LIVE));
        VEvent published = event(Mails.awaitSubject(email, "your speaking slot"), "PUBLISH");
        assertThat(published.getLocation().getValue()).isEqualTo("Remote participation");
        TestKafka.publish(new SpeakingRequestWaitlisted(UUID.randomUUID(), clock.instant(), issued.invitationId(),
                request, 1, "capacity lowered"));
        MimeMessage waitlisted = Mails.awaitSubject(email, "waiting list");
        VEvent cancel = event(waitlisted, "CANCEL");
        assertThat(cancel.getUid()).isEqualTo(published.getUid());
        assertThat(cancel.getSequence().getSequenceNo()).isEqualTo(1);
    }

    @Test
    void aSessionMovedInTimeUpdatesTheEntryOfEverySpeakerSeatedInIt() throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("ics-resched");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.RU, email);
        UUID request = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant start = ZonedDateTime.of(2022, 6, 1, 11, 0, 0, 0, Fixtures.GENEVA).toInstant();
        TestKafka.publish(issued);
        TestKafka.publish(new SpeakingSlotAllocated(UUID.randomUUID(), clock.instant(), issued.invitationId(), request,
                session, TITLES, start, "Europe/Zurich", 2, start.plusSeconds(180), 3, SpeakingModality.VIDEO));
        VEvent published = event(Mails.awaitSubject(email, "время вашего выступления"), "PUBLISH");
        Instant later = start.plus(Duration.ofHours(3));
        TestKafka.publish(new SpeakingSlotRescheduled(UUID.randomUUID(), clock.instant(), issued.invitationId(),
                request, session, TITLES, later, "Europe/Zurich", 2, later.plusSeconds(180), 3,
                SpeakingModality.VIDEO));
        MimeMessage moved = Mails.awaitSubject(email, "изменение времени вашего выступления");
        VEvent update = event(moved, "PUBLISH");
        assertThat(update.getUid()).isEqualTo(published.getUid());
        assertThat(update.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(update.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20220601T120300Z");
        assertThat(Mails.text(moved)).contains("1 июня 2022 года, 14:03 (женевское время)");
    }

    /**
     * The secretariat gives a remote live speaker's session its join link (or a new one) after the slot was sent: the
     * entry is published again under its UID with the next SEQUENCE, the same time, and the link as URL and in the
     * email; a new room reaches an in-person speaker the same way.
     */
    @Test
    void aSessionsNewJoinLinkOrRoomUpdatesTheEntryUnderItsUid() throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        String remote = Fixtures.email("ics-link");
        String inPerson = Fixtures.email("ics-room");
        InvitationIssued afar = Fixtures.invitation(world, clock, Language.EN, remote);
        InvitationIssued coming = Fixtures.invitation(world, clock, Language.FR, inPerson);
        UUID remoteRequest = UUID.randomUUID();
        UUID inPersonRequest = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant start = ZonedDateTime.of(2022, 6, 1, 9, 30, 0, 0, Fixtures.GENEVA).toInstant();
        TestKafka.publish(afar);
        TestKafka.publish(coming);
        TestKafka.publish(new SpeakingSlotAllocated(UUID.randomUUID(), clock.instant(), afar.invitationId(),
                remoteRequest, session, TITLES, start, "Europe/Zurich", 2, start.plusSeconds(180), 3,
                SpeakingModality.REMOTE_LIVE, "Room 2", null));
        TestKafka.publish(new SpeakingSlotAllocated(UUID.randomUUID(), clock.instant(), coming.invitationId(),
                inPersonRequest, session, TITLES, start, "Europe/Zurich", 1, start, 3, SpeakingModality.IN_PERSON,
                "Room 2", null));

        MimeMessage first = Mails.awaitSubject(remote, "your speaking slot");
        assertThat(Mails.text(first)).contains("The link to join the session remotely will be sent to you");
        VEvent published = event(first, "PUBLISH");
        assertThat(published.getProperty("URL")).isEmpty();
        VEvent room2 = event(Mails.awaitSubject(inPerson, "votre temps de parole"), "PUBLISH");
        assertThat(room2.getLocation().getValue()).isEqualTo("ITU headquarters, Geneva, Room 2");

        String join = "https://meet.example.org/j/hlps-4";
        TestKafka.publish(new SpeakingSlotRescheduled(UUID.randomUUID(), clock.instant(), afar.invitationId(),
                remoteRequest, session, TITLES, start, "Europe/Zurich", 2, start.plusSeconds(180), 3,
                SpeakingModality.REMOTE_LIVE, "Room 2", join));
        MimeMessage linked = Mails.awaitSubject(remote, "your speaking slot has changed");
        assertThat(Mails.html(linked)).contains("<a href=\"" + join + "\">");
        assertThat(Mails.text(linked)).contains("Link to join the session remotely (please do not forward it): " + join);
        VEvent update = event(linked, "PUBLISH");
        assertThat(update.getUid()).isEqualTo(published.getUid());
        assertThat(update.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(update.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20220601T073300Z");
        assertThat(update.getProperty("URL").orElseThrow().getValue()).isEqualTo(join);
        assertThat(update.getLocation().getValue()).isEqualTo("Remote participation");

        TestKafka.publish(new SpeakingSlotRescheduled(UUID.randomUUID(), clock.instant(), coming.invitationId(),
                inPersonRequest, session, TITLES, start, "Europe/Zurich", 1, start, 3, SpeakingModality.IN_PERSON,
                "Room 1", null));
        MimeMessage moved = Mails.awaitSubject(inPerson, "modification de votre temps de parole");
        assertThat(Mails.text(moved)).contains("Salle: Room 1");
        VEvent room1 = event(moved, "PUBLISH");
        assertThat(room1.getUid()).isEqualTo(room2.getUid());
        assertThat(room1.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(room1.getLocation().getValue()).isEqualTo("ITU headquarters, Geneva, Room 1");
        assertThat(Mails.html(moved)).doesNotContain("meet.example.org");
    }

    @Test
    void anInPersonAcceptanceCarriesTheInPersonWeekUntilItChanges() throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("ics-week");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.ES, email);
        TestKafka.publish(issued);
        TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), clock.instant(), issued.invitationId(), 1,
                ParticipationMode.IN_PERSON, List.of(new Delegate("Juana Pérez", "Ministra", true)), ReplyChannel.WEB,
                false));
        MimeMessage receipt = Mails.awaitSubject(email, "hemos recibido su aceptación");
        assertThat(Mails.text(receipt)).contains("Semana presencial: 30 de mayo de 2022 – 3 de junio de 2022");
        VEvent week = event(receipt, "PUBLISH");
        assertThat(week.getUid().orElseThrow().getValue()).isEqualTo("in-person-" + issued.invitationId() + "@wsis.local");
        assertThat(week.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20220530");
        assertThat(week.getProperty("DTEND").orElseThrow().getValue()).as("the day after the last").isEqualTo("20220604");
        assertThat(week.<LocalDate>getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2022, 5, 30));
        assertThat(week.getSummary().getValue()).isEqualTo("Foro de la CMSI 2022, presencial");
        assertThat(week.getLocation().getValue()).isEqualTo("ITU headquarters, Geneva");

        // A remote participation instead: the week leaves the calendar.
        TestKafka.publish(new ReplyChanged(UUID.randomUUID(), clock.instant(), issued.invitationId(), 2,
                ReplyStatus.ACCEPTED, ReplyStatus.ACCEPTED, ParticipationMode.REMOTE, List.of(), ReplyChannel.WEB,
                false, false));
        VEvent cancel = event(Mails.awaitSubject(email, "hemos recibido su respuesta modificada"), "CANCEL");
        assertThat(cancel.getUid()).isEqualTo(week.getUid());
        assertThat(cancel.getSequence().getSequenceNo()).isEqualTo(1);
    }

    @Test
    void anInPersonAcceptanceReadBeforeItsForumEditionStillCancelsTheWeekItWasSent() throws Exception {
        // The acceptance comes from registration's topic, the forum edition from invitation's: either can be read first.
        Fixtures.World world = Fixtures.unpublishedWorld(clock);
        String email = Fixtures.email("ics-early");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, email);
        TestKafka.publish(issued);
        TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), clock.instant(), issued.invitationId(), 1,
                ParticipationMode.IN_PERSON, List.of(), ReplyChannel.WEB, false));
        String uid = "in-person-" + issued.invitationId() + "@wsis.local";
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select count(*) from calendar_entry where uid = ? and first_day is null", uid) == 1);

        Fixtures.publish(world, clock);
        VEvent week = event(Mails.awaitSubject(email, "your acceptance has been received"), "PUBLISH");
        assertThat(week.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20220530");

        TestKafka.publish(new ReplyWithdrawn(UUID.randomUUID(), clock.instant(), issued.invitationId(), 2,
                ReplyChannel.WEB, false));
        VEvent cancel = event(Mails.awaitSubject(email, "withdrawal of your participation"), "CANCEL");
        assertThat(cancel.getUid()).isEqualTo(week.getUid());
        assertThat(cancel.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(cancel.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20220530");
    }

    /**
     * The secretariat moves the in-person week (a new revision of the forum edition): a delegation that has the week in
     * its calendar gets it again, same UID, next SEQUENCE, the new days, with an email saying so; one that attends
     * remotely gets nothing. The same event redelivered, and a revision that leaves the days and venue as they are,
     * send nothing more.
     */
    @Test
    void anInPersonWeekMovedByTheSecretariatIsUpdatedInTheCalendarsThatHoldIt() throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        String inPerson = Fixtures.email("ics-moved");
        String remote = Fixtures.email("ics-moved-remote");
        InvitationIssued coming = Fixtures.invitation(world, clock, Language.FR, inPerson);
        InvitationIssued afar = Fixtures.invitation(world, clock, Language.EN, remote);
        TestKafka.publish(coming);
        TestKafka.publish(afar);
        TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), clock.instant(), coming.invitationId(), 1,
                ParticipationMode.IN_PERSON, List.of(), ReplyChannel.WEB, false));
        TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), clock.instant(), afar.invitationId(), 1,
                ParticipationMode.REMOTE, List.of(), ReplyChannel.WEB, false));
        VEvent week = event(Mails.awaitSubject(inPerson, "votre acceptation a bien été reçue"), "PUBLISH");
        Mails.awaitSubject(remote, "your acceptance has been received");
        assertThat(week.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20220530");

        ForumEditionPublished moved = edition(world, 2, LocalDate.of(2022, 6, 13), LocalDate.of(2022, 6, 17));
        TestKafka.publish(moved);
        MimeMessage notice = Mails.awaitSubject(inPerson, "modification de la semaine en présentiel");
        assertThat(Mails.text(notice)).contains("Semaine en présentiel: 13 juin 2022 – 17 juin 2022")
                .contains("l'entrée de calendrier jointe remplace la précédente");
        VEvent update = event(notice, "PUBLISH");
        assertThat(update.getUid()).isEqualTo(week.getUid());
        assertThat(update.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(update.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20220613");
        assertThat(update.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20220618");

        TestKafka.publish(moved);
        TestKafka.publish(edition(world, 3, LocalDate.of(2022, 6, 13), LocalDate.of(2022, 6, 17)));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(Mails.to(inPerson).stream().filter(m -> Mails.calendar(m).isPresent()))
                .as("calendar entries: the receipt's and one notice of the move").hasSize(2);
        assertThat(Mails.to(inPerson)).as("the invitation, the receipt and one notice of the move").hasSize(3);
        assertThat(Mails.to(remote)).as("the invitation and the receipt only").hasSize(2);
        assertThat(TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select sequence from calendar_entry where uid = ?", week.getUid().orElseThrow().getValue()))
                .isEqualTo(1);
    }

    /** The forum edition of {@code world} again, at {@code revision}, with its in-person week on other days. */
    static ForumEditionPublished edition(Fixtures.World world, long revision, LocalDate first, LocalDate last) {
        return new ForumEditionPublished(UUID.randomUUID(), Instant.now(), world.forumId(), revision, "WSIS2022",
                Fixtures.FORUM_NAMES, Map.of(Language.EN, "ICTs for well-being"), LocalDate.of(2022, 3, 15), first,
                last, "ITU headquarters, Geneva", "HYBRID", Fixtures.GENEVA.getId(),
                "https://www.itu.int/net4/wsis/forum/2022", "https://www.itu.int/net4/wsis/forum/2022/HighLevel",
                "https://www.itu.int/go/wsisfund");
    }

    /** The one VEVENT of the message's calendar, after checking its METHOD and that it is valid iCalendar and iTIP. */
    static VEvent event(MimeMessage m, String method) throws Exception {
        Calendar calendar = calendar(m);
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        assertThat(Mails.calendarContentType(m)).contains("method=" + method);
        return events.get(0);
    }

    static Calendar calendar(MimeMessage m) throws Exception {
        String ics = Mails.calendar(m).orElseThrow(() -> new AssertionError("no calendar attachment"));
        assertThat(ics).contains("\r\n").startsWith("BEGIN:VCALENDAR");
        return new CalendarBuilder().build(new StringReader(ics));
    }
}
