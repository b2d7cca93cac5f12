package itu.wsis.support.links;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.support.SupportTest;
import itu.wsis.support.links.contract.PersonalLinkContract;
import itu.wsis.support.testapp.TestLinkStates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** The shared admission contract against this module's test application, plus what only this module can show. */
@QuarkusTest
@SupportTest
class PersonalLinkAdmissionTest extends PersonalLinkContract {

    private static final Instant FAR = Instant.now().plus(400, ChronoUnit.DAYS);

    @Override
    protected String readPath(UUID invitationId) {
        return "/test-invitations/" + invitationId;
    }

    @Override
    protected String staffPath(UUID invitationId) {
        return "/test-notes/" + invitationId;
    }

    @Override
    protected UUID issued() {
        UUID id = UUID.randomUUID();
        TestLinkStates.STATES.put(id, new LinkState(1, false, FAR, "fr"));
        return id;
    }

    @Override
    protected UUID issuedWithStoredExpiryPast() {
        UUID id = UUID.randomUUID();
        TestLinkStates.STATES.put(id, new LinkState(1, false, Instant.parse("2000-01-01T00:00:00Z"), "fr"));
        return id;
    }

    @Override
    protected void revoke(UUID invitationId) {
        TestLinkStates.STATES.computeIfPresent(invitationId,
                (id, s) -> new LinkState(s.linkVersion(), true, s.linkExpiresAt(), s.language()));
    }

    @Override
    protected void reissue(UUID invitationId) {
        TestLinkStates.STATES.computeIfPresent(invitationId,
                (id, s) -> new LinkState(2, s.revoked(), s.linkExpiresAt(), s.language()));
    }

    @Override
    protected String language() {
        return "fr";
    }

    @Test
    void theEndpointSeesTheLinksClaimsWithTheEarlierOfTheTwoExpiries() {
        UUID id = UUID.randomUUID();
        Instant stored = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        TestLinkStates.STATES.put(id, new LinkState(1, false, stored, null));
        given().header(PersonalLinks.HEADER, link(id, 1, Instant.ofEpochSecond(9_999_999_999L)))
                .get(readPath(id)).then().statusCode(200)
                .body("invitationId", equalTo(id.toString()), "linkVersion", equalTo(1),
                        "expiresAt", equalTo(stored.toString()));
    }

    @Test
    void writesAreAdmittedTheSameWay() {
        UUID id = issued();
        given().header(PersonalLinks.HEADER, link(id, 1)).post(readPath(id) + "/answer").then().statusCode(200)
                .body("answered", equalTo(id.toString()));
        given().header(PersonalLinks.HEADER, link(UUID.randomUUID(), 1)).post(readPath(id) + "/answer")
                .then().statusCode(401);
    }

    @Test
    void aRefusalWithoutAKnownLanguageNamesNone() {
        UUID id = UUID.randomUUID();
        TestLinkStates.STATES.put(id, new LinkState(1, true, FAR, null));
        given().header(PersonalLinks.HEADER, link(id, 1)).get(readPath(id)).then().statusCode(410)
                .body("$", not(hasKey("language")));
    }

    @Test
    void theOpenApiDocumentDeclaresThePersonalLinkAsAnApiKeyHeader() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.personalLink.type", equalTo("apiKey"))
                .body("components.securitySchemes.personalLink.in", equalTo("header"))
                .body("components.securitySchemes.personalLink.name", equalTo(PersonalLinks.HEADER))
                .body("paths.'/test-invitations/{invitationId}'.get.security[0]", hasKey("personalLink"))
                .body("paths.'/test-invitations/{invitationId}'.get.security[0]", not(hasKey("SecurityScheme")))
                .body("paths.'/test-notes'.post.security[0]", not(hasKey("personalLink")));
    }
}
