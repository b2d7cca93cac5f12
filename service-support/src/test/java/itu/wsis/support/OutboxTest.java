package itu.wsis.support;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.restassured.http.ContentType;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.Topic;
import itu.wsis.support.testapp.TestNoteService;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@SupportTest
class OutboxTest {

    static final String TOPIC = Topic.INVITATION.topicName();

    @Inject
    TestNoteService service;

    private static UUID createNote(String text, boolean fail) {
        String id = given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}")
                .queryParam("fail", fail)
                .when().post("/test-notes")
                .then().statusCode(fail ? 409 : 201)
                .extract().path("id");
        return id == null ? null : UUID.fromString(id);
    }

    @Test
    void aCommittedChangeIsPublishedOnceWithItsKeyAndCloudEventHeaders() {
        String text = "committed-" + UUID.randomUUID();
        UUID noteId = createNote(text, false);

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20)).until(
                () -> TestKafka.records(TOPIC).stream().filter(r -> r.value().contains(text)).toList(),
                found -> !found.isEmpty()).get(0);

        assertThat(record.key()).isEqualTo(noteId.toString());
        assertThat(header(record, "ce_type")).isEqualTo("itu.wsis." + InvitationRevoked.TYPE);
        assertThat(header(record, "ce_source")).isEqualTo("urn:wsis:service-support-test");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> TestPostgres.queryLong(SupportTest.DATABASE, 
                "select count(*) from outbox_event where message_key = ? and published_at is not null",
                noteId.toString()) == 1);
        assertThat(TestKafka.records(TOPIC).stream().filter(r -> r.value().contains(text))).hasSize(1);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        String marker = "marker-" + UUID.randomUUID();

        createNote(rolledBack, true);
        createNote(marker, false);

        // The marker was written after the failed attempt: once it is on the topic, the relay has passed that point.
        await().atMost(Duration.ofSeconds(20)).until(
                () -> TestKafka.records(TOPIC).stream().anyMatch(r -> r.value().contains(marker)));
        List<ConsumerRecord<String, String>> all = TestKafka.records(TOPIC);
        assertThat(all).noneMatch(r -> r.value().contains(rolledBack));
        assertThat(TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from outbox_event where payload like ?", "%" + rolledBack + "%"))
                .isZero();
        assertThat(TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from test_note where text = ?", rolledBack)).isZero();
    }

    @Test
    @RunOnVertxContext
    void appendingOutsideATransactionIsRefused(UniAsserter asserter) {
        asserter.assertFailedWith(() -> Panache.withSession(() -> service.appendOutsideTransaction()),
                failure -> assertThat(failure).hasMessageContaining("@WithTransaction"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
