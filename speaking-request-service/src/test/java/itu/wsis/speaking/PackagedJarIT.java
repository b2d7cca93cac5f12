package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.Topic;
import itu.wsis.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application (target/quarkus-app, the jar the image and ./wsis run, in the prod profile) against the
 * same real PostgreSQL, Kafka and SMTP as the @QuarkusTests: what only the build can break (a resource or a class
 * left out of the package, a build-time property, the prod profile's configuration) shows here first.
 */
@QuarkusIntegrationTest
@SpeakingRequestServiceTest
class PackagedJarIT {

    @Test
    void theJarConsumesTheInvitationTakesTheRequestAndPublishesItThroughTheOutbox() {
        Fixtures.Forum forum = Fixtures.forum(Instant.now().plus(Duration.ofDays(30)));
        UUID session = Fixtures.session(forum, 10, 31, 10);
        Fixtures.Delegation delegation = Fixtures.delegation(forum, "CH", Rank.MINISTER, ParticipationMode.IN_PERSON);

        Fixtures.withLink(delegation.link()).body("{\"speaker\":")
                .post("/invitations/{id}/speaking-request", delegation.invitationId())
                .then().statusCode(400).contentType("application/problem+json");
        Fixtures.withLink(delegation.link()).body(Fixtures.requestBody("H.E. Minister", "IN_PERSON", session))
                .post("/invitations/{id}/speaking-request", delegation.invitationId())
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events(Topic.SPEAKING_REQUEST.topicName(),
                        SpeakingRequestSubmitted.class).stream()
                .anyMatch(e -> e.invitationId().equals(delegation.invitationId())));
        given().when().get("/forums/{id}/allocation", forum.forumId())
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
