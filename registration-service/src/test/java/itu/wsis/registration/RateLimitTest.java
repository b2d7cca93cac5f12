package itu.wsis.registration;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.support.links.PersonalLinks;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The test profile allows 40 requests per link and 1000 per client address an hour (application.properties).
 * The client address is the forwarded one, believed because the test client connects from a trusted proxy address.
 */
@QuarkusTest
@RegistrationServiceTest
class RateLimitTest {

    static final int PER_LINK = 40;
    static final int PER_ADDRESS = 1000;

    @Inject
    Clock clock;

    @Test
    void aLinkThatRunsOutIsToldWhenToRetry() {
        Invitations.Issued invitation = Invitations.issue(clock);
        String address = "198.51.100." + (1 + (int) (Math.random() * 200));

        for (int i = 0; i < PER_LINK; i++) {
            given().header(PersonalLinks.HEADER, invitation.link()).header("X-Forwarded-For", address)
                    .when().get("/invitations/{id}", invitation.id()).then().statusCode(200);
        }
        String retryAfter = given().header(PersonalLinks.HEADER, invitation.link()).header("X-Forwarded-For", address)
                .contentType("application/json")
                .when().post("/invitations/{id}/decline", invitation.id())
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:rate-limited"))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);
        // Nothing was recorded by the refused request.
        given().header(PersonalLinks.HEADER, Invitations.link(clock, invitation.id(), 1))
                .header("X-Forwarded-For", address)
                .when().get("/invitations/{id}/replies", invitation.id())
                .then().statusCode(429);
    }

    @Test
    void anAddressThatRunsOutIsToldWhenToRetryBeforeAnyTokenIsChecked() {
        Invitations.Issued invitation = Invitations.issue(clock);
        String address = "203.0.113." + (1 + (int) (Math.random() * 200));
        UUID someone = UUID.randomUUID();

        // Guessing tokens costs the guesser's own budget: forged tokens are refused (401) and counted.
        for (int i = 0; i < PER_ADDRESS; i++) {
            given().header(PersonalLinks.HEADER, "guess-" + i).header("X-Forwarded-For", address)
                    .when().get("/invitations/{id}", someone).then().statusCode(401);
        }
        given().header(PersonalLinks.HEADER, invitation.link()).header("X-Forwarded-For", address)
                .when().get("/invitations/{id}", invitation.id())
                .then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("urn:wsis:problem:rate-limited"));
        // Another client address is not affected.
        given().header(PersonalLinks.HEADER, invitation.link()).header("X-Forwarded-For", "192.0.2.77")
                .when().get("/invitations/{id}", invitation.id()).then().statusCode(200);
    }
}
