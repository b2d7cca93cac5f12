package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Topic;
import itu.wsis.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application (target/quarkus-app, the jar the image and ./wsis run, in the prod profile) against the
 * same real PostgreSQL, Kafka and SMTP as the @QuarkusTests: what only the build can break (a resource or a class
 * left out of the package, a build-time property, the prod profile's configuration) shows here first.
 */
@QuarkusIntegrationTest
@InvitationServiceTest
class PackagedJarIT {

    @Test
    void theJarIssuesAnInvitationAndPublishesItThroughTheOutbox() {
        UUID letterId = Fixtures.publishedLetter();
        UUID inviteeId = Fixtures.createInvitee("CH");

        Fixtures.asSecretariat().body(Map.of("inviteeId", "not-a-uuid"))
                .post("/letters/{id}/invitations", letterId)
                .then().statusCode(400).contentType("application/problem+json");
        UUID invitationId = Fixtures.issue(letterId, inviteeId);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events(Topic.INVITATION.topicName(),
                InvitationIssued.class).stream().anyMatch(e -> e.invitationId().equals(invitationId)));
        given().when().get("/invitations/{id}", invitationId)
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
