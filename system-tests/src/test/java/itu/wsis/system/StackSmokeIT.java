package itu.wsis.system;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The harness itself: four services up on real infrastructure, one business clock, a crash and a restart. */
class StackSmokeIT {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        stack = SystemStack.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void allFourServicesShareOneMovableBusinessClock() {
        String ops = stack.tokens().issue("ops");
        for (String name : SystemStack.SERVICES) {
            ServiceProcess service = stack.service(name);
            Instant before = Instant.parse(given().baseUri(service.baseUrl()).auth().oauth2(ops)
                    .get("/ops/clock").then().statusCode(200).extract().path("now"));
            // The local profile starts the demo clock at the letter's date.
            assertThat(before).isBefore(Instant.parse("2022-04-01T00:00:00Z"));

            Instant after = Instant.parse(given().baseUri(service.baseUrl()).auth().oauth2(ops)
                    .post("/ops/clock/advance?by=P2D").then().statusCode(200).extract().path("now"));

            assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofDays(2));
        }
    }

    /**
     * Issue #14: outside the dev and test profiles (here: local, as compose runs it) a service refuses to start with
     * a key that was once committed to the repository. The two public keys are in this module's test resources.
     */
    @Test
    void aServiceRefusesToStartWithAFormerlyCommittedKey() throws Exception {
        Path former = Files.createTempDirectory(stack.runDir(), "former-keys");
        for (String key : new String[] {"link-signing-public-key.pem", "jwt-public-key.pem"}) {
            try (var in = StackSmokeIT.class.getResourceAsStream("/formerly-committed-keys/" + key)) {
                Files.write(former.resolve(key), in.readAllBytes());
            }
        }
        ServiceProcess refused = stack.anotherInstance("speaking-request-service", Map.of(
                "WSIS_LINK_PUBLIC_KEY_LOCATION", former.resolve("link-signing-public-key.pem").toString()));
        refused.start();
        OptionalInt exit = refused.awaitExit(Duration.ofSeconds(120));
        assertThat(exit).as(refused.log()).isPresent();
        assertThat(exit.getAsInt()).isNotZero();
        assertThat(refused.log()).contains("Refusing to start with a development key")
                .contains("wsis.links.public-key-location").contains("former personal-link public key");

        ServiceProcess jwt = stack.anotherInstance("invitation-service", Map.of(
                "WSIS_JWT_PUBLIC_KEY_LOCATION", former.resolve("jwt-public-key.pem").toString()));
        jwt.start();
        OptionalInt jwtExit = jwt.awaitExit(Duration.ofSeconds(120));
        assertThat(jwtExit).as(jwt.log()).isPresent();
        assertThat(jwt.log()).contains("Refusing to start with a development key").contains("former staff JWT public key");
    }

    @Test
    void aServiceKilledWithSigkillComesBackReady() {
        ServiceProcess notification = stack.service("notification-service");

        notification.kill();
        assertThat(notification.ready()).isFalse();
        notification.start();
        notification.awaitReady(Duration.ofSeconds(120));

        assertThat(notification.ready()).isTrue();
        RestAssured.reset();
    }
}
