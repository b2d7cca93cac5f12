package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.support.outbox.OutboxBacklog;
import itu.wsis.testing.DatabaseOutage;
import itu.wsis.testing.ExportedMetrics;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The platform's flow metrics on a real scrape: the outbox backlog gauges, dead letters by topic (docs/metrics.md). */
@QuarkusTest
@SupportTest
class FlowMetricsTest {

    @Inject
    OutboxBacklog backlog;

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the one sample whose line starts with {@code series} (name and, if given, labels). */
    static double sample(String series) {
        return ExportedMetrics.sum(scrape(), series);
    }

    @Test
    void everyPlatformMetricIsExported() {
        // One request an application route answers, so that the HTTP server's series exist.
        given().get("/test-notes/" + UUID.randomUUID());
        ExportedMetrics.awaitExported(FlowMetricsTest::scrape, ExportedMetrics.OWN);
    }

    @Test
    void deadLettersAreCountedPerTopicFromZero() {
        assertThat(scrape()).contains("wsis_inbox_dead_lettered_total{application=\"service-support-test\","
                + "topic=\"wsis.invitation-events\"}");
    }

    @Test
    void theBacklogAndTheAgeOfItsOldestRowShowWhatTheRelayHasNotPublished() throws InterruptedException {
        // The relay publishes within 100 ms; another holder of its lease keeps it from publishing this test's row.
        // The relay re-asserts a lease it holds at most every few seconds, so it may still publish until then.
        TestPostgres.execute(SupportTest.DATABASE, "update outbox_relay_lease set owner = 'flow-metrics-test',"
                + " lease_until = now() + interval '2 minutes' where name = 'relay'");
        UUID eventId = UUID.randomUUID();
        try {
            Thread.sleep(6_500);
            TestPostgres.execute(SupportTest.DATABASE, """
                    insert into outbox_event (event_id, topic, message_key, event_type, payload, occurred_at, created_at)
                    values (?, 'wsis.invitation-events', 'k', 'InvitationRevoked.v1', '{}', now(),
                            now() - interval '1 hour')""", eventId);
            backlog.refreshNow().await().atMost(Duration.ofSeconds(10));

            assertThat(sample("wsis_outbox_backlog{")).isGreaterThanOrEqualTo(1);
            assertThat(sample("wsis_outbox_oldest_unpublished_age_seconds{")).isBetween(3600.0, 3700.0);

            // The database refuses connections: the gauges keep their last values and the failure is counted.
            double failuresBefore = sample("wsis_metrics_refresh_failures_total{application=\"service-support-test\",query=\"outbox-backlog\"}");
            try (DatabaseOutage outage = DatabaseOutage.of(SupportTest.DATABASE)) {
                backlog.refreshNow().await().atMost(Duration.ofSeconds(15));
                assertThat(sample("wsis_outbox_oldest_unpublished_age_seconds{")).isBetween(3600.0, 3700.0);
                assertThat(sample("wsis_metrics_refresh_failures_total{application=\"service-support-test\",query=\"outbox-backlog\"}"))
                        .isEqualTo(failuresBefore + 1);
            }
        } finally {
            TestPostgres.execute(SupportTest.DATABASE, "delete from outbox_event where event_id = ?", eventId);
            TestPostgres.execute(SupportTest.DATABASE,
                    "update outbox_relay_lease set owner = null, lease_until = 'epoch' where name = 'relay'");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            backlog.refreshNow().await().atMost(Duration.ofSeconds(10));
            return sample("wsis_outbox_oldest_unpublished_age_seconds{") < 60;
        });
        // The outage terminated the pool's connections: the next test finds the service ready again, not its pool
        // still dropping the dead ones.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
