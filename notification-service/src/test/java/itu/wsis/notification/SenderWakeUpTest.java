package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The sender is woken by the consumer once an event's intents are committed. Here its scheduled tick runs once at
 * start-up and then only every hour, so an email that leaves within seconds can only have been sent on a wake-up.
 */
@QuarkusTest
@NotificationServiceTest
@TestProfile(SenderWakeUpTest.TickOnlyHourly.class)
class SenderWakeUpTest {

    public static class TickOnlyHourly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wsis.notifications.sender.interval", "1h");
        }
    }

    @Inject
    Clock clock;

    @Test
    void anEmailLeavesAsSoonAsItsEventIsConsumedWithoutWaitingForTheTick() {
        Fixtures.World world = Fixtures.world(clock);
        // The letter and forum first: an intent that found them missing would wait for the next tick.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                        "select count(*) from circular_letter where letter_id = ?", world.letterId()) == 1
                && TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                        "select count(*) from forum_edition where forum_id = ?", world.forumId()) == 1);

        InvitationIssued issued = Fixtures.invitation(world, clock, Language.ES, Fixtures.email("wake-up"));
        TestKafka.publish(issued);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select count(*) from notification where invitation_id = ? and status = 'SENT'",
                issued.invitationId()) == 1);
        Mails.awaitSubject(issued.invitee().email(), Fixtures.LETTER.get(Language.ES).subject());
    }
}
