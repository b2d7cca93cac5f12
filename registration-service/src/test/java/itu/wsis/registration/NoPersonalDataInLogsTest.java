package itu.wsis.registration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.Topic;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every log record written while invitees and staff reply, successfully or not, is free of links and personal data. */
@QuarkusTest
@RegistrationServiceTest
class NoPersonalDataInLogsTest {

    @Inject
    Clock clock;

    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(' ').append(t);
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * The service's own categories log at DEBUG during the test, so that what it writes only when someone
     * investigates is checked too; the levels are put back afterwards.
     */
    static final List<String> VERBOSE_CATEGORIES = List.of("itu.wsis", "org.jboss.resteasy.reactive", "io.quarkus.vertx.http");
    final List<Level> previousLevels = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        for (String category : VERBOSE_CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            previousLevels.add(logger.getLevel());
            logger.setLevel(Level.FINE);
        }
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        for (int i = 0; i < VERBOSE_CATEGORIES.size(); i++) {
            Logger.getLogger(VERBOSE_CATEGORIES.get(i)).setLevel(previousLevels.get(i));
        }
    }

    @Test
    void repliesLeaveNoTokenNameOrEmailInTheLogs() {
        Invitations.Issued invitation = Invitations.issue(clock);
        String secretEmail = "private." + UUID.randomUUID() + "@example.org";
        String secretName = "Name-" + UUID.randomUUID();
        String body = """
                {"mode":"IN_PERSON","delegation":[{"name":"%s","title":"Minister","email":"%s","headOfDelegation":true,
                 "accessibilityNeed":"Need-%s"}]}""".formatted(secretName, secretEmail, secretName);

        given().header(PersonalLinks.HEADER, invitation.link()).contentType(ContentType.JSON).body(body)
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201);
        given().header(PersonalLinks.HEADER, invitation.link()).contentType(ContentType.JSON)
                .body(body.replace(secretEmail, "not-an-email " + secretEmail))
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(400);
        given().header(PersonalLinks.HEADER, invitation.link() + "tampered").contentType(ContentType.JSON).body(body)
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(401);
        given().header(PersonalLinks.HEADER, invitation.link()).contentType(ContentType.JSON).body(body)
                .when().post("/invitations/{id}/accept", UUID.randomUUID()).then().statusCode(404);
        given().header(PersonalLinks.HEADER, invitation.link()).contentType(ContentType.JSON).body("{\"mode\":")
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(400);
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("{\"status\":\"ACCEPTED\",\"channel\":\"LETTER\",\"note\":\"%s\",\"mode\":\"REMOTE\",\"delegation\":[{\"name\":\"%s\",\"title\":\"T\",\"email\":\"%s\",\"headOfDelegation\":true}]}"
                        .formatted(secretName, secretName, secretEmail))
                .when().post("/staff/invitations/{id}/replies/corrections", invitation.id()).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events(Topic.REGISTRATION.topicName(),
                InvitationAccepted.class).stream().anyMatch(e -> e.invitationId().equals(invitation.id())));

        // Whether the service happens to log during these calls depends on what ran before; a DEBUG line from one
        // of its categories proves the capture sees the service's records at the level the test set.
        String sentinel = "capture-check-" + UUID.randomUUID();
        org.jboss.logging.Logger.getLogger("itu.wsis.registration.service").debug(sentinel);
        assertThat(logged).anyMatch(line -> line.contains(sentinel));
        assertThat(logged).noneMatch(line -> line.contains(invitation.link().substring(0, 30))
                || line.contains(secretEmail) || line.contains(secretName));
    }
}
