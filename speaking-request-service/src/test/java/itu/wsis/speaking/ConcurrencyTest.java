package itu.wsis.speaking;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static itu.wsis.speaking.Fixtures.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No overbooking: hundreds of delegations asking at once for five slots. */
@QuarkusTest
@SpeakingRequestServiceTest
class ConcurrencyTest {

    static final int DELEGATIONS = 200;
    static final int CAPACITY = 5;

    @TestHTTPResource("/")
    URL base;

    @Test
    void twoHundredConcurrentRequestsForFiveSlotsSeatExactlyFive() throws Exception {
        Fixtures.Forum forum = Fixtures.forum(Instant.now().plus(Duration.ofDays(30)));
        UUID session = Fixtures.session(forum, CAPACITY, 31, 10);
        List<Fixtures.Delegation> delegations = Fixtures.delegations(forum,
                IntStream.range(0, DELEGATIONS).mapToObj(i -> "Member State " + i).toList(),
                Rank.MINISTER, ParticipationMode.IN_PERSON);

        long fired = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (Fixtures.Delegation d : delegations) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString())
                                .resolve("invitations/" + d.invitationId() + "/speaking-request"))
                        .header("Content-Type", "application/json")
                        .header(PersonalLinks.HEADER, d.link())
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.requestBody("Minister", "IN_PERSON", session)))
                        .build();
                answers.add(pool.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("ConcurrencyTest: %d requests answered in %d ms%n", DELEGATIONS,
                Duration.ofNanos(System.nanoTime() - fired).toMillis());

        assertThat(count("select count(*) from speaking_request where forum_id = ? and status = 'ALLOCATED'",
                forum.forumId())).isEqualTo(CAPACITY);
        assertThat(count("select count(*) from speaking_request where forum_id = ? and status = 'WAITLISTED'",
                forum.forumId())).isEqualTo(DELEGATIONS - CAPACITY);
        assertThat(count("select count(distinct waiting_position) from speaking_request where forum_id = ? and "
                + "status = 'WAITLISTED' and waiting_position between 1 and " + (DELEGATIONS - CAPACITY), forum.forumId()))
                .isEqualTo(DELEGATIONS - CAPACITY);
        assertThat(count("select count(*) from speaking_slot where session_id = ?", session)).isEqualTo(CAPACITY);
        assertThat(count("select count(distinct position) from speaking_slot where session_id = ? and position between 1 and "
                + CAPACITY, session)).isEqualTo(CAPACITY);
        assertThat(count("select allocated from hl_session where id = ?", session)).isEqualTo(CAPACITY);
        // The database's own invariants, over every session it holds.
        assertThat(TestPostgres.queryLong(DB, """
                select count(*) from hl_session s
                 where s.allocated > s.capacity
                    or s.allocated <> (select count(*) from speaking_slot x where x.session_id = s.id)
                    or exists (select 1 from speaking_slot x where x.session_id = s.id and x.position > s.capacity)"""))
                .isZero();
        assertThat(TestPostgres.queryLong(DB, """
                select count(*) from speaking_slot x join speaking_request r on r.id = x.request_id
                 where r.status <> 'ALLOCATED'""")).isZero();
        assertThat(TestPostgres.queryLong(DB, """
                select count(*) from (select invitation_id from speaking_request where status in ('ALLOCATED', 'WAITLISTED')
                 group by invitation_id having count(*) > 1) twice""")).isZero();

        // And the database refuses a sixth seat whatever the application does.
        UUID waiting = delegations.stream().map(Fixtures.Delegation::invitationId)
                .filter(id -> count("select count(*) from speaking_request where invitation_id = ? and status = 'WAITLISTED'", id) == 1)
                .findFirst().orElseThrow();
        TestPostgres.Server server = TestPostgres.server();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(DB), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("""
                    insert into speaking_slot (session_id, position, request_id, forum_id)
                    select '%s', 6, id, forum_id from speaking_request where invitation_id = '%s' and status = 'WAITLISTED'"""
                    .formatted(session, waiting)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("hl_session_no_overbooking");
        }
        assertThat(count("select allocated from hl_session where id = ?", session)).isEqualTo(CAPACITY);
    }

    static long count(String sql, Object param) {
        return TestPostgres.queryLong(DB, sql, param);
    }
}
