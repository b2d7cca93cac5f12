package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import itu.wsis.events.EventCodec;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.support.testapp.TestConsumer;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Ops list a service's dead letters and replay them onto the original topic once the cause is fixed. */
@QuarkusTest
@SupportTest
class DeadLetterReplayTest {

    @Test
    void aDeadLetterIsListedWithItsReasonAndAppliedOnceWhenReplayedAfterTheFix() {
        TestConsumer.fixed = false;
        InvitationRevoked event = new InvitationRevoked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                "fail-until-fixed");
        TestKafka.publish(event);
        ConsumerRecord<String, String> letter = await().atMost(Duration.ofSeconds(30)).until(
                () -> TestKafka.records(InboxTest.DLQ).stream()
                        .filter(r -> r.value().equals(EventCodec.encode(event))).findFirst().orElse(null),
                r -> r != null);

        Map<String, Object> listed = given().auth().oauth2(TestTokens.ops())
                .when().get("/ops/dead-letters?status=pending")
                .then().statusCode(200).body("topic", equalTo(InboxTest.DLQ))
                .extract().jsonPath().getMap("entries.find { it.eventId == '" + event.eventId() + "' }");
        assertThat(listed).containsEntry("partition", letter.partition())
                .containsEntry("originalTopic", "wsis.invitation-events")
                .containsEntry("eventType", InvitationRevoked.TYPE)
                .containsEntry("replayedAt", null);
        assertThat((String) listed.get("reason")).startsWith("failed 4 times: IllegalStateException");
        assertThat(listed).doesNotContainKey("payload");

        TestConsumer.fixed = true;
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(Map.of("partition", letter.partition(), "offset", letter.offset()))))
                .when().post("/ops/dead-letters/replay")
                .then().statusCode(200).body("replayed", equalTo(1))
                .body("entries[0].eventId", equalTo(event.eventId().toString()))
                .body("entries[0].replayedBy", equalTo("test.ops@itu.example.org"));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event.invitationId()) == 1);
        given().auth().oauth2(TestTokens.ops()).when().get("/ops/dead-letters?status=replayed")
                .then().statusCode(200).body("entries.eventId", hasItem(event.eventId().toString()));

        // Replaying it again is harmless: the inbox knows the event id.
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(Map.of("partition", letter.partition(), "offset", letter.offset()))))
                .when().post("/ops/dead-letters/replay").then().statusCode(200);
        InvitationRevoked marker = new InvitationRevoked(UUID.randomUUID(), Instant.now(), event.invitationId(), "m");
        TestKafka.publish(marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event.invitationId()) == 2);
        assertThat(TestPostgres.queryLong(SupportTest.DATABASE,
                "select replay_count from dead_letter_replay where dlq_offset = ? and dlq_partition = ?",
                letter.offset(), letter.partition())).isEqualTo(2);
    }

    @Test
    void aReplayRequestMustNameExistingDeadLettersOrAskForAllAndChangesNothingOtherwise() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{}")
                .when().post("/ops/dead-letters/replay")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("entries"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("all", true, "entries", List.of(Map.of("partition", 0, "offset", 0))))
                .when().post("/ops/dead-letters/replay").then().statusCode(400);
        long before = TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from dead_letter_replay");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(Map.of("partition", 0, "offset", 999_999))))
                .when().post("/ops/dead-letters/replay")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", equalTo("no dead letter at partition 0, offset 999999"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(Map.of("partition", -1, "offset", 0))))
                .when().post("/ops/dead-letters/replay")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("entries[0].partition"));
        given().auth().oauth2(TestTokens.ops()).when().get("/ops/dead-letters?status=lost").then().statusCode(400);
        assertThat(TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from dead_letter_replay"))
                .isEqualTo(before);
    }

    @Test
    void onlyOpsSeeAndReplayDeadLetters() {
        given().when().get("/ops/dead-letters").then().statusCode(401);
        given().auth().oauth2(TestTokens.secretariat()).when().get("/ops/dead-letters").then().statusCode(403);
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON).body(Map.of("all", true))
                .when().post("/ops/dead-letters/replay").then().statusCode(403);
    }

    private static long effects(UUID invitationId) {
        return TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from test_effect where invitation_id = ?",
                invitationId);
    }
}
