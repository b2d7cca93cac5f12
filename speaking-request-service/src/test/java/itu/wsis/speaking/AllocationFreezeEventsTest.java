package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Actor;
import itu.wsis.events.AllocationFrozen;
import itu.wsis.events.AllocationUnfrozen;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.Topic;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static itu.wsis.speaking.Fixtures.DB;
import static itu.wsis.speaking.Fixtures.asSecretariat;
import static itu.wsis.speaking.Fixtures.requestBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Freezing and unfreezing a forum's allocation are staff actions the audit trail must see: each change publishes one
 * event through the outbox, naming the secretariat member; a repeated call, which the API answers the same way,
 * publishes nothing more.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class AllocationFreezeEventsTest {

    static final String TOPIC = Topic.SPEAKING_REQUEST.topicName();
    static final Actor SECRETARIAT = Actor.staff("test.secretariat@itu.example.org");
    static final Instant FUTURE = Instant.now().plus(Duration.ofDays(60));

    @Test
    void eachFreezeAndUnfreezePublishesOneEventWithTheStaffActorAndARepeatPublishesNothing() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        String freeze = "/forums/" + forum.forumId() + "/allocation/freeze";
        String unfreeze = "/forums/" + forum.forumId() + "/allocation/unfreeze";

        asSecretariat().post(unfreeze).then().statusCode(200).body("frozen", equalTo(false));
        assertThat(outboxRows(AllocationUnfrozen.TYPE, forum.forumId())).as("not frozen: nothing to record").isZero();

        asSecretariat().post(freeze).then().statusCode(200).body("frozen", equalTo(true));
        asSecretariat().post(freeze).then().statusCode(200).body("frozen", equalTo(true));
        assertThat(outboxRows(AllocationFrozen.TYPE, forum.forumId())).isEqualTo(1);

        asSecretariat().post(unfreeze).then().statusCode(200).body("frozen", equalTo(false));
        asSecretariat().post(unfreeze).then().statusCode(200).body("frozen", equalTo(false));
        assertThat(outboxRows(AllocationUnfrozen.TYPE, forum.forumId())).isEqualTo(1);

        List<DomainEvent> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> onTopic(forum.forumId()), events -> events.size() == 2);
        AllocationFrozen frozen = (AllocationFrozen) published.stream().filter(AllocationFrozen.class::isInstance)
                .findFirst().orElseThrow();
        AllocationUnfrozen unfrozen = (AllocationUnfrozen) published.stream()
                .filter(AllocationUnfrozen.class::isInstance).findFirst().orElseThrow();
        assertThat(frozen.actor()).isEqualTo(SECRETARIAT);
        assertThat(unfrozen.actor()).isEqualTo(SECRETARIAT);
        assertThat(published).as("one partition, keyed by the forum: in the order of the calls")
                .containsExactly(frozen, unfrozen);

        asSecretariat().post(freeze).then().statusCode(200);
        assertThat(outboxRows(AllocationFrozen.TYPE, forum.forumId())).as("a second freeze, later").isEqualTo(2);
    }

    /** The seat freed while frozen is filled on unfreeze, by events written after the unfreeze's, in the caller's name. */
    @Test
    void theReallocationOnUnfreezeFollowsTheUnfreezeAndNamesTheSameCaller() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 1, 31, 10);
        List<Fixtures.Delegation> d = Fixtures.delegations(forum, List.of("Iceland", "Fiji"), Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        String seated = asSecretariat().body(requestBody("First", "IN_PERSON", session))
                .post("/delegations/" + d.get(0).invitationId() + "/speaking-request").then().statusCode(201)
                .body("status", equalTo("ALLOCATED")).extract().path("id");
        asSecretariat().body(requestBody("Second", "IN_PERSON", session))
                .post("/delegations/" + d.get(1).invitationId() + "/speaking-request").then().statusCode(201)
                .body("status", equalTo("WAITLISTED"));

        asSecretariat().post("/forums/" + forum.forumId() + "/allocation/freeze").then().statusCode(200);
        asSecretariat().body("{\"reason\": \"cancelled\"}").post("/speaking-requests/" + seated + "/reject")
                .then().statusCode(200);
        long beforeUnfreeze = TestPostgres.queryLong(DB, "select max(id) from outbox_event");
        asSecretariat().post("/forums/" + forum.forumId() + "/allocation/unfreeze").then().statusCode(200);

        long unfrozenRow = TestPostgres.queryLong(DB, "select id from outbox_event where event_type = ? "
                + "and message_key = ?", AllocationUnfrozen.TYPE, forum.forumId().toString());
        long promotionRow = TestPostgres.queryLong(DB, "select min(id) from outbox_event where event_type = ? "
                + "and message_key = ?", SpeakingRequestPromoted.TYPE, d.get(1).invitationId().toString());
        assertThat(unfrozenRow).isGreaterThan(beforeUnfreeze);
        assertThat(promotionRow).isGreaterThan(unfrozenRow);
        SpeakingRequestPromoted promoted = await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events(TOPIC,
                        SpeakingRequestPromoted.class).stream()
                .filter(e -> e.invitationId().equals(d.get(1).invitationId())).toList(), l -> !l.isEmpty()).get(0);
        assertThat(promoted.actor()).isEqualTo(SECRETARIAT);
    }

    private static long outboxRows(String type, UUID forumId) {
        return TestPostgres.queryLong(DB, "select count(*) from outbox_event where event_type = ? and message_key = ?",
                type, forumId.toString());
    }

    private static List<DomainEvent> onTopic(UUID forumId) {
        return TestKafka.events(TOPIC).stream()
                .filter(e -> e instanceof AllocationFrozen f && f.forumId().equals(forumId)
                        || e instanceof AllocationUnfrozen u && u.forumId().equals(forumId))
                .toList();
    }
}
