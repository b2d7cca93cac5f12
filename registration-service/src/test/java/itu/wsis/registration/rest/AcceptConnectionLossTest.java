package itu.wsis.registration.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import itu.wsis.registration.Invitations;
import itu.wsis.registration.RegistrationServiceTest;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.ConnectionLoss;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static itu.wsis.registration.Invitations.acceptBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The accept's transaction loses its database connection in the middle (a restart or failover kills the backend):
 * nothing of it may remain, neither the reply row without its event nor the event without its reply, and the next
 * accept records version 1 as if the first had never been tried. The service's own statement is held at a chosen
 * point by a lock this test takes, so that the connection is killed exactly there and not by luck.
 */
@QuarkusTest
@RegistrationServiceTest
class AcceptConnectionLossTest {

    private static final String DB = RegistrationServiceTest.DATABASE;

    @Inject
    Clock clock;

    @Test
    void aConnectionLostWhileTheReplyRowIsBeingWrittenLeavesNothing() throws Exception {
        Invitations.Issued invitation = Invitations.issue(clock);
        // An uncommitted row of the same version: the service's insert waits on it, after its read.
        try (Connection blocker = connection()) {
            try (Statement s = blocker.createStatement()) {
                s.executeUpdate("insert into reply (invitation_id, version, status, channel, late, correction,"
                        + " recorded_at, recorded_by) values ('" + invitation.id() + "', 1, 'DECLINED', 'LETTER',"
                        + " false, false, now(), 'blocker')");
            }
            killMidAccept(invitation, "insert into reply", blocker);
        }
        assertNothingWrittenThenARetryIsVersionOne(invitation);
    }

    @Test
    void aConnectionLostAfterTheReplyRowWhileItsEventIsBeingWrittenLeavesNothing() throws Exception {
        Invitations.Issued invitation = Invitations.issue(clock);
        // The reply row goes in; the outbox row then waits for this lock, inside the same open transaction.
        try (Connection blocker = connection()) {
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table outbox_event in exclusive mode");
            }
            killMidAccept(invitation, "insert into outbox_event", blocker);
        }
        assertNothingWrittenThenARetryIsVersionOne(invitation);
    }

    /** Sends the accept, waits until its statement blocks, kills its backend, then releases the lock. */
    private static void killMidAccept(Invitations.Issued invitation, String statement, Connection blocker)
            throws Exception {
        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> given()
                .header(PersonalLinks.HEADER, invitation.link()).contentType(ContentType.JSON)
                .body(acceptBody("IN_PERSON", "Head")).post("/invitations/{id}/accept", invitation.id()));
        ConnectionLoss.terminateBackendWaitingOnLock(DB, statement);
        blocker.rollback();

        ConnectionLoss.assertDatabaseUnavailable(answer.get(30, TimeUnit.SECONDS));
    }

    private static void assertNothingWrittenThenARetryIsVersionOne(Invitations.Issued invitation) {
        UUID id = invitation.id();
        assertThat(TestPostgres.queryLong(DB, "select count(*) from reply where invitation_id = ?", id)).isZero();
        assertThat(TestPostgres.queryLong(DB, "select count(*) from outbox_event where message_key = ?",
                id.toString())).isZero();

        given().header(PersonalLinks.HEADER, invitation.link()).contentType(ContentType.JSON)
                .body(acceptBody("IN_PERSON", "Head")).post("/invitations/{id}/accept", id)
                .then().statusCode(201).body("version", equalTo(1));
        assertThat(TestPostgres.queryLong(DB, "select count(*) from reply where invitation_id = ?", id)).isEqualTo(1);
        assertThat(TestPostgres.queryLong(DB, "select count(*) from outbox_event where message_key = ?"
                + " and event_type like 'InvitationAccepted%'", id.toString())).isEqualTo(1);
    }

    private static Connection connection() throws Exception {
        TestPostgres.Server server = TestPostgres.server();
        Connection connection = DriverManager.getConnection(server.jdbcUrl(DB), server.user(), server.password());
        connection.setAutoCommit(false);
        return connection;
    }
}
