package itu.wsis.invitation;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import itu.wsis.testing.TestTokens;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Builds test data through the API, each call with unique codes so that tests share one database safely. */
final class Fixtures {

    private Fixtures() {
    }

    static RequestSpecification asSecretariat() {
        return given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON);
    }

    static RequestSpecification asOps() {
        return given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Map<String, Object> forum(String code) {
        return Map.ofEntries(
                Map.entry("code", code),
                Map.entry("names", sixLanguages("Forum " + code)),
                Map.entry("themes", sixLanguages("Theme of " + code)),
                Map.entry("virtualPhaseStart", "2022-03-15"),
                Map.entry("inPersonStart", "2022-05-30"),
                Map.entry("inPersonEnd", "2022-06-03"),
                Map.entry("venue", "ITU headquarters, Geneva"),
                Map.entry("format", "HYBRID"),
                Map.entry("timeZone", "Europe/Zurich"),
                Map.entry("forumSiteUrl", "https://www.itu.int/net4/wsis/forum/2022/fr"),
                Map.entry("speakingRequestUrl", "https://www.itu.int/net4/wsis/forum/2022/fr/HighLevel"),
                Map.entry("partnershipUrl", "https://www.itu.int/go/wsisfund"));
    }

    static Map<String, String> sixLanguages(String text) {
        return Map.of("ar", text + " (ar)", "en", text, "es", text + " (es)", "fr", text + " (fr)",
                "ru", text + " (ru)", "zh", text + " (zh)");
    }

    static UUID createForum() {
        return UUID.fromString(asSecretariat().body(forum(unique("T"))).post("/forums")
                .then().statusCode(201).extract().path("id"));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static Map<String, Object> letter(String reference, LocalDate letterDate, LocalDate responseDeadline) {
        Map<String, Object> letter = new java.util.HashMap<>(Map.of(
                "letterDate", letterDate.toString(),
                "signatory", Map.of("name", "Houlin Zhao", "title", "Secretary-General"),
                "contact", Map.of("name", "Gitanjali Sah", "email", "wsis-info@itu.int", "phone", "+41 22 730 5350"),
                "originalLanguage", "fr",
                "texts", Map.of("fr", Map.of("subject", "Invitation " + reference, "body", "Madame la Ministre, ..."),
                        "en", Map.of("subject", "Invitation " + reference, "body", "Excellency, ...")),
                "addresseeClass", "Ministers of ITU Member States",
                "responseDeadline", responseDeadline.toString(),
                "speakingRequestDeadline", responseDeadline.toString()));
        if (reference != null) {
            letter.put("reference", reference);
        }
        return letter;
    }

    /** A draft letter whose response deadline is 30 days ahead. */
    static UUID createLetter(UUID forumId) {
        return createLetter(forumId, today().minusDays(1), today().plusDays(30));
    }

    static UUID createLetter(UUID forumId, LocalDate letterDate, LocalDate deadline) {
        return UUID.fromString(asSecretariat().body(letter(unique("CL"), letterDate, deadline))
                .post("/forums/{id}/letters", forumId).then().statusCode(201).extract().path("id"));
    }

    static UUID publishedLetter() {
        UUID letterId = createLetter(createForum());
        asSecretariat().post("/letters/{id}/publish", letterId).then().statusCode(200);
        return letterId;
    }

    /** The first day of the in-person week of {@link #upcomingForum}, relative to the clock. */
    static LocalDate upcomingInPersonStart() {
        return today().plusDays(60);
    }

    /**
     * A forum still ahead of the clock: personal links end with the forum (plus a week), so link tests need one whose
     * links have not expired yet ({@link #forum} is WSIS Forum 2022, long over for the test clock).
     */
    static UUID upcomingForum() {
        Map<String, Object> forum = new java.util.HashMap<>(forum(unique("T")));
        forum.put("virtualPhaseStart", today().minusDays(5).toString());
        forum.put("inPersonStart", upcomingInPersonStart().toString());
        forum.put("inPersonEnd", upcomingInPersonStart().plusDays(4).toString());
        return UUID.fromString(asSecretariat().body(forum).post("/forums").then().statusCode(201).extract().path("id"));
    }

    /** A published letter of an {@link #upcomingForum}, for invitations whose links are used. */
    static UUID publishedLetterOfUpcomingForum() {
        UUID letterId = createLetter(upcomingForum());
        asSecretariat().post("/letters/{id}/publish", letterId).then().statusCode(200);
        return letterId;
    }

    static Map<String, Object> invitee(String memberState, String email) {
        return Map.of("memberState", memberState, "fullName", "Test Minister " + email.hashCode(),
                "formOfAddress", "EXCELLENCY", "rank", "MINISTER", "title", "Minister of ICT",
                "ministry", "Ministry of ICT", "email", email, "cc", java.util.List.of("focal." + email));
    }

    static UUID createInvitee(String memberState) {
        return UUID.fromString(asSecretariat().body(invitee(memberState, unique("m").toLowerCase() + "@example.org"))
                .post("/invitees").then().statusCode(201).extract().path("id"));
    }

    static UUID issue(UUID letterId, UUID inviteeId) {
        return UUID.fromString(asSecretariat().body(Map.of("inviteeId", inviteeId))
                .post("/letters/{id}/invitations", letterId).then().statusCode(201).extract().path("id"));
    }
}
