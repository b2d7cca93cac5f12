package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Staff JWTs (issue #14): the audience must name this platform, a token may live at most 12 h from its issue and be
 * at most 12 h old, and a token issued in the future is refused beyond the clock skew (60 s).
 */
@QuarkusTest
@SupportTest
class StaffTokenTest {

    private static int post(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
                .post("/test-notes").statusCode();
    }

    private static String token(Instant issuedAt, Duration ttl, String issuer, String audience) {
        return TestTokens.custom("secretariat", issuedAt, ttl, issuer, audience);
    }

    @Test
    void aTokenForThisPlatformIsAccepted() {
        given().auth().oauth2(token(Instant.now(), Duration.ofHours(1), "https://wsis.local/dev", "wsis"))
                .contentType(ContentType.JSON).body("{\"text\":\"hello\"}").post("/test-notes").then().statusCode(201);
    }

    @Test
    void aTokenWithoutTheAudienceOrForAnotherIsRefused() {
        given().auth().oauth2(token(Instant.now(), Duration.ofHours(1), "https://wsis.local/dev", null))
                .contentType(ContentType.JSON).body("{\"text\":\"hello\"}").post("/test-notes")
                .then().statusCode(401).body("type", equalTo("urn:wsis:problem:unauthenticated"));
        org.assertj.core.api.Assertions.assertThat(post(token(Instant.now(), Duration.ofHours(1),
                "https://wsis.local/dev", "another-application"))).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        org.assertj.core.api.Assertions.assertThat(post(token(Instant.now(), Duration.ofHours(1),
                "https://elsewhere.example.org", "wsis"))).isEqualTo(401);
    }

    @Test
    void aTokenLivingLongerThanTwelveHoursIsRefused() {
        org.assertj.core.api.Assertions.assertThat(post(token(Instant.now(), Duration.ofDays(30),
                "https://wsis.local/dev", "wsis"))).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(post(token(Instant.now(), Duration.ofHours(12),
                "https://wsis.local/dev", "wsis"))).isEqualTo(201);
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedEvenBeforeItsExpiry() {
        org.assertj.core.api.Assertions.assertThat(post(token(Instant.now().minus(Duration.ofHours(13)),
                Duration.ofHours(14), "https://wsis.local/dev", "wsis"))).isEqualTo(401);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedBeyondTheClockSkew() {
        org.assertj.core.api.Assertions.assertThat(post(token(Instant.now().plus(Duration.ofMinutes(10)),
                Duration.ofHours(1), "https://wsis.local/dev", "wsis"))).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(post(token(Instant.now().plusSeconds(20),
                Duration.ofHours(1), "https://wsis.local/dev", "wsis"))).isEqualTo(201);
    }
}
