package itu.wsis.support.links.contract;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.PersonalLinkTokens;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestKeys;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The personal-link admission, as every service that answers links must apply it: one table of situations and the
 * answer each gets (status and problem type), run unchanged against invitation-, registration- and
 * speaking-request-service (and service-support's own test application). Identical answers everywhere follow from
 * every service running this same class. A service supplies only how to bring an invitation into each state.
 * <p>
 * The rate-limit tests forward their own client address ({@code X-Forwarded-For}, believed from 127.0.0.1, the
 * default trusted proxy), so that they neither spend nor depend on the budget of the address the other tests share.
 */
public abstract class PersonalLinkContract {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** An invitee GET endpoint of this service that answers 200 for a current link, e.g. {@code /invitations/{id}/letter}. */
    protected abstract String readPath(UUID invitationId);

    /** A staff endpoint (JWT roles only) of this service. */
    protected abstract String staffPath(UUID invitationId);

    /** An invitation this service knows and can answer, at link version 1, its link expiring months from now. */
    protected abstract UUID issued();

    /** As {@link #issued()}, but the expiry the service stores for the invitation's link is already past. */
    protected abstract UUID issuedWithStoredExpiryPast();

    /** Revokes the invitation and waits until this service knows it. */
    protected abstract void revoke(UUID invitationId);

    /** Re-issues the invitation's link (version 2) and waits until this service knows it. */
    protected abstract void reissue(UUID invitationId);

    /** Whether the service names the invitee's language in its 410 answers for this invitation. */
    protected String language() {
        return null;
    }

    public static String link(UUID invitationId, int version, Instant expiresAt) {
        return PersonalLinkTokens.sign(new LinkClaims(invitationId, version, expiresAt), TestKeys.linkSigningKey());
    }

    public static String link(UUID invitationId, int version) {
        return link(invitationId, version, Instant.now().plus(Duration.ofDays(90)));
    }

    private Response get(RequestSpecification request, UUID invitationId) {
        return request.when().get(readPath(invitationId));
    }

    private static RequestSpecification with(String link) {
        return given().header(PersonalLinks.HEADER, link);
    }

    private static void refused(Response response, int status, String type) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status), "type", equalTo("urn:wsis:problem:" + type));
    }

    @Test
    void aCurrentLinkOpensItsInvitation() {
        UUID id = issued();
        get(with(link(id, 1)), id).then().statusCode(200);
    }

    @Test
    void noLinkIs401Required() {
        UUID id = issued();
        refused(get(given(), id), 401, "personal-link-required");
        refused(get(with(" "), id), 401, "personal-link-required");
    }

    @Test
    void aStaffTokenDoesNotOpenAnInviteeEndpoint() {
        UUID id = issued();
        refused(get(given().auth().oauth2(TestTokens.secretariat()), id), 401, "personal-link-required");
    }

    /** A personal link is no staff credential: a staff endpoint answers as if there were no credential at all. */
    @Test
    void aLinkDoesNotOpenAStaffEndpoint() {
        UUID id = issued();
        refused(given().header(PersonalLinks.HEADER, link(id, 1)).get(staffPath(id)), 401, "unauthenticated");
        refused(given().header(PersonalLinks.HEADER, "forged").get(staffPath(id)), 401, "unauthenticated");
    }

    @Test
    void aForgedLinkIs401Invalid() {
        UUID id = issued();
        String genuine = link(id, 1);
        String tampered = genuine.substring(0, genuine.length() - 4) + (genuine.endsWith("AAAA") ? "BBBB" : "AAAA");
        refused(get(with(tampered), id), 401, "personal-link-invalid");
        refused(get(with("not-a-link"), id), 401, "personal-link-invalid");
        String otherKey = PersonalLinkTokens.sign(new LinkClaims(id, 1, Instant.now().plusSeconds(3600)),
                generatedKey());
        refused(get(with(otherKey), id), 401, "personal-link-invalid");
    }

    @Test
    void aLinkPastItsOwnExpiryIs410Expired() {
        UUID id = issued();
        refused(get(with(link(id, 1, Instant.now().minusSeconds(60))), id), 410, "personal-link-expired");
    }

    /** Issue #14: a link whose token claims 9999999999 still ends when the invitation's own link expiry has passed. */
    @Test
    void aLinkPastTheInvitationsStoredExpiryIs410ExpiredWhateverTheTokenClaims() {
        UUID id = issuedWithStoredExpiryPast();
        refused(get(with(link(id, 1, Instant.ofEpochSecond(9_999_999_999L))), id), 410, "personal-link-expired");
    }

    @Test
    void aSupersededLinkIs410ReissuedAndTheNewOneWorks() {
        UUID id = issued();
        String first = link(id, 1);
        reissue(id);
        Response answer = get(with(first), id);
        refused(answer, 410, "personal-link-reissued");
        if (language() != null) {
            answer.then().body("language", equalTo(language()));
        }
        get(with(link(id, 2)), id).then().statusCode(200);
    }

    @Test
    void aRevokedInvitationIs410Revoked() {
        UUID id = issued();
        String link = link(id, 1);
        get(with(link), id).then().statusCode(200);
        revoke(id);
        Response answer = get(with(link), id);
        refused(answer, 410, "invitation-revoked");
        if (language() != null) {
            answer.then().body("language", equalTo(language()));
        }
    }

    @Test
    void aLinkOfAVersionNotSeenYetIs401NotYetActive() {
        UUID id = issued();
        refused(get(with(link(id, 2)), id), 401, "personal-link-not-yet-active");
    }

    @Test
    void aGenuineLinkOfAnInvitationUnknownHereIs401NotYetActive() {
        UUID unknown = UUID.randomUUID();
        refused(get(with(link(unknown, 1)), unknown), 401, "personal-link-not-yet-active");
    }

    @Test
    void aLinkAtAnotherInvitationsAddressIs404LikeAnAddressThatDoesNotExist() {
        UUID mine = issued();
        UUID theirs = issued();
        refused(get(with(link(mine, 1)), theirs), 404, "invitation-not-found");
        refused(get(with(link(mine, 1)), UUID.randomUUID()), 404, "invitation-not-found");
    }

    /**
     * Issue #14: 1000 rapid bad links from one address get 429 once that address's failure budget is spent, while a
     * valid link from the same address keeps working: failures spend only the failures' budget.
     */
    @Test
    void aThousandBadLinksGet429WhileAValidLinkFromTheSameAddressKeepsWorking() {
        UUID id = issued();
        String valid = link(id, 1);
        String address = nextAddress();
        int refusedAsBad = 0;
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 1000; i++) {
            Response answer = given().header("X-Forwarded-For", address)
                    .header(PersonalLinks.HEADER, i % 2 == 0 ? "guess-" + i : forgedFor(id)).get(readPath(id));
            if (answer.statusCode() == 429) {
                limited++;
                retryAfter = answer.header("Retry-After");
                answer.then().contentType("application/problem+json").body("type", equalTo("urn:wsis:problem:rate-limited"));
            } else {
                assertThat(answer.statusCode()).isEqualTo(401);
                refusedAsBad++;
            }
            if (i % 100 == 99) {
                given().header("X-Forwarded-For", address).header(PersonalLinks.HEADER, valid).get(readPath(id))
                        .then().statusCode(200);
            }
        }
        assertThat(limited).as("429 answers among 1000 bad links").isGreaterThanOrEqualTo(500);
        assertThat(refusedAsBad).as("401 answers before the budget was spent").isPositive();
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isPositive();
        given().header("X-Forwarded-For", address).header(PersonalLinks.HEADER, valid).get(readPath(id))
                .then().statusCode(200);
    }

    /** Behind the trusted proxy each client has its own failure budget: one client's guesses do not lock out another. */
    @Test
    void behindATrustedProxyTwoClientsHaveSeparateBudgets() {
        UUID id = issued();
        String guesser = nextAddress();
        String neighbour = nextAddress();
        boolean limited = false;
        for (int i = 0; i < 1000 && !limited; i++) {
            limited = given().header("X-Forwarded-For", guesser).header(PersonalLinks.HEADER, "guess-" + i)
                    .get(readPath(id)).statusCode() == 429;
        }
        assertThat(limited).as("the guesser reached the limit").isTrue();
        refused(given().header("X-Forwarded-For", neighbour).header(PersonalLinks.HEADER, "typo")
                .get(readPath(id)), 401, "personal-link-invalid");
    }

    /** A stolen link cannot be hammered: its own budget (40 in the test profile) runs out, whatever the address. */
    @Test
    void oneLinkHasItsOwnBudget() {
        UUID id = issued();
        String valid = link(id, 1);
        int ok = 0;
        Response last = null;
        for (int i = 0; i < 60; i++) {
            last = given().header("X-Forwarded-For", nextAddress()).header(PersonalLinks.HEADER, valid)
                    .get(readPath(id));
            if (last.statusCode() != 200) {
                break;
            }
            ok++;
        }
        assertThat(ok).isLessThan(60);
        refused(last, 429, "rate-limited");
    }

    /** The personal link is an apiKey scheme in the OpenAPI document, and no operation asks a JWT for the invitee role. */
    @Test
    void theOpenApiDocumentDeclaresThePersonalLink() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.personalLink.type", equalTo("apiKey"))
                .body("components.securitySchemes.personalLink.in", equalTo("header"))
                .body("components.securitySchemes.personalLink.name", equalTo(PersonalLinks.HEADER))
                .extract().asString();
        assertThat(document).contains("\"personalLink\" : [ ]").doesNotContain("[ \"invitee\" ]");
    }

    private static String forgedFor(UUID id) {
        String genuine = link(id, 1);
        return genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("AA") ? "BB" : "AA");
    }

    private static java.security.PrivateKey generatedKey() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A documentation address (RFC 5737) of its own for each rate-limit test. */
    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }
}
