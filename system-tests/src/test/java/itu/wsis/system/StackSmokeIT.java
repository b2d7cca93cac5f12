package itu.wsis.system;

import io.restassured.RestAssured;
import itu.wsis.localstack.DevTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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
        String ops = DevTokens.issue("ops");
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
