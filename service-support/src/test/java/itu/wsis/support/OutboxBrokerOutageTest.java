package itu.wsis.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import itu.wsis.events.Topic;
import itu.wsis.localstack.KafkaBrokerProcess;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import itu.wsis.testing.WsisInfrastructureWithKillableBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = WsisInfrastructureWithKillableBroker.class,
        initArgs = @ResourceArg(name = "database", value = OutboxBrokerOutageTest.DATABASE))
class OutboxBrokerOutageTest {

    static final String DATABASE = "support_outage";
    static final String TOPIC = Topic.INVITATION.topicName();

    private static void createNote(String text) {
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("{\"text\":\"" + text + "\"}")
                .when().post("/test-notes")
                .then().statusCode(201);
    }

    private static long onTopic(KafkaBrokerProcess broker, String text) {
        return TestKafka.records(broker.bootstrapServers(), TOPIC).stream()
                .filter(r -> r.value().contains(text)).count();
    }

    private static long unpublished(String text) {
        return TestPostgres.queryLong(DATABASE,
                "select count(*) from outbox_event where published_at is null and payload like ?", "%" + text + "%");
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedOnceItIsBack() {
        KafkaBrokerProcess broker = WsisInfrastructureWithKillableBroker.broker();
        String before = "before-outage-" + UUID.randomUUID();
        createNote(before);
        await().atMost(Duration.ofSeconds(30)).until(() -> onTopic(broker, before) == 1);

        broker.kill();
        String during = "during-outage-" + UUID.randomUUID();
        createNote(during);

        // The state change committed although Kafka is gone; its event waits in the outbox.
        assertThat(TestPostgres.queryLong(DATABASE, "select count(*) from test_note where text = ?", during)).isOne();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> unpublished(during) == 1);

        broker.restart();

        await().atMost(Duration.ofSeconds(90)).until(() -> unpublished(during) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> onTopic(broker, during) >= 1);
        assertThat(onTopic(broker, during)).isOne();
        assertThat(onTopic(broker, before)).isOne();
    }
}
