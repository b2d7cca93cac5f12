package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@SupportTest
class ClockOpsTest {

    @Inject
    Clock clock;

    @Test
    void opsMovesTheInjectedClockForward() {
        Instant before = clock.instant();

        given().auth().oauth2(TestTokens.ops())
                .when().post("/ops/clock/advance?by=P3D")
                .then().statusCode(200).body("movable", equalTo(true));

        assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(Duration.ofDays(3));
    }

    @Test
    void theClockNeverMovesBackOrByNonsense() {
        given().auth().oauth2(TestTokens.ops()).when().post("/ops/clock/advance?by=-P1D")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("by"));
        given().auth().oauth2(TestTokens.ops()).when().post("/ops/clock/advance?by=tomorrow")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ops()).when().post("/ops/clock/advance")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyOpsMovesTheClock() {
        given().auth().oauth2(TestTokens.secretariat()).when().post("/ops/clock/advance?by=P1D").then().statusCode(403);
        given().when().post("/ops/clock/advance?by=P1D").then().statusCode(401);
        given().auth().oauth2(TestTokens.secretariat()).when().get("/ops/clock").then().statusCode(200);
    }
}
