package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import itu.wsis.events.InvitationIssued;
import itu.wsis.testing.ConnectionLoss;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static itu.wsis.invitation.Fixtures.asSecretariat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat issues an invitation (with an Idempotency-Key) and the transaction loses its database connection in
 * the middle, as in a restart or a failover. Hibernate Reactive delivers the loss wrapped, and the answer must still be
 * the 503 that says "try again", not a 500. Nothing of the request may remain: not the invitation, not its
 * InvitationIssued event, and not the Idempotency-Key's record either (left behind without an answer, it would make
 * every retry with that key a 409 "still in progress" forever). The retry with the same key then issues the invitation
 * once. The service's own statement is held by a lock this test takes, so that the connection dies exactly there.
 */
@QuarkusTest
@InvitationServiceTest
class IssueConnectionLossTest {

    private static final String DB = InvitationServiceTest.DATABASE;

    private record Issue(UUID letterId, UUID inviteeId, String key) {
    }

    private static Issue prepare() {
        return new Issue(Fixtures.publishedLetter(), Fixtures.createInvitee("CH"), "issue-" + UUID.randomUUID());
    }

    private static Response send(Issue issue) {
        return asSecretariat().header("Idempotency-Key", issue.key()).body(Map.of("inviteeId", issue.inviteeId()))
                .post("/letters/{id}/invitations", issue.letterId());
    }

    @Test
    void aConnectionLostWhileTheInvitationIsBeingInsertedLeavesNothing() throws Exception {
        Issue issue = prepare();
        // An uncommitted invitation for the same letter and invitee: the service's insert (on conflict do nothing)
        // waits for it, after its Idempotency-Key record went in.
        try (Connection blocker = connection()) {
            try (PreparedStatement s = blocker.prepareStatement("""
                    insert into invitation (id, letter_id, invitee_id, forum_id, letter_revision, status, reply_version,
                        member_state, preferred_language, rank, response_deadline_date, response_deadline_zone,
                        response_deadline_at, link_version, link_expires_at, issued_at, status_changed_at, issue_batch)
                    select gen_random_uuid(), l.id, ?, l.forum_id, 1, 'ISSUED', 0, 'CH', 'fr', 'MINISTER', current_date,
                        'Europe/Zurich', now(), 1, now(), now(), now(), gen_random_uuid()
                    from circular_letter l where l.id = ?""")) {
                s.setObject(1, issue.inviteeId());
                s.setObject(2, issue.letterId());
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            killMidIssue(issue, "insert into invitation ", blocker);
        }
        assertNothingWrittenThenTheRetryIssuesOnce(issue);
    }

    @Test
    void aConnectionLostWhileItsEventIsBeingWrittenLeavesNothing() throws Exception {
        Issue issue = prepare();
        // The key's record and the invitation go in; the outbox row then waits for this lock, in the same transaction.
        try (Connection blocker = connection()) {
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table outbox_event in exclusive mode");
            }
            killMidIssue(issue, "insert into outbox_event", blocker);
        }
        assertNothingWrittenThenTheRetryIssuesOnce(issue);
    }

    /** Sends the issue, waits until its statement blocks, kills exactly that backend, then releases the lock. */
    private static void killMidIssue(Issue issue, String statement, Connection blocker) throws Exception {
        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> send(issue));
        ConnectionLoss.terminateBackendWaitingOnLock(DB, statement);
        blocker.rollback();

        ConnectionLoss.assertDatabaseUnavailable(answer.get(30, TimeUnit.SECONDS));
    }

    private static void assertNothingWrittenThenTheRetryIssuesOnce(Issue issue) {
        assertThat(invitations(issue)).isZero();
        assertThat(issuedEvents(issue)).isZero();
        assertThat(TestPostgres.queryLong(DB, "select count(*) from idempotency_record where idem_key = ?",
                issue.key())).isZero();

        Response retry = send(issue);
        assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isNull();
        String id = retry.path("id");
        // The key now holds the answer: the same request once more is replayed, not issued again.
        Response replay = send(issue);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(replay.<String>path("id")).isEqualTo(id);
        assertThat(invitations(issue)).isEqualTo(1);
        assertThat(issuedEvents(issue)).isEqualTo(1);
    }

    private static long invitations(Issue issue) {
        return TestPostgres.queryLong(DB, "select count(*) from invitation where letter_id = ? and invitee_id = ?",
                issue.letterId(), issue.inviteeId());
    }

    private static long issuedEvents(Issue issue) {
        return TestPostgres.queryLong(DB, "select count(*) from outbox_event where event_type = ? and payload like ?",
                InvitationIssued.TYPE, "%" + issue.inviteeId() + "%");
    }

    private static Connection connection() throws Exception {
        TestPostgres.Server server = TestPostgres.server();
        Connection connection = DriverManager.getConnection(server.jdbcUrl(DB), server.user(), server.password());
        connection.setAutoCommit(false);
        return connection;
    }
}
