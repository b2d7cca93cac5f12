package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static itu.wsis.speaking.Fixtures.DB;
import static itu.wsis.speaking.Fixtures.requestBody;
import static itu.wsis.speaking.Fixtures.withLink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * First come, first served is the order in which requests are allocated, and allocation is serialised by the
 * forum's lock: two instances (or two threads) take it one after the other. A request's submission time is what the
 * rule orders by, so it must be read once the lock is held. Read before, a request that waited for the lock would
 * carry an earlier time than one allocated while it waited: allocated as second, ordered as first, and the other
 * delegation told it had a seat, then that it had none.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class FirstComeUnderTheForumLockTest {

    @Inject
    Clock clock;

    @Test
    void aRequestThatWaitedForTheForumLockIsTimedWhenItGotIt() throws Exception {
        Fixtures.Forum forum = Fixtures.forum(Instant.now().plus(Duration.ofDays(60)));
        UUID session = Fixtures.session(forum, 1, 31, 9);
        Fixtures.Delegation delegation = Fixtures.delegation(forum, "Ghana", Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        Instant lockedUntil;
        CompletableFuture<Response> answer;
        try (Connection holder = connection();
             PreparedStatement lock = holder.prepareStatement("select id from forum where id = ? for update")) {
            lock.setObject(1, forum.forumId());
            lock.executeQuery().close();
            answer = CompletableFuture.supplyAsync(() -> withLink(delegation.link())
                    .body(requestBody("Ursula Owusu-Ekuful", "IN_PERSON", session))
                    .post("/invitations/{id}/speaking-request", delegation.invitationId()));
            await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong("postgres", """
                    select count(*) from pg_stat_activity
                     where datname = '%s' and wait_event_type = 'Lock' and query ilike '%%forum%%for %%update%%'
                    """.formatted(DB)) == 1);
            lockedUntil = clock.instant();
            holder.commit();
        }
        Response response = answer.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(Instant.parse(response.path("submittedAt"))).as("submission time of a request that waited")
                .isAfterOrEqualTo(lockedUntil.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    private static Connection connection() throws Exception {
        TestPostgres.Server server = TestPostgres.server();
        Connection connection = DriverManager.getConnection(server.jdbcUrl(DB), server.user(), server.password());
        connection.setAutoCommit(false);
        return connection;
    }
}
