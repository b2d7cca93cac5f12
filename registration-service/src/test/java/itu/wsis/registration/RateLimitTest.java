package itu.wsis.registration;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the shared limits mean for a reply (the limits themselves are checked by PersonalLinkContractTest): a link
 * that has spent its budget (40 in the test profile) is told when to retry, and its refused write records nothing.
 */
@QuarkusTest
@RegistrationServiceTest
class RateLimitTest {

    static final int PER_LINK = 40;

    @Inject
    Clock clock;

    @Test
    void aLinkThatRunsOutIsToldWhenToRetryAndItsWriteRecordsNothing() {
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
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 24 * 3600L);
        // Another token of the same link version shares the budget (a resent email), from any address.
        given().header(PersonalLinks.HEADER, Invitations.link(clock, invitation.id(), 1))
                .header("X-Forwarded-For", "192.0.2.7")
                .when().get("/invitations/{id}/replies", invitation.id())
                .then().statusCode(429);
        assertThat(TestPostgres.queryLong(RegistrationServiceTest.DATABASE,
                "select count(*) from reply where invitation_id = ?", invitation.id())).isZero();
    }
}
