package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.PersonalLinkTokens;
import itu.wsis.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.invitation.Fixtures.asSecretariat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * GET /invitations/{id}/letter, authorised by the personal link as the sender signs it (this test run's key). The
 * refusals common to every service are in {@link PersonalLinkContractTest}.
 */
@QuarkusTest
@InvitationServiceTest
class InviteeLetterApiTest {

    static String link(UUID invitationId, int version, Instant expiresAt) {
        return PersonalLinkTokens.sign(new LinkClaims(invitationId, version, expiresAt), TestKeys.linkSigningKey());
    }

    static String link(UUID invitationId, int version) {
        return link(invitationId, version, Instant.now().plus(Duration.ofDays(90)));
    }

    static UUID invitation(UUID letterId) {
        return Fixtures.issue(letterId, Fixtures.createInvitee("CH"));
    }

    @Test
    void theLinkOpensItsForumLetterAndDeadlineWithTheInviteesLanguageAndZone() {
        UUID letterId = Fixtures.publishedLetterOfUpcomingForum();
        UUID id = invitation(letterId);

        given().header("WSIS-Personal-Link", link(id, 1)).get("/invitations/{id}/letter", id)
                .then().statusCode(200)
                .body("invitationId", equalTo(id.toString()),
                        "status", equalTo("ISSUED"),
                        "memberState", equalTo("CH"),
                        "preferredLanguage", equalTo("fr"),
                        "inviteeTimeZone", equalTo("Europe/Zurich"),
                        "forum.venue", equalTo("ITU headquarters, Geneva"),
                        "forum.format", equalTo("HYBRID"),
                        "forum.inPersonStart", equalTo(Fixtures.upcomingInPersonStart().toString()),
                        "forum.timeZone", equalTo("Europe/Zurich"),
                        // The addresses the letter points to, for the invitee pages' links (issue #17).
                        "forum.forumSiteUrl", equalTo("https://www.itu.int/net4/wsis/forum/2022/fr"),
                        "forum.speakingRequestUrl", equalTo("https://www.itu.int/net4/wsis/forum/2022/fr/HighLevel"),
                        "forum.partnershipUrl", equalTo("https://www.itu.int/go/wsisfund"),
                        "letter.signatoryName", equalTo("Houlin Zhao"),
                        "letter.originalLanguage", equalTo("fr"),
                        "letter.texts.fr.body", equalTo("Madame la Ministre, ..."),
                        "letter.texts.en.body", equalTo("Excellency, ..."),
                        "letter.texts.ar", nullValue(),
                        "responseDeadline.date", equalTo(Fixtures.today().plusDays(30).toString()),
                        "responseDeadline.timeZone", equalTo("Europe/Zurich"),
                        // Nothing that identifies the Minister beyond the member state.
                        "email", nullValue(), "fullName", nullValue());
    }

    @Test
    void missingForgedAndExpiredLinksAreRefusedAsProblems() {
        UUID id = invitation(Fixtures.publishedLetterOfUpcomingForum());
        given().get("/invitations/{id}/letter", id).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("urn:wsis:problem:personal-link-required"));
        String genuine = link(id, 1);
        String forged = genuine.substring(0, genuine.length() - 4) + (genuine.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("WSIS-Personal-Link", forged).get("/invitations/{id}/letter", id).then().statusCode(401)
                .body("type", equalTo("urn:wsis:problem:personal-link-invalid"));
        given().header("WSIS-Personal-Link", link(id, 1, Instant.now().minusSeconds(60)))
                .get("/invitations/{id}/letter", id).then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("urn:wsis:problem:personal-link-expired"));
    }

    /** Issue #14: the repository key signed links "valid until 9999999999"; the invitation's own expiry decides. */
    @Test
    void aLinkOfAForumThatIsOverIsExpiredWhateverItsTokenClaims() {
        UUID id = invitation(Fixtures.publishedLetter());   // WSIS Forum 2022: its links ended on 10 June 2022
        given().header("WSIS-Personal-Link", link(id, 1, Instant.ofEpochSecond(9_999_999_999L)))
                .get("/invitations/{id}/letter", id).then().statusCode(410)
                .body("type", equalTo("urn:wsis:problem:personal-link-expired"), "language", equalTo("fr"));
    }

    @Test
    void anotherInvitationsLinkIsNotFound() {
        UUID letterId = Fixtures.publishedLetterOfUpcomingForum();
        UUID mine = invitation(letterId);
        UUID theirs = invitation(letterId);
        given().header("WSIS-Personal-Link", link(theirs, 1)).get("/invitations/{id}/letter", mine)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:invitation-not-found"));
        // A genuine link of an invitation nobody here knows, on another address: still nothing revealed.
        given().header("WSIS-Personal-Link", link(UUID.randomUUID(), 1)).get("/invitations/{id}/letter",
                        UUID.randomUUID())
                .then().statusCode(401).body("type", equalTo("urn:wsis:problem:personal-link-not-yet-active"));
    }

    @Test
    void aReissuedLinkIsGoneAndTheNewOneWorks() {
        UUID id = invitation(Fixtures.publishedLetterOfUpcomingForum());
        String first = link(id, 1);
        asSecretariat().post("/invitations/{id}/link-reissue", id).then().statusCode(200).body("linkVersion", equalTo(2));

        given().header("WSIS-Personal-Link", first).get("/invitations/{id}/letter", id)
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:personal-link-reissued"), "language", equalTo("fr"));
        given().header("WSIS-Personal-Link", link(id, 2)).get("/invitations/{id}/letter", id)
                .then().statusCode(200).body("invitationId", equalTo(id.toString()));
    }

    @Test
    void aRevokedInvitationIsGoneInTheInviteesLanguage() {
        UUID id = invitation(Fixtures.publishedLetterOfUpcomingForum());
        String link = link(id, 1);
        given().header("WSIS-Personal-Link", link).get("/invitations/{id}/letter", id).then().statusCode(200);
        asSecretariat().body(Map.of("reason", "wrong addressee")).post("/invitations/{id}/revoke", id)
                .then().statusCode(200);

        given().header("WSIS-Personal-Link", link).get("/invitations/{id}/letter", id)
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:invitation-revoked"), "language", equalTo("fr"));
    }
}
