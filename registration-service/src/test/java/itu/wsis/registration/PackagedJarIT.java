package itu.wsis.registration;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.Language;
import itu.wsis.events.Topic;
import itu.wsis.support.openapi.ApiContract;
import itu.wsis.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.registration.Invitations.acceptBody;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged application (target/quarkus-app, the jar the image and ./wsis run, in the prod profile) against the
 * same real PostgreSQL, Kafka and SMTP as the @QuarkusTests: what only the build can break (a resource or a class
 * left out of the package, a build-time property, the prod profile's configuration) shows here first.
 */
@QuarkusIntegrationTest
@RegistrationServiceTest
class PackagedJarIT {

    static RequestSpecification as(String link) {
        return given().header(ApiContract.PERSONAL_LINK_HEADER, link).contentType(ContentType.JSON);
    }

    @Test
    void theJarConsumesAnInvitationTakesTheAcceptAndPublishesItThroughTheOutbox() {
        Invitations.Issued issued = Invitations.issue(Clock.systemUTC(), UUID.randomUUID(), "CH", Language.FR,
                Invitations.deadlineIn(Clock.systemUTC(), 20));

        as(issued.link()).body("{\"mode\":").when().post("/invitations/{id}/accept", issued.id())
                .then().statusCode(400).contentType("application/problem+json");
        as(issued.link()).body(acceptBody("IN_PERSON", "Head"))
                .when().post("/invitations/{id}/accept", issued.id())
                .then().statusCode(201).body("status", equalTo("ACCEPTED"));

        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events(Topic.REGISTRATION.topicName(),
                InvitationAccepted.class).stream().anyMatch(e -> e.invitationId().equals(issued.id())));
        given().when().get("/staff/forums/{id}/settings", issued.forumId())
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
