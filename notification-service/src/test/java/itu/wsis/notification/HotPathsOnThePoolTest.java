package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import itu.wsis.events.CircularLetterPublished;
import itu.wsis.events.Contact;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.testing.ConnectionLoss;
import itu.wsis.testing.FaultySmtpProxy;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The two hot writes that left the ORM for single statements on the reactive pool (issue #16): the consumer's
 * InvitationIssued (inbox row, contact upsert, intent: {@code IssuedInvitationRepository}) and the sender's SENT with
 * its NotificationSent outbox row ({@code DeliveryRepository.MARK_SENT}). Each keeps what its ORM transaction guaranteed: the
 * directory rules of the issued event, and all-or-nothing when the connection is lost in the middle of the statement,
 * then exactly one effect once it is retried. The sender reuses a letter's texts it has read already only for the same
 * version of the letter's row. Same profile as SmtpFaultsTest (a faulty SMTP front, a 3 s lease),
 * so that the application is started once for both.
 */
@QuarkusTest
@NotificationServiceTest
@TestProfile(SmtpFaultsTest.ShortLeaseBehindAFaultySmtpServer.class)
class HotPathsOnThePoolTest {

    static final String DB = NotificationServiceTest.DATABASE;

    @Inject
    Clock clock;

    private final FaultySmtpProxy smtp = FaultySmtpProxy.shared();

    @AfterEach
    void behave() {
        smtp.behave();
    }

    @Test
    void anInvitationIssuedAfterItsRevocationRestoresNoPersonalDataAndSendsNothing() {
        Fixtures.World world = Fixtures.world(clock);
        Fixtures.awaitDirectory(world);
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, Fixtures.email("revoked-first"));
        // Revoked before this service heard of it (both on the invitation topic, keyed by the invitation: in order).
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), clock.instant(), issued.invitationId(), "error"));
        TestKafka.publish(issued);

        awaitInInbox(issued.eventId());
        assertThat(TestPostgres.queryLong(DB, """
                select count(*) from contact where invitation_id = ? and revoked_at is not null
                   and full_name is null and email is null""", issued.invitationId())).isEqualTo(1);
        assertThat(TestPostgres.queryLong(DB, "select count(*) from notification where invitation_id = ?",
                issued.invitationId())).isZero();
    }

    @Test
    void anInvitationIssuedAfterANewerLinkKeepsTheNewerLinkAndIsSentOnce() {
        Fixtures.World world = Fixtures.world(clock);
        Fixtures.awaitDirectory(world);
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.ES, Fixtures.email("newer-link"));
        PersonalLinkReissued reissued = new PersonalLinkReissued(UUID.randomUUID(), clock.instant(),
                issued.invitationId(), 2, clock.instant().plus(Duration.ofDays(500)));
        // The re-issue overtakes the issue: the row is created by the ORM path, then filled in by the upsert.
        TestKafka.publish(reissued);
        awaitInInbox(reissued.eventId());
        TestKafka.publish(issued);
        awaitInInbox(issued.eventId());

        assertThat(TestPostgres.queryLong(DB, """
                select count(*) from contact where invitation_id = ? and link_version = 2
                   and full_name = 'Jane Doe' and email = ? and issued_at is not null""",
                issued.invitationId(), issued.invitee().email())).isEqualTo(1);
        MimeMessage mail = Mails.awaitSubject(issued.invitee().email(), Fixtures.LETTER.get(Language.ES).subject());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from notification where invitation_id = ? and status = 'SENT'",
                issued.invitationId()) == 2);
        assertThat(Mails.countByMessageId(Mails.messageId(mail))).isEqualTo(1);
    }

    @Test
    void aConnectionLostInTheMiddleOfTheConsumersStatementLeavesNothingAndTheEventIsAppliedOnceAfter()
            throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        Fixtures.awaitDirectory(world);
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.FR, Fixtures.email("consumer-lost"));
        try (Connection blocker = Fixtures.transaction()) {
            try (Statement s = blocker.createStatement()) {
                // The statement writes this table (its intent) and waits for the lock: terminated, it leaves nothing.
                s.execute("lock table notification in exclusive mode");
            }
            TestKafka.publish(issued);
            ConnectionLoss.terminateBackendWaitingOnLock(DB, "with inbox as");
            // Nothing of the lost statement is left: neither the inbox row nor the contact.
            assertThat(TestPostgres.queryLong(DB, "select count(*) from inbox_processed_event where event_id = ?",
                    issued.eventId())).isZero();
            assertThat(TestPostgres.queryLong(DB, "select count(*) from contact where invitation_id = ?",
                    issued.invitationId())).isZero();
            blocker.rollback();
        }

        // The inbox retries a lost connection without limit; the event is applied once, and one email leaves.
        awaitInInbox(issued.eventId());
        MimeMessage mail = Mails.awaitSubject(issued.invitee().email(), Fixtures.LETTER.get(Language.FR).subject());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from notification where invitation_id = ? and status = 'SENT'",
                issued.invitationId()) == 1);
        assertThat(Mails.countByMessageId(Mails.messageId(mail))).isEqualTo(1);
        assertThat(TestPostgres.queryLong(DB, "select count(*) from notification where invitation_id = ?",
                issued.invitationId())).isEqualTo(1);
    }

    @Test
    void aConnectionLostInTheMiddleOfRecordingSentIsRetriedAndRecordsOneSentAndOneEvent() throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        Fixtures.awaitDirectory(world);
        smtp.delayFinalReply(Duration.ofSeconds(2));
        int atServerBefore = smtp.messagesAtServer();
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.RU, Fixtures.email("sent-lost"));
        TestKafka.publish(issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.messagesAtServer() > atServerBefore);
        UUID intent = intentOf(issued);

        try (Connection blocker = Fixtures.transaction()) {
            // The server has the message and accepts it in 2 s; recording SENT then waits for this lock on the outbox
            // (a row lock would not do: the statement skips rows another transaction holds, and asks again).
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table outbox_event in share mode");
            }
            ConnectionLoss.terminateBackendWaitingOnLock(DB, "with accepted as");
            assertThat(sentEvents(intent)).isZero();
            blocker.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryString(DB,
                "select status from notification where id = ?", intent).equals("SENT"));
        MimeMessage mail = Mails.awaitSubject(issued.invitee().email(), Fixtures.LETTER.get(Language.RU).subject());
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(Mails.countByMessageId(Mails.messageId(mail))).isEqualTo(1);
        assertThat(sentEvents(intent)).isEqualTo(1);
        assertThat(TestPostgres.queryLong(DB,
                "select count(*) from notification where id = ? and claimed_by is null and message_id = ?", intent,
                Mails.messageId(mail))).isEqualTo(1);
    }

    @Test
    void aNewRevisionOfTheLetterIsWhatTheNextEmailSaysThoughTheSenderKeptTheOldTexts() {
        Fixtures.World world = Fixtures.world(clock);
        Fixtures.awaitDirectory(world);
        InvitationIssued first = Fixtures.invitation(world, clock, Language.EN, Fixtures.email("letter-v1"));
        TestKafka.publish(first);
        Mails.awaitSubject(first.invitee().email(), Fixtures.LETTER.get(Language.EN).subject());

        Map<Language, LocalizedText> revised = new EnumMap<>(Fixtures.LETTER);
        LocalizedText en = revised.get(Language.EN);
        String subject = "Revised: " + en.subject();
        revised.put(Language.EN, new LocalizedText(subject, en.body(), en.place(), en.addressee(), en.signatoryName(),
                en.signatoryTitle()));
        TestKafka.publish(new CircularLetterPublished(UUID.randomUUID(), clock.instant(), world.letterId(),
                world.forumId(), "CL-22/010", 2, LocalDate.of(2022, 3, 21), "Houlin ZHAO", "Secretary-General",
                new Contact("Ms Gitanjali Sah", "wsis-info@itu.int", "+41 22 730 5350"), Language.FR, revised,
                "MINISTERS", world.response(), world.speaking()));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from circular_letter where letter_id = ? and revision = 2", world.letterId()) == 1);

        InvitationIssued second = Fixtures.invitation(world, clock, Language.EN, Fixtures.email("letter-v2"));
        TestKafka.publish(second);
        MimeMessage mail = Mails.awaitSubject(second.invitee().email(), "Revised: ");
        assertThat(Mails.subject(mail)).contains(subject);
    }

    private static long sentEvents(UUID intent) {
        return TestPostgres.queryLong(DB, """
                select count(*) from outbox_event where event_type = 'NotificationSent.v1' and payload like ?""",
                "%" + intent + "%");
    }

    private static void awaitInInbox(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from inbox_processed_event where event_id = ?", eventId) == 1);
    }

    private static UUID intentOf(InvitationIssued issued) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from notification where invitation_id = ?", issued.invitationId()) == 1);
        return UUID.fromString(TestPostgres.queryString(DB,
                "select id::text from notification where invitation_id = ?", issued.invitationId()));
    }
}
