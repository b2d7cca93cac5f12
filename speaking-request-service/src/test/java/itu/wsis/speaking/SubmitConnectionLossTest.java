package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.testing.ConnectionLoss;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static itu.wsis.speaking.Fixtures.DB;
import static itu.wsis.speaking.Fixtures.requestBody;
import static itu.wsis.speaking.Fixtures.withLink;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delegation asks for speaking time through its personal link, and the transaction that stores the request and
 * allocates its seat loses its database connection in the middle (a restart, a failover). Hibernate Reactive delivers
 * the loss wrapped; the answer must still be the 503 that says "try again", not a 500. Nothing may remain: not the
 * request, not its seat (nor the session's count of seats), not its events. The same request then gets the seat.
 * The service's own statement is held by a lock this test takes, so that the connection dies exactly there.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class SubmitConnectionLossTest {

    private static final Instant FUTURE = Instant.now().plus(Duration.ofDays(60));

    private record Submission(Fixtures.Forum forum, UUID session, Fixtures.Delegation delegation) {
    }

    private static Submission prepare(String memberState) {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 1, 31, 9);
        return new Submission(forum, session,
                Fixtures.delegation(forum, memberState, Rank.MINISTER, ParticipationMode.IN_PERSON));
    }

    private static Response send(Submission submission) {
        return withLink(submission.delegation().link())
                .body(requestBody("Albert Rösti", "IN_PERSON", submission.session()))
                .post("/invitations/{id}/speaking-request", submission.delegation().invitationId());
    }

    @Test
    void aConnectionLostWhileTheRequestIsBeingInsertedLeavesNothing() throws Exception {
        Submission submission = prepare("Switzerland");
        // An uncommitted active request of the same delegation: the service's insert waits on the one-active-request
        // index, after it took the forum's lock and read the allocation.
        try (Connection blocker = connection()) {
            try (PreparedStatement s = blocker.prepareStatement("""
                    insert into speaking_request (id, forum_id, invitation_id, speaker_name, speaker_title, speaker_rank,
                        precedence_rank, speaker_substitute, preferred_session_ids, statement_language, modality, topic,
                        submitted_at, submitted_by, late, status)
                    values (gen_random_uuid(), ?, ?, 'Blocker', 'Minister', 'MINISTER', 'MINISTER', false, '', 'fr',
                        'IN_PERSON', 'blocker', now(), 'INVITEE', false, 'WAITLISTED')""")) {
                s.setObject(1, submission.forum().forumId());
                s.setObject(2, submission.delegation().invitationId());
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            killMidSubmission(submission, "insert into speaking_request ", blocker);
        }
        assertNothingWrittenThenTheSameRequestIsSeated(submission);
    }

    @Test
    void aConnectionLostAfterTheSeatWhileItsEventsAreBeingWrittenLeavesNothing() throws Exception {
        Submission submission = prepare("Senegal");
        // The request and its seat go in (and the session's count with them); the outbox rows then wait for this
        // lock, inside the same open transaction.
        try (Connection blocker = connection()) {
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table outbox_event in exclusive mode");
            }
            killMidSubmission(submission, "insert into outbox_event", blocker);
        }
        assertNothingWrittenThenTheSameRequestIsSeated(submission);
    }

    /** Sends the request, waits until its statement blocks, kills exactly that backend, then releases the lock. */
    private static void killMidSubmission(Submission submission, String statement, Connection blocker)
            throws Exception {
        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> send(submission));
        ConnectionLoss.terminateBackendWaitingOnLock(DB, statement);
        blocker.rollback();

        ConnectionLoss.assertDatabaseUnavailable(answer.get(30, TimeUnit.SECONDS));
    }

    private static void assertNothingWrittenThenTheSameRequestIsSeated(Submission submission) {
        UUID invitation = submission.delegation().invitationId();
        assertThat(TestPostgres.queryLong(DB, "select count(*) from speaking_request where invitation_id = ?",
                invitation)).isZero();
        assertThat(TestPostgres.queryLong(DB, "select count(*) from speaking_slot where session_id = ?",
                submission.session())).isZero();
        assertThat(TestPostgres.queryLong(DB, "select allocated from hl_session where id = ?",
                submission.session())).isZero();
        assertThat(TestPostgres.queryLong(DB, "select count(*) from outbox_event where message_key = ?",
                invitation.toString())).isZero();

        Response retry = send(submission);
        assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(201);
        assertThat(retry.<String>path("status")).isEqualTo("ALLOCATED");
        assertThat(retry.<String>path("seat.sessionId")).isEqualTo(submission.session().toString());
        assertThat(retry.<Integer>path("seat.position")).isEqualTo(1);
        assertThat(TestPostgres.queryLong(DB, "select count(*) from speaking_request where invitation_id = ?",
                invitation)).isEqualTo(1);
        assertThat(TestPostgres.queryLong(DB, "select allocated from hl_session where id = ?",
                submission.session())).isEqualTo(1);
        for (String type : new String[] {SpeakingRequestSubmitted.TYPE, SpeakingSlotAllocated.TYPE}) {
            assertThat(TestPostgres.queryLong(DB, "select count(*) from outbox_event where message_key = ?"
                    + " and event_type = ?", invitation.toString(), type)).as(type).isEqualTo(1);
        }
    }

    private static Connection connection() throws Exception {
        TestPostgres.Server server = TestPostgres.server();
        Connection connection = DriverManager.getConnection(server.jdbcUrl(DB), server.user(), server.password());
        connection.setAutoCommit(false);
        return connection;
    }
}
