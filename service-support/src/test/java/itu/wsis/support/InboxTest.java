package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.EventCodec;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

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
}
