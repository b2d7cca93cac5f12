package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.notification.service.IntentMetrics;
import itu.wsis.testing.ExportedMetrics;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestSmtp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** notification-service's flow metrics on a real scrape (docs/metrics.md). */
@QuarkusTest
@NotificationServiceTest
class FlowMetricsTest {

    static final String APP = "application=\"notification-service\"";

    @Inject
    Clock clock;

    @Inject
    IntentMetrics intentMetrics;

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the samples whose line starts with {@code series}. */
    static double sample(String series) {
        return ExportedMetrics.sum(scrape(), series);
    }

    static String emails(String kind, String language, String outcome) {
        return "wsis_notifications_emails_total{" + APP + ",kind=\"" + kind + "\",language=\"" + language
                + "\",outcome=\"" + outcome + "\"}";
    }

    @Test
    void everyMetricTheRulesAndTheDashboardNeedIsExported() {
        given().get("/q/health/ready");
        given().get("/ops/notifications/" + UUID.randomUUID());
        ExportedMetrics.awaitExported(FlowMetricsTest::scrape, ExportedMetrics.PLATFORM, ExportedMetrics.OWN);
    }

    @Test
    void everyKindLanguageAndOutcomeIsCountedFromZero() {
        String scrape = scrape();
        assertThat(scrape).contains(emails("REPLY_DECLINED", "zh", "failed"));
        assertThat(scrape).contains(emails("REMINDER_SPEAKING_REQUEST", "ar", "retried"));
        assertThat(scrape).contains("wsis_notifications_intents{" + APP + ",status=\"CANCELLED\"}");
    }

    @Test
    void anEmailIsCountedByKindLanguageAndOutcomeRetriedWhileSmtpIsDownThenSent() {
        Fixtures.World world = Fixtures.world(clock);
        double retriedBefore = sample(emails("INVITATION", "fr", "retried"));
        double sentBefore = sample(emails("INVITATION", "fr", "sent"));
        double sentInOtherLanguages = sample("wsis_notifications_emails_total{" + APP + ",kind=\"INVITATION\",language=\"es\",outcome=\"sent\"}");
        TestSmtp.stop();
        InvitationIssued issued;
        try {
            issued = Fixtures.invitation(world, clock, Language.FR, Fixtures.email("metrics"));
            TestKafka.publish(issued);
            await().atMost(Duration.ofSeconds(45)).until(() -> sample(emails("INVITATION", "fr", "retried")) > retriedBefore);
        } finally {
            TestSmtp.restart();
        }
        Mails.awaitSubject(issued.invitee().email(), Fixtures.LETTER.get(Language.FR).subject());
        await().atMost(Duration.ofSeconds(20)).until(() -> sample(emails("INVITATION", "fr", "sent")) == sentBefore + 1);
        assertThat(sample("wsis_notifications_emails_total{" + APP + ",kind=\"INVITATION\",language=\"es\",outcome=\"sent\"}"))
                .isEqualTo(sentInOtherLanguages);
    }

    @Test
    void intentsByStatusAndTheOldestOverduePendingIntentComeFromTheDeliveryLog() {
        // An intent due ten minutes ago that another sender holds a claim on, so this one's sender leaves it alone.
        UUID id = UUID.randomUUID();
        Instant due = clock.instant().minus(Duration.ofMinutes(10));
        TestPostgres.execute(NotificationServiceTest.DATABASE, """
                insert into notification (id, intent_key, invitation_id, kind, status, payload, attempts, next_attempt_at,
                                          created_at, claimed_by, claimed_until)
                values (?, ?, ?, 'INVITATION', 'PENDING', '{}', 0, ?, ?, 'another-sender', now() + interval '5 minutes')""",
                id, "metrics-test:" + id, UUID.randomUUID(), java.sql.Timestamp.from(due), java.sql.Timestamp.from(due));
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                intentMetrics.refreshNow().await().atMost(Duration.ofSeconds(10));
                assertThat(sample("wsis_notifications_oldest_pending_age_seconds{")).isBetween(600.0, 700.0);
                for (String status : new String[] {"PENDING", "SENT"}) {
                    assertThat(sample("wsis_notifications_intents{" + APP + ",status=\"" + status + "\"}"))
                            .as(status).isEqualTo((double) TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                                    "select count(*) from notification where status = ?", status));
                }
            });
            assertThat(sample("wsis_notifications_intents{" + APP + ",status=\"PENDING\"}")).isGreaterThanOrEqualTo(1);
        } finally {
            TestPostgres.execute(NotificationServiceTest.DATABASE, "delete from notification where id = ?", id);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            intentMetrics.refreshNow().await().atMost(Duration.ofSeconds(10));
            assertThat(sample("wsis_notifications_oldest_pending_age_seconds{")).isLessThan(600.0);
        });
    }
}
