package itu.wsis.registration.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import itu.wsis.registration.Invitations;
import itu.wsis.registration.RegistrationServiceTest;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The edge of the reply endpoints (issue 14, finding 7): a delegate's name is one line, a delegate's address follows
 * the one rule, a NUL or a duplicate key is a 400. Each refusal names the field and records nothing.
 */
@QuarkusTest
@RegistrationServiceTest
class ReplyInputTest {

    @Inject
    Clock clock;

    static RequestSpecification as(String link) {
        return given().header(PersonalLinks.HEADER, link).contentType(ContentType.JSON);
    }

    static long replies(UUID invitationId) {
        return TestPostgres.queryLong(RegistrationServiceTest.DATABASE,
                "select count(*) from reply where invitation_id = ?", invitationId);
    }

    static String accept(String name, String email) {
        return """
                {"mode":"IN_PERSON","delegation":[{"name":"%s","title":"Minister","email":"%s","headOfDelegation":true}]}"""
                .formatted(name, email);
    }

    @Test
    void aDelegateNameWithALineBreakIsRefused() {
        Invitations.Issued invitation = Invitations.issue(clock);
        for (String name : List.of("Jane Doe\\r\\nBcc: x@evil.test", "Jane\\nDoe", "Jane\\u2028Doe", "Jane\\tDoe")) {
            as(invitation.link()).body(accept(name, "jane@example.org"))
                    .post("/invitations/{id}/accept", invitation.id())
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("delegation[0].name"))
                    .body("errors[0].message", startsWith("must be a single line"));
        }
        assertThat(replies(invitation.id())).isZero();
    }

    @Test
    void aDelegateAddressFollowsTheOneRule() {
        Invitations.Issued invitation = Invitations.issue(clock);
        for (String email : List.of("a@example.org>,<attacker", "a@example.org\\u2028", "Jane <a@example.org>",
                "a@localhost", "jos\\u00e9@example.org")) {
            as(invitation.link()).body(accept("Jane Doe", email))
                    .post("/invitations/{id}/accept", invitation.id())
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("delegation[0].email"))
                    .body("errors[0].message", startsWith("is not an e-mail address"));
        }
        assertThat(replies(invitation.id())).isZero();
        as(invitation.link()).body(accept("Jane Doe", " jane.doe+wsis@example.org "))
                .post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(201).body("delegation[0].email", equalTo("jane.doe+wsis@example.org"));
    }

    @Test
    void aNulCharacterOrADuplicateKeyIs400NotA500() {
        Invitations.Issued invitation = Invitations.issue(clock);
        as(invitation.link()).body("{\"reason\":\"no\\u0000thanks\"}")
                .post("/invitations/{id}/decline", invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(invitation.link()).body(accept("Jane\\u0000Doe", "jane@example.org"))
                .post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("delegation[0].name"));
        as(invitation.link()).body("{\"mode\":\"IN_PERSON\",\"mode\":\"REMOTE\",\"delegation\":[]}")
                .post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("mode"));
        assertThat(replies(invitation.id())).isZero();
    }

    @Test
    void aMalformedIdInThePathIs400NamingIt() {
        Invitations.Issued invitation = Invitations.issue(clock);
        as(invitation.link()).get("/invitations/not-a-uuid")
                .then().statusCode(400).body("errors[0].field", equalTo("invitationId"));
        as(invitation.link()).get("/invitations/{id}/replies/abc", invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("version"));
    }

    @Test
    void theSecretariatsDocumentReferenceIsOneLine() {
        Invitations.Issued invitation = Invitations.issue(clock);
        LocalDate today = LocalDate.ofInstant(clock.instant(), Invitations.GENEVA);
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("""
                        {"status":"DECLINED","channel":"LETTER","documentReference":"NV/1\\r\\nX","documentDate":"%s"}"""
                        .formatted(today))
                .post("/staff/invitations/{id}/replies/correspondence", invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("documentReference"));
        assertThat(replies(invitation.id())).isZero();
    }
}
