package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import itu.wsis.testing.DatabaseOutage;
import itu.wsis.testing.ConnectionLoss;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared mapping of a lost database connection, on the module's own Panache write (a note and its outbox row in
 * one {@code @WithTransaction}): 503 with Retry-After, never 500, whether the connection dies in the middle of the
 * transaction or none can be had at all; and the service answers again as soon as the database does. Any other
 * failure stays a 500 with an error id (ProblemDetailsTest; which database errors count as lost connections is
 * DatabaseConnectionLossTest's).
 */
@QuarkusTest
@SupportTest
class DatabaseUnavailableTest {

    private static final String DB = SupportTest.DATABASE;

    private static Response createNote(String text) {
        return given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}").post("/test-notes");
    }

    private static long notes(String text) {
        return TestPostgres.queryLong(DB, "select count(*) from test_note where text = ?", text);
    }

    private static long events(String text) {
        return TestPostgres.queryLong(DB, "select count(*) from outbox_event where payload like ?", "%" + text + "%");
    }

    @Test
    void aConnectionLostWhileTheEventIsBeingWrittenIs503AndLeavesNeitherTheNoteNorItsEvent() throws Exception {
        String text = "lost-" + UUID.randomUUID();
        try (Connection blocker = connection()) {
            try (Statement s = blocker.createStatement()) {
                // The note's insert goes through; the outbox insert, in the same transaction, waits for this lock.
                s.execute("lock table outbox_event in exclusive mode");
            }
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> createNote(text));
            ConnectionLoss.terminateBackendWaitingOnLock(DB, "insert into outbox_event");
            blocker.rollback();
            ConnectionLoss.assertDatabaseUnavailable(answer.get(30, TimeUnit.SECONDS));
        }
        assertThat(notes(text)).isZero();
        assertThat(events(text)).isZero();

        assertThat(createNote(text).statusCode()).isEqualTo(201);
        assertThat(notes(text)).isEqualTo(1);
        assertThat(events(text)).isEqualTo(1);
    }

    @Test
    void aDatabaseRefusingConnectionsIs503ForWritesAndReadsUntilItIsBack() {
        String text = "outage-" + UUID.randomUUID();
        try (DatabaseOutage outage = DatabaseOutage.of(DB)) {
            ConnectionLoss.assertDatabaseUnavailable(createNote(text));
            ConnectionLoss.assertDatabaseUnavailable(given().auth().oauth2(TestTokens.ops()).get("/test-notes/{id}",
                    UUID.randomUUID()));
        }
        assertThat(notes(text)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> createNote(text).statusCode() == 201);
        assertThat(notes(text)).isEqualTo(1);
        // The outage also killed the JDBC pool's idle connections (2, Flyway's datasource): the readiness check
        // fails once on each before the pool drops it (seen: ready again about 3 s later). The service must be ready
        // again, and the tests after this one start from a ready service.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private static Connection connection() throws Exception {
        TestPostgres.Server server = TestPostgres.server();
        Connection connection = DriverManager.getConnection(server.jdbcUrl(DB), server.user(), server.password());
        connection.setAutoCommit(false);
        return connection;
    }
}
