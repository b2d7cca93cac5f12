package itu.wsis.notification;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Delegate;
import itu.wsis.events.EventCodec;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.Topic;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reply event that arrives with a traceparent is answered by an email in that trace: the intent stores the
 * context, and the sender's SMTP dialogue, later and on its own loop, is a CLIENT span "smtp send" of that trace
 * (docs/tracing.md). The span names the intent and its kind, never the recipient.
 */
@QuarkusTest
@NotificationServiceTest
class TracingTest {

    @Inject
    Clock clock;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theReceiptOfATracedReplyIsSentInThatTrace() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("traced");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, email);
        TestKafka.publish(issued);
        Mails.awaitOne(email, m -> true);

        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String replySpanId = HexFormat.of().formatHex(randomBytes(8));
        InvitationAccepted accepted = new InvitationAccepted(UUID.randomUUID(), clock.instant(),
                issued.invitationId(), 1, ParticipationMode.REMOTE, List.of(new Delegate("Jane Doe", "Minister", true)),
                ReplyChannel.WEB, false);
        TestKafka.publish(Topic.REGISTRATION.topicName(), accepted.partitionKey(), EventCodec.encode(accepted),
                Map.of("ce_id", accepted.eventId().toString(), "ce_type", "itu.wsis." + accepted.eventType(),
                        "ce_specversion", "1.0", "ce_source", "urn:wsis:registration-service",
                        "traceparent", "00-" + traceId + "-" + replySpanId + "-01"));

        await().atMost(Duration.ofSeconds(45)).until(() -> Mails.to(email).size() == 2);

        // The intent kept the context of the event that created it.
        String intentId = TestPostgres.queryString(NotificationServiceTest.DATABASE,
                "select id::text from notification where invitation_id = ? and kind = 'REPLY_ACCEPTED'",
                issued.invitationId());
        String stored = TestPostgres.queryString(NotificationServiceTest.DATABASE,
                "select trace_parent from notification where id = ?::uuid", intentId);
        assertThat(stored).startsWith("00-" + traceId + "-");

        SpanData smtp = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("smtp send") && s.getTraceId().equals(traceId))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(smtp.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(smtp.getAttributes().get(AttributeKey.stringKey("wsis.notification.kind")))
                .isEqualTo("REPLY_ACCEPTED");
        assertThat(smtp.getAttributes().get(AttributeKey.stringKey("wsis.notification.id"))).isEqualTo(intentId);
        assertThat(smtp.getAttributes().toString()).doesNotContain(email).doesNotContain("Jane Doe")
                .doesNotContain("@");
        // The consumer's span of the reply is in the trace too, a child of the producer's span in the header.
        assertThat(spans.getFinishedSpanItems()).anyMatch(s -> s.getKind() == SpanKind.CONSUMER
                && s.getTraceId().equals(traceId) && s.getParentSpanId().equals(replySpanId));

        // The outcome leaves in the same trace: NotificationSent's record carries it on.
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.records(Topic.NOTIFICATION.topicName()).stream()
                .anyMatch(r -> r.value().contains(intentId)
                        && Optional.ofNullable(r.headers().lastHeader("traceparent")).map(Header::value)
                        .map(v -> new String(v, StandardCharsets.UTF_8)).filter(v -> v.contains(traceId)).isPresent()));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
