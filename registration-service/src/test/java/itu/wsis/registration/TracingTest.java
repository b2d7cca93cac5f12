package itu.wsis.registration;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import itu.wsis.events.EventCatalog;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.Topic;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One accept over HTTP is one trace: the request's SERVER span, the outbox row's stored traceparent, the relay's
 * PRODUCER span (a child of that stored context) and the Kafka record's traceparent header (docs/tracing.md).
 */
@QuarkusTest
@RegistrationServiceTest
class TracingTest {

    static final String ACCEPTED = EventCatalog.typeOf(InvitationAccepted.class);

    @Inject
    Clock clock;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void anAcceptIsOneTraceFromTheHttpRequestToTheKafkaRecord() {
        Invitations.Issued invitation = Invitations.issue(clock);

        given().header(PersonalLinks.HEADER, invitation.link()).contentType(ContentType.JSON)
                .body(Invitations.acceptBody("REMOTE", "Tracing Delegate"))
                .when().post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(201);

        SpanData request = await().atMost(Duration.ofSeconds(10)).until(() -> finished().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().endsWith("/accept")
                        && s.getAttributes().toString().contains(invitation.id().toString()))
                .findFirst(), Optional::isPresent).orElseThrow();
        String traceId = request.getTraceId();

        // The row carries the context of the request's transaction.
        String stored = TestPostgres.queryString(RegistrationServiceTest.DATABASE,
                "select trace_parent from outbox_event where event_type = ? and payload like ?", ACCEPTED,
                "%" + invitation.id() + "%");
        assertThat(stored).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(stored.substring(3, 35)).isEqualTo(traceId);
        String storedSpanId = stored.substring(36, 52);

        // The record, next to its CloudEvents headers, names the relay's PRODUCER span of the same trace.
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka
                .records(Topic.REGISTRATION.topicName()).stream()
                .filter(r -> r.value().contains(invitation.id().toString())
                        && ("itu.wsis." + ACCEPTED).equals(header(r, "ce_type")))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(header(record, "ce_id")).isNotBlank();
        String traceparent = header(record, "traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(traceparent.substring(3, 35)).isEqualTo(traceId);

        SpanData publish = await().atMost(Duration.ofSeconds(10)).until(() -> finished().stream()
                .filter(s -> s.getKind() == SpanKind.PRODUCER && s.getSpanId().equals(traceparent.substring(36, 52)))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(publish.getTraceId()).isEqualTo(traceId);
        assertThat(publish.getParentSpanId()).isEqualTo(storedSpanId);
    }

    private List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
