package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.testing.FaultySmtpProxy;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMTP server falls silent in the middle of dialogues and never answers them, their connections left open: a
 * relay that hangs, or a firewall that forgets a connection without telling either end. The sender gives each up
 * after the SMTP timeout (3 s here) and tries again; the silent connections must not stay taken from the mailer's
 * pool (2 here, for 4 lanes), or once as many dialogues as the pool holds have fallen silent, no message could go out
 * again, even to a server that answers, until the service restarts. The lanes that find no connection free wait;
 * a wait given up on must not become a dialogue later, once the server answers: a second copy of the message.
 */
@QuarkusTest
@NotificationServiceTest
@TestProfile(SmtpSilenceTest.ShortSmtpTimeoutBehindASilentServer.class)
class SmtpSilenceTest {

    static final String DB = NotificationServiceTest.DATABASE;

    public static class ShortSmtpTimeoutBehindASilentServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.port", Integer.toString(FaultySmtpProxy.shared().port()),
                    "quarkus.mailer.max-pool-size", "2",
                    "wsis.notifications.sender.lanes", "4",
                    "wsis.notifications.sender.smtp-timeout", "PT3S",
                    "wsis.notifications.sender.first-backoff", "PT1S",
                    "wsis.notifications.sender.max-backoff", "PT2S");
        }
    }

    @Inject
    Clock clock;

    private final FaultySmtpProxy smtp = FaultySmtpProxy.shared();

    @AfterEach
    void behave() {
        smtp.behave();
    }

    @Test
    void dialoguesThatFellSilentForGoodLeaveThePoolAndEveryMessageGoesOnceTheServerAnswersAgain() {
        Fixtures.World world = Fixtures.world(clock);
        Fixtures.awaitDirectory(world);
        int before = smtp.swallowed();
        smtp.swallowData();
        List<InvitationIssued> invitations = IntStream.range(0, 8)
                .mapToObj(i -> Fixtures.invitation(world, clock, Language.FR, Fixtures.email("smtp-silent")))
                .toList();
        invitations.forEach(TestKafka::publish);
        // As many dialogues as the pool holds fall silent, and every message fails at least twice meanwhile.
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.swallowed() - before >= 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> invitations.stream().allMatch(issued ->
                TestPostgres.queryLong(DB, """
                        select count(*) from notification where invitation_id = ? and status = 'PENDING'
                           and attempts >= 2 and (last_error like 'smtp gave no reply within %: outcome unknown'
                             or last_error like 'smtp: no connection free within %: not sent')""",
                        issued.invitationId()) == 1));
        assertThat(invitations).allSatisfy(issued -> assertThat(Mails.to(issued.invitee().email())).isEmpty());

        smtp.behave();

        await("every message sent once the server answers (" + (smtp.swallowed() - before)
                + " dialogues fell silent)").atMost(Duration.ofSeconds(60)).until(() -> invitations.stream().allMatch(issued ->
                "SENT".equals(TestPostgres.queryString(DB,
                        "select status from notification where invitation_id = ?", issued.invitationId()))));
        // A dialogue the sender gave up on must not go later on its own, a second copy of a message sent since: watch
        // for longer than the SMTP timeout.
        await("no second copy").during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10))
                .until(() -> invitations.stream().allMatch(issued -> Mails.to(issued.invitee().email()).size() == 1));
        for (InvitationIssued issued : invitations) {
            List<MimeMessage> received = Mails.to(issued.invitee().email());
            assertThat(received).as(issued.invitee().email()).hasSize(1);
            assertThat(Mails.countByMessageId(Mails.messageId(received.get(0)))).isEqualTo(1);
        }
    }
}
