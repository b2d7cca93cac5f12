package itu.wsis.testing;

import io.restassured.response.Response;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database connection lost in the middle of a request, at a point the test chooses: the test holds a lock that the
 * service's statement waits for, and the backend running that statement is terminated, as a restart or a failover
 * would end it. Then what the service answered is checked.
 */
public final class ConnectionLoss {

    private ConnectionLoss() {
    }

    /**
     * Waits until exactly one backend of {@code database} runs a statement starting with {@code statementPrefix} and
     * waits for a lock, then terminates that backend and no other.
     */
    public static void terminateBackendWaitingOnLock(String database, String statementPrefix) {
        String waiting = "from pg_stat_activity where datname = '" + database + "' and wait_event_type = 'Lock'"
                + " and query ilike '" + statementPrefix + "%'";
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong("postgres",
                "select count(*) " + waiting) == 1);
        assertThat(TestPostgres.queryLong("postgres", "select count(pg_terminate_backend(pid)) " + waiting))
                .as("backends of %s terminated while running %s", database, statementPrefix).isEqualTo(1);
    }

    /** The answer to a request whose connection was lost: 503 database-unavailable, to be retried, no internals. */
    public static void assertDatabaseUnavailable(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:wsis:problem:database-unavailable");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(503);
        assertThat(response.jsonPath().getInt("retryAfterSeconds")).isEqualTo(1);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("errorId");
    }
}
