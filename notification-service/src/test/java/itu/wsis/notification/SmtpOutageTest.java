package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestSmtp;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@NotificationServiceTest
class SmtpOutageTest {

    @Inject
    Clock clock;

    @Test
    void anSmtpOutageDelaysEmailsAndLosesOrDuplicatesNone() {
        Fixtures.World world = Fixtures.world(clock);
        List<InvitationIssued> invitations = new ArrayList<>();
        TestSmtp.stop();
        try {
            for (Language language : Language.values()) {
                InvitationIssued issued = Fixtures.invitation(world, clock, language, Fixtures.email("outage"));
                invitations.add(issued);
                TestKafka.publish(issued);
            }
            // The sender has tried and failed at least once for every one of them: they wait with a backoff.
            await().atMost(Duration.ofSeconds(45)).until(() -> invitations.stream().allMatch(i ->
                    TestPostgres.queryLong(NotificationServiceTest.DATABASE, """
                            select count(*) from notification where invitation_id = ? and status = 'PENDING'
                               and attempts >= 1 and last_error like 'smtp unavailable%'""", i.invitationId()) == 1));
        } finally {
            TestSmtp.restart();
        }
        for (InvitationIssued issued : invitations) {
            MimeMessage m = Mails.awaitSubject(issued.invitee().email(),
                    Fixtures.LETTER.get(issued.invitee().preferredLanguage()).subject());
            assertThat(Mails.countByMessageId(Mails.messageId(m))).isEqualTo(1);
        }
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        for (InvitationIssued issued : invitations) {
            assertThat(Mails.to(issued.invitee().email())).hasSize(1);
            assertThat(TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                    "select count(*) from notification where invitation_id = ? and status = 'SENT'",
                    issued.invitationId())).isEqualTo(1);
        }
    }
}
