package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.events.NotificationFailed;
import itu.wsis.events.Topic;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.notification.repository.DeliveryRepository;
import itu.wsis.testing.DatabaseOutage;
import itu.wsis.testing.FaultySmtpProxy;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMTP server misbehaves between the sender and GreenMail ({@link FaultySmtpProxy}): it holds back its
 * acceptance, the database goes away just when it accepts, it refuses for a while, it refuses for good. A message
 * the server accepted is never sent again; nothing is lost. The claim lease is 3 s here, so that "slower than the
 * lease" takes seconds.
 */
@QuarkusTest
@NotificationServiceTest
@TestProfile(SmtpFaultsTest.ShortLeaseBehindAFaultySmtpServer.class)
class SmtpFaultsTest {

    static final String DB = NotificationServiceTest.DATABASE;

    public static class ShortLeaseBehindAFaultySmtpServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.port", Integer.toString(FaultySmtpProxy.shared().port()),
                    "wsis.notifications.sender.claim-lease", "PT3S",
                    "wsis.notifications.sender.takeover-grace", "PT2S");
        }
    }

    @Inject
    Clock clock;

    @Inject
    DeliveryRepository store;

    private final FaultySmtpProxy smtp = FaultySmtpProxy.shared();

    @AfterEach
    void behave() {
        smtp.behave();
    }

    @Test
    void anAcceptanceSlowerThanTheLeaseKeepsTheClaimSoNoOtherInstanceSendsItAgain() throws Throwable {
        Fixtures.World world = Fixtures.world(clock);
        smtp.delayFinalReply(Duration.ofSeconds(9));
        int atServerBefore = smtp.messagesAtServer();
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.FR, Fixtures.email("slow-smtp"));
        TestKafka.publish(issued);

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.messagesAtServer() > atServerBefore);
        // Three leases later the server has still not answered; another instance looks for work it could take over.
        Thread.sleep(6_000);
        List<UUID> takenOver = VertxContextSupport.subscribeAndAwait(() -> store.claim("other-instance",
                        Instant.now().plus(1, ChronoUnit.DAYS), Duration.ofMillis(1), 10_000)).stream()
                .map(NotificationRepository.Claim::id).toList();
        UUID intent = intentOf(issued);
        assertThat(takenOver).doesNotContain(intent);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(intent).equals("SENT"));
        MimeMessage mail = Mails.awaitSubject(issued.invitee().email(), Fixtures.LETTER.get(Language.FR).subject());
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(Mails.countByMessageId(Mails.messageId(mail))).isEqualTo(1);
        assertThat(TestPostgres.queryLong(DB, "select attempts from notification where id = ?", intent)).isEqualTo(1);
    }

    @Test
    void theDatabaseGoneWhenTheServerAcceptsIsWaitedForAndTheMessageIsRecordedOnceAndNotSentAgain() throws Exception {
        Fixtures.World world = Fixtures.world(clock);
        Fixtures.awaitDirectory(world);
        smtp.delayFinalReply(Duration.ofSeconds(3));
        int atServerBefore = smtp.messagesAtServer();
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.ZH, Fixtures.email("db-after-smtp"));
        TestKafka.publish(issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.messagesAtServer() > atServerBefore);
        UUID intent = intentOf(issued);

        // The server has the message and will say so in 3 s; by then the database is gone, for longer than the lease.
        try (DatabaseOutage outage = DatabaseOutage.of(DB)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> smtp.acceptancesSeenByClients() > atServerBefore);
            Thread.sleep(6_000);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> status(intent).equals("SENT"));
        MimeMessage mail = Mails.awaitSubject(issued.invitee().email(), Fixtures.LETTER.get(Language.ZH).subject());
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(Mails.countByMessageId(Mails.messageId(mail))).isEqualTo(1);
        assertThat(TestPostgres.queryString(DB, "select message_id from notification where id = ?", intent))
                .isEqualTo(Mails.messageId(mail));
    }

    @Test
    void aTemporaryRefusalIsRetriedUntilTheServerTakesTheMessageOnce() {
        Fixtures.World world = Fixtures.world(clock);
        Fixtures.awaitDirectory(world);
        smtp.refuseTransactions("451 4.3.0 Try again later");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.AR, Fixtures.email("smtp-4xx"));
        TestKafka.publish(issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB, """
                select count(*) from notification where invitation_id = ? and status = 'PENDING'
                   and last_error like 'smtp 451%'""", issued.invitationId()) == 1);
        assertThat(Mails.to(issued.invitee().email())).isEmpty();

        smtp.behave();

        MimeMessage mail = Mails.awaitSubject(issued.invitee().email(), Fixtures.LETTER.get(Language.AR).subject());
        await().atMost(Duration.ofSeconds(10)).until(() -> status(intentOf(issued)).equals("SENT"));
        assertThat(Mails.countByMessageId(Mails.messageId(mail))).isEqualTo(1);
    }

    @Test
    void aRefusalOfEveryTransactionOnEveryLaneEndsWithEachMessageSentOnceSoonAfter() {
        // Several lanes send at once, each dialogue on a pooled connection: refused transactions must leave no
        // connection that a later dialogue waits on for ever (the RFC's 10 minutes, here the test's minute).
        Fixtures.World world = Fixtures.world(clock);
        Fixtures.awaitDirectory(world);
        smtp.refuseTransactions("451 4.3.0 Try again later");
        List<InvitationIssued> invitations = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> Fixtures.invitation(world, clock, Language.EN, Fixtures.email("smtp-4xx-lanes")))
                .toList();
        invitations.forEach(TestKafka::publish);
        await().atMost(Duration.ofSeconds(60)).until(() -> invitations.stream().allMatch(issued ->
                TestPostgres.queryLong(DB, """
                        select count(*) from notification where invitation_id = ? and status = 'PENDING'
                           and attempts >= 2 and last_error like 'smtp 451%'""", issued.invitationId()) == 1));

        smtp.behave();

        await().atMost(Duration.ofSeconds(60)).until(() -> invitations.stream()
                .allMatch(issued -> status(intentOf(issued)).equals("SENT")));
        for (InvitationIssued issued : invitations) {
            List<MimeMessage> received = Mails.to(issued.invitee().email());
            assertThat(received).as(issued.invitee().email()).hasSize(1);
            assertThat(Mails.countByMessageId(Mails.messageId(received.get(0)))).isEqualTo(1);
        }
    }

    @Test
    void aPermanentRefusalFailsTheIntentAtOnceWithNotificationFailedAndNoRetry() {
        Fixtures.World world = Fixtures.world(clock);
        Fixtures.awaitDirectory(world);
        String refused = Fixtures.email("smtp-5xx");
        smtp.refuseRecipients(refused::equalsIgnoreCase, "550 5.1.1 Mailbox unavailable");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.RU, refused);
        TestKafka.publish(issued);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(intentOf(issued)).equals("FAILED"));
        UUID intent = intentOf(issued);
        assertThat(TestPostgres.queryString(DB, "select last_error from notification where id = ?", intent))
                .startsWith("smtp 550");
        assertThat(TestPostgres.queryLong(DB, "select attempts from notification where id = ?", intent)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestKafka.events(Topic.NOTIFICATION.topicName(),
                NotificationFailed.class).stream().anyMatch(f -> f.notificationId().equals(intent)));
        assertThat(Mails.to(refused)).isEmpty();
    }

    private static UUID intentOf(InvitationIssued issued) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from notification where invitation_id = ?", issued.invitationId()) == 1);
        return UUID.fromString(TestPostgres.queryString(DB,
                "select id::text from notification where invitation_id = ?", issued.invitationId()));
    }

    private static String status(UUID intent) {
        return TestPostgres.queryString(DB, "select status from notification where id = ?", intent);
    }
}
