package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.support.time.MovableClock;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The movable clock of the test and local profiles is shared through the compacted topic wsis.ops.clock: a move
 * made here is published for the other services, a move published by another service is taken up here, and
 * nothing moves the clock back.
 */
@QuarkusTest
@SupportTest
class ClockSyncTest {

    static final String TOPIC = "wsis.ops.clock";

    @Inject
    Clock clock;

    @Test
    void aMoveHereIsPublishedForTheOtherServicesWithTheNewShift() {
        given().auth().oauth2(TestTokens.ops()).when().post("/ops/clock/advance?by=PT7H")
                .then().statusCode(200).body("shared", equalTo(true));

        ConsumerRecord<String, String> latest = latest();
        long published = Long.parseLong(latest.value().replaceAll(".*\"shiftMillis\":(-?\\d+).*", "$1"));
        assertThat(latest.key()).isEqualTo("business-clock");
        assertThat(published).isEqualTo(((MovableClock) clock).shift().toMillis());
    }

    @Test
    void aMoveByAnotherServiceIsTakenUpWithinASecondAndAnOlderShiftIsIgnored() {
        MovableClock movable = (MovableClock) clock;
        Duration ahead = movable.shift().plus(Duration.ofDays(3));

        publishShift(ahead, "registration-service");
        await().atMost(Duration.ofSeconds(2)).until(() -> movable.shift().equals(ahead));

        publishShift(ahead.minus(Duration.ofDays(10)), "a service that restarted from an old start");
        publishShift(ahead.plusMillis(1), "marker");
        await().atMost(Duration.ofSeconds(2)).until(() -> movable.shift().equals(ahead.plusMillis(1)));
    }

    @Test
    void theTopicIsCompactedWithOnePartition() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()))) {
            var description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, TOPIC);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(description.partitions()).hasSize(1);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    private static void publishShift(Duration shift, String source) {
        TestKafka.publish(TOPIC, "business-clock",
                "{\"shiftMillis\":" + shift.toMillis() + ",\"source\":\"" + source + "\"}", Map.of());
    }

    private static ConsumerRecord<String, String> latest() {
        return TestKafka.records(TOPIC).stream().max(Comparator.comparingLong(ConsumerRecord::offset)).orElseThrow();
    }
}
