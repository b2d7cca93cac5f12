package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.Language;
import itu.wsis.events.NotificationSent;
import itu.wsis.events.Topic;
import itu.wsis.testing.TestKafka;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged application (target/quarkus-app, the jar the image and ./wsis run, in the prod profile) against the
 * same real PostgreSQL, Kafka and SMTP as the @QuarkusTests: what only the build can break (a resource or a class
 * left out of the package, such as the message catalogs and templates, a build-time property, the prod profile's
 * configuration) shows here first.
 */
@QuarkusIntegrationTest
@NotificationServiceTest
class PackagedJarIT {

    @Test
    void theJarSendsTheInvitationEmailInTheInviteesLanguageAndRecordsIt() throws Exception {
        Clock clock = Clock.systemUTC();
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("packaged");
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.FR, email);
        TestKafka.publish(issued);

        var mail = Mails.awaitOne(email, m -> true);

        assertThat(Mails.subject(mail)).contains("CL-22/010");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events(Topic.NOTIFICATION.topicName(),
                NotificationSent.class).stream().anyMatch(e -> e.invitationId().equals(issued.invitationId())));
        given().when().get("/ops/notifications").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
