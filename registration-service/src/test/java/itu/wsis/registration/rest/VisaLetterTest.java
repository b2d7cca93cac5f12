package itu.wsis.registration.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.Language;
import itu.wsis.registration.Invitations;
import itu.wsis.registration.RegistrationServiceTest;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.registration.Invitations.acceptBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Visa support letters end to end in this service: a delegation accepts in person, downloads a letter per delegate,
 * and the PDF is read back with PDFBox's text extraction; the secretariat verifies the references.
 */
@QuarkusTest
@RegistrationServiceTest
class VisaLetterTest {

    static final Map<Language, String> FORUM_NAMES = Map.of(
            Language.AR, "منتدى القمة العالمية لمجتمع المعلومات لعام 2022",
            Language.EN, "WSIS Forum 2022",
            Language.ES, "Foro de la CMSI 2022",
            Language.FR, "Forum 2022 du SMSI",
            Language.RU, "Форум ВВУИО 2022 года",
            Language.ZH, "2022年信息社会世界峰会论坛");

    @Inject
    Clock clock;

    static RequestSpecification as(String link) {
        return given().header(PersonalLinks.HEADER, link).contentType(ContentType.JSON);
    }

    /** A forum this service knows with its names and in-person week, as invitation-service publishes it. */
    static UUID forum() {
        UUID forumId = UUID.randomUUID();
        TestKafka.publish(new ForumEditionPublished(UUID.randomUUID(), Instant.now(), forumId, 1, "WSIS-2022",
                FORUM_NAMES, Map.of(), LocalDate.of(2022, 3, 15), LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 3),
                "ITU headquarters, Geneva", "hybrid", "Europe/Zurich", "https://www.itu.int/net4/wsis/forum/2022/",
                null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(RegistrationServiceTest.DATABASE,
                "select count(*) from forum_edition where forum_id = ? and in_person_end is not null", forumId) == 1);
        return forumId;
    }

    Invitations.Issued acceptedInPerson(UUID forumId, String memberState, Language language, String... names) {
        Invitations.Issued invitation = Invitations.issue(clock, forumId, memberState, language,
                Invitations.deadlineIn(clock, 20));
        as(invitation.link()).body(acceptBody("IN_PERSON", names))
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201);
        return invitation;
    }

    static ExtractableResponse<Response> download(Invitations.Issued invitation, int member) {
        return given().header(PersonalLinks.HEADER, invitation.link())
                .when().get("/invitations/{id}/visa-letters/{member}", invitation.id(), member)
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", startsWith("attachment; filename=\"visa-letter-WSIS-VL-"))
                .extract();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // NFKC: PDFBox gives Arabic back in logical order; any presentation form left becomes its letter.
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC)
                    .replaceAll("\\s+", " "); // lines are broken wherever the width ends
        }
    }

    static String reference(ExtractableResponse<Response> letter) {
        return letter.header("WSIS-Visa-Letter-Reference");
    }

    @Test
    void eachDelegateOfAFrenchDelegationGetsALetterInFrenchWithItsOwnReference() throws IOException {
        Invitations.Issued invitation = acceptedInPerson(forum(), "CH", Language.FR, "Aline Dupont", "Marc Roy");

        ExtractableResponse<Response> first = download(invitation, 1);
        ExtractableResponse<Response> second = download(invitation, 2);
        String firstText = text(first.asByteArray());
        String secondText = text(second.asByteArray());

        assertThat(reference(first)).matches("WSIS-VL-[0-9A-HJKMNP-TV-Z]{10}").isNotEqualTo(reference(second));
        assertThat(firstText).contains("Aline Dupont", reference(first), "Lettre d'appui à une demande de visa",
                "Forum 2022 du SMSI", "du 30 mai 2022 au 3 juin 2022", "Suisse", "CL-22/010",
                "Pour le Secrétaire général").doesNotContain("Marc Roy", "Secretary-General");
        assertThat(secondText).contains("Marc Roy", reference(second)).doesNotContain("Aline Dupont");
        // Recorded with what it certifies.
        assertThat(TestPostgres.queryLong(RegistrationServiceTest.DATABASE, """
                select count(*) from visa_letter where reference = ? and invitation_id = ? and member_name = ?
                   and member_title = 'Adviser' and language = 'fr' and reply_version = 1""",
                reference(first), invitation.id(), "Aline Dupont")).isOne();
        // The same letter again is the same reference, not a second record.
        assertThat(reference(download(invitation, 1))).isEqualTo(reference(first));
    }

    @Test
    void anArabicLetterIsShapedAndReadsBackInArabic() throws IOException {
        Invitations.Issued invitation = acceptedInPerson(forum(), "EG", Language.AR, "ليلى حداد", "Omar Farouk");

        ExtractableResponse<Response> letter = download(invitation, 1);
        String text = text(letter.asByteArray());

        assertThat(text).contains("ليلى حداد", reference(letter), "رسالة دعم لطلب تأشيرة", "مصر",
                "منتدى القمة العالمية لمجتمع المعلومات لعام 2022", "عن الأمين العام");
        assertThat(text(download(invitation, 2).asByteArray())).contains("Omar Farouk");
    }

    @Test
    void aChineseLetterHasItsGlyphsAndAnotherLanguageCanBeAsked() throws IOException {
        Invitations.Issued invitation = acceptedInPerson(forum(), "CN", Language.ZH, "Li Wei", "Zhang Min");

        ExtractableResponse<Response> letter = download(invitation, 2);
        String text = text(letter.asByteArray());
        assertThat(text).contains("Zhang Min", reference(letter), "签证支持信", "2022年信息社会世界峰会论坛",
                "2022年5月30日", "中国", "秘书长代表");

        byte[] english = given().header(PersonalLinks.HEADER, invitation.link()).queryParam("lang", "en")
                .when().get("/invitations/{id}/visa-letters/{member}", invitation.id(), 2)
                .then().statusCode(200).extract().asByteArray();
        assertThat(text(english)).contains("Visa support letter", "WSIS Forum 2022", "China").doesNotContain("签证");
    }

    @Test
    void noLetterUnlessTheReplyIsAnAcceptanceInPersonForAnExistingMemberWithTheRightLink() {
        UUID forumId = forum();
        Invitations.Issued remote = Invitations.issue(clock, forumId, "KE", Language.EN, Invitations.deadlineIn(clock, 20));
        as(remote.link()).body(acceptBody("REMOTE", "Head")).when().post("/invitations/{id}/accept", remote.id())
                .then().statusCode(201);
        given().header(PersonalLinks.HEADER, remote.link())
                .when().get("/invitations/{id}/visa-letters/1", remote.id())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:visa-letter-not-in-person"));

        Invitations.Issued declined = Invitations.issue(clock, forumId, "KE", Language.EN, Invitations.deadlineIn(clock, 20));
        as(declined.link()).body("{}").when().post("/invitations/{id}/decline", declined.id()).then().statusCode(201);
        given().header(PersonalLinks.HEADER, declined.link())
                .when().get("/invitations/{id}/visa-letters/1", declined.id())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:visa-letter-not-in-person"));

        Invitations.Issued accepted = acceptedInPerson(forumId, "KE", Language.EN, "Head", "Adviser");
        given().header(PersonalLinks.HEADER, accepted.link())
                .when().get("/invitations/{id}/visa-letters/3", accepted.id())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:visa-letter-member-not-found"));
        given().header(PersonalLinks.HEADER, accepted.link()).queryParam("lang", "de")
                .when().get("/invitations/{id}/visa-letters/1", accepted.id())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lang"));
        // Another invitation's link, and no link at all.
        given().header(PersonalLinks.HEADER, remote.link())
                .when().get("/invitations/{id}/visa-letters/1", accepted.id())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/invitations/{id}/visa-letters/1", accepted.id())
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(TestPostgres.queryLong(RegistrationServiceTest.DATABASE,
                "select count(*) from visa_letter where invitation_id in (?, ?, ?)",
                remote.id(), declined.id(), accepted.id())).isZero();
    }

    @Test
    void theSecretariatVerifiesAReferenceUntilTheReplyStopsBeingInPerson() {
        Invitations.Issued invitation = acceptedInPerson(forum(), "CH", Language.FR, "Aline Dupont", "Marc Roy");
        String reference = reference(download(invitation, 2));

        given().auth().oauth2(TestTokens.secretariat()).when().get("/visa-letters/{reference}", reference)
                .then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("invitationId", equalTo(invitation.id().toString()))
                .body("letterReference", equalTo("CL-22/010"))
                .body("memberState", equalTo("CH"))
                .body("memberName", equalTo("Marc Roy"))
                .body("memberTitle", equalTo("Adviser"))
                .body("language", equalTo("fr"))
                .body("replyVersion", equalTo(1))
                .body("valid", equalTo(true))
                .body("invalidReason", nullValue());

        as(invitation.link()).body(acceptBody("REMOTE", "Aline Dupont", "Marc Roy"))
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201);

        given().auth().oauth2(TestTokens.ops()).when().get("/visa-letters/{reference}", reference.toLowerCase())
                .then().statusCode(200)
                .body("memberName", equalTo("Marc Roy"))
                .body("valid", equalTo(false))
                .body("invalidReason", equalTo("no-longer-in-person"));
        // The letters of the new reply: none, it is remote.
        given().header(PersonalLinks.HEADER, invitation.link())
                .when().get("/invitations/{id}/visa-letters/2", invitation.id()).then().statusCode(409);
    }

    @Test
    void aLetterNoLongerHoldsForAMemberDroppedFromTheDelegation() {
        Invitations.Issued invitation = acceptedInPerson(forum(), "CH", Language.FR, "Aline Dupont", "Marc Roy");
        String reference = reference(download(invitation, 2));
        as(invitation.link()).body(acceptBody("IN_PERSON", "Aline Dupont"))
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201);

        given().auth().oauth2(TestTokens.secretariat()).when().get("/visa-letters/{reference}", reference)
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("invalidReason", equalTo("member-no-longer-in-delegation"));
    }

    @Test
    void onlyStaffVerifyAndAnUnknownReferenceIsNotFound() {
        Invitations.Issued invitation = acceptedInPerson(forum(), "CH", Language.FR, "Aline Dupont");
        String reference = reference(download(invitation, 1));

        given().when().get("/visa-letters/{reference}", reference)
                .then().statusCode(401).contentType("application/problem+json");
        given().header(PersonalLinks.HEADER, invitation.link()).when().get("/visa-letters/{reference}", reference)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.withoutRole()).when().get("/visa-letters/{reference}", reference)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.secretariat()).when().get("/visa-letters/{reference}", "WSIS-VL-0000000000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:visa-letter-not-found"));
    }
}
