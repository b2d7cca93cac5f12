package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.EventCodec;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.testing.DatabaseOutage;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.support.testapp.TestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@SupportTest
class InboxTest {

    static final String DLQ = "wsis.dlq.service-support-test";

    private static long effects(UUID invitationId) {
        return TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from test_effect where invitation_id = ?", invitationId);
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        InvitationRevoked event = new InvitationRevoked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "twice");
        UUID marker = UUID.randomUUID();

        TestKafka.publish(event);
        TestKafka.publish(event);
        // Same key, so the marker is consumed after both copies of the event.
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), Instant.now(), event.invitationId(), marker.toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event.invitationId()) == 2);
        assertThat(TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from inbox_processed_event where event_id = ?", event.eventId()))
                .isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndBlocksNothing() {
        UUID invitationId = UUID.randomUUID();
        String poison = "{\"type\":\"InvitationRevoked.v1\",\"broken\":" + invitationId;
        TestKafka.publish("wsis.invitation-events", invitationId.toString(), poison, Map.of());
        InvitationRevoked next = new InvitationRevoked(UUID.randomUUID(), Instant.now(), invitationId, "after poison");
        TestKafka.publish(next);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(invitationId) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.records(DLQ).stream()
                .anyMatch(r -> r.value().equals(poison)));
    }

    @Test
    void eventsConsumedWhileTheDatabaseIsUnreachableWaitForItAndNoneIsDeadLettered() throws Exception {
        List<InvitationRevoked> during = new ArrayList<>();
        double retriesBefore = metric("wsis_inbox_transient_retries_total");
        try (DatabaseOutage outage = DatabaseOutage.of(SupportTest.DATABASE)) {
            for (int i = 0; i < 5; i++) {
                InvitationRevoked event = new InvitationRevoked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                        "during the outage " + i);
                during.add(event);
                TestKafka.publish(event);
            }
            // Far longer than the old retry budget (4 attempts, at most 100 ms apart in tests) that used to send
            // every one of these to the dead-letter topic.
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> metric("wsis_inbox_transient_retries_total") > retriesBefore + 5);
        }

        for (InvitationRevoked event : during) {
            await().atMost(Duration.ofSeconds(30)).until(() -> effects(event.invitationId()) == 1);
        }
        Set<String> deadLettered = TestKafka.records(DLQ).stream().map(ConsumerRecord::value).collect(Collectors.toSet());
        assertThat(during).noneMatch(e -> deadLettered.contains(EventCodec.encode(e)));
    }

    @Test
    void anEventItsDomainRejectsIsDeadLetteredAtOnceWithTheRuleInItsReason() {
        InvitationRevoked rejected = new InvitationRevoked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "reject");
        TestKafka.publish(rejected);

        ConsumerRecord<String, String> letter = await().atMost(Duration.ofSeconds(30)).until(
                () -> TestKafka.records(DLQ).stream().filter(r -> r.value().equals(EventCodec.encode(rejected)))
                        .findFirst(), Optional::isPresent).orElseThrow();

        assertThat(TestConsumer.ATTEMPTS.get(rejected.invitationId())).hasValue(1);
        assertThat(header(letter, "dead-letter-reason")).startsWith("rejected: RejectedEventException");
        assertThat(header(letter, "dead-letter-topic")).isEqualTo("wsis.invitation-events");
    }

    @Test
    void aReplayMeantForAnotherServiceIsSkippedAndOneMeantForThisServiceIsApplied() {
        InvitationRevoked forOther = new InvitationRevoked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "other");
        InvitationRevoked forUs = new InvitationRevoked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "us");
        publishReplay(forOther, "registration-service");
        publishReplay(forUs, "service-support-test");
        // Same key as forOther, published after it: once applied, forOther has been looked at.
        InvitationRevoked marker = new InvitationRevoked(UUID.randomUUID(), Instant.now(), forOther.invitationId(), "m");
        TestKafka.publish(marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(forUs.invitationId()) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(forOther.invitationId()) == 1);
        assertThat(TestPostgres.queryLong(SupportTest.DATABASE,
                "select count(*) from inbox_processed_event where event_id = ?", forOther.eventId())).isZero();
    }

    private static void publishReplay(InvitationRevoked event, String forService) {
        TestKafka.publish(event.publishedOn().topicName(), event.partitionKey(), EventCodec.encode(event),
                Map.of("ce_id", event.eventId().toString(), "wsis-replay-for", forService));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static double metric(String name) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void anEffectThatKeepsFailingIsDeadLetteredAndLeavesNoTrace() {
        InvitationRevoked failing = new InvitationRevoked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                "always-fail");
        TestKafka.publish(failing);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.records(DLQ).stream()
                .anyMatch(r -> r.value().equals(EventCodec.encode(failing))));
        assertThat(effects(failing.invitationId())).isZero();
        assertThat(TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from inbox_processed_event where event_id = ?",
                failing.eventId())).isZero();
    }

    @Test
    void theDirectPathAppliesARedeliveredEventOnce() {
        InvitationRevoked event = new InvitationRevoked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "direct");
        UUID marker = UUID.randomUUID();

        TestKafka.publish(event);
        TestKafka.publish(event);
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), Instant.now(), event.invitationId(), marker.toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event.invitationId()) == 2);
        assertThat(TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from inbox_processed_event where event_id = ?", event.eventId()))
                .isEqualTo(1);
    }

    @Test
    void aDirectEffectThatKeepsFailingIsRetriedThenDeadLetteredAndLeavesNoTrace() {
        InvitationRevoked failing = new InvitationRevoked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                "direct-always-fail");
        TestKafka.publish(failing);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.records(DLQ).stream()
                .anyMatch(r -> r.value().equals(EventCodec.encode(failing))));
        assertThat(effects(failing.invitationId())).isZero();
        assertThat(TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from inbox_processed_event where event_id = ?",
                failing.eventId())).isZero();
        assertThat(TestConsumer.ATTEMPTS.get(failing.invitationId()).get()).isGreaterThan(1);
    }
}
