package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import itu.wsis.web.client.Models;
import itu.wsis.web.i18n.Messages;
import itu.wsis.web.i18n.Texts;
import itu.wsis.web.i18n.UiLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/**
 * Issue #17: the delegation's speaking request after its submission (where it stands, a new speaker, withdrawal
 * behind a confirmation), the forum's and the contact's links, and the services' refusals and failures as pages in
 * the invitee's language.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class SpeakingRequestPagesTest {

    record Session(String link, String csrfCookie, String csrfField) {
        RequestSpecification post() {
            return post("en");
        }

        /** {@code lang}: the language the browser's pages were last shown in (its cookie). */
        RequestSpecification post(String lang) {
            return given().redirects().follow(false).cookie("wsis-link", link).cookie("csrf-token", csrfCookie)
                    .cookie("wsis-lang", lang).header("Origin", CsrfTest.ORIGIN).contentType(ContentType.URLENC)
                    .formParam("csrf-token", csrfField);
        }
    }

    static Session open(UUID invitation, String path) {
        String link = FakeServices.token(invitation);
        Response page = given().cookie("wsis-link", link).get(path);
        page.then().statusCode(200);
        Matcher field = CsrfTest.FIELD.matcher(page.asString());
        assertThat(field.find()).as("a form with its CSRF token on %s", path).isTrue();
        return new Session(link, page.getCookie("csrf-token"), field.group(1));
    }

    @Test
    void anAllocatedRequestShowsItsSessionAndSlotInGenevaAndLocalTimeWithItsActions() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.ALLOCATED)).get("/invitation").then()
                .statusCode(200)
                .body(containsString("<div id=\"speaking-status\" data-status=\"ALLOCATED\">"))
                .body(containsString("<dd id=\"speaking-session\">Opening ministerial session</dd>"))
                // 07:20 UTC: 09:20 in Geneva (summer time), 15:20 in Shanghai, the invitee's zone.
                .body(containsString("<span id=\"speaking-time-geneva\">May 31, 2022, 9:20 AM, Geneva time</span>"))
                .body(containsString("<span id=\"speaking-time-local\">May 31, 2022, 3:20 PM in your time zone (Asia/Shanghai)</span>"))
                .body(containsString("<dd id=\"speaking-position\">Speaker number 3 in the session</dd>"))
                .body(containsString("<a id=\"change-speaker-link\" href=\"/invitation/speaking-request/speaker\">Change the speaker</a>"))
                .body(containsString("<a id=\"withdraw-speaking-link\" href=\"/invitation/speaking-request/withdraw\">"))
                // An active request: no second request form.
                .body(not(containsString("id=\"speaking-form\"")));
    }

    /** Where to go (issue 17): the venue and room in person, the join link as a real link for a remote live seat. */
    @Test
    void anAllocatedSeatShowsTheRoomOrForARemoteLiveSpeakerTheJoinLink() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.ALLOCATED)).get("/invitation").then()
                .statusCode(200)
                .body(containsString("<dt>Location</dt><dd id=\"speaking-place\">ITU headquarters, Geneva, Room 2</dd>"))
                .body(not(containsString("speaking-join")));
        given().cookie("wsis-link", FakeServices.token(FakeServices.REMOTE_SEAT)).get("/invitation").then()
                .statusCode(200)
                .body(containsString("<dt>Remote participation</dt><dd><a id=\"speaking-join-link\" "
                        + "href=\"https://meet.example.org/j/hlps-1?pwd=a&amp;b=c\">Join the session (your personal "
                        + "link: please do not forward it)</a></dd>"))
                .body(not(containsString("speaking-place")))
                .body(not(containsString("speaking-join-pending")));
        for (String lang : List.of("ar", "es", "fr", "ru", "zh")) {
            String page = given().cookie("wsis-link", FakeServices.token(FakeServices.REMOTE_SEAT))
                    .queryParam("lang", lang).get("/invitation").then().statusCode(200).extract().asString();
            UiLanguage language = UiLanguage.valueOf(lang.toUpperCase(java.util.Locale.ROOT));
            assertThat(page).as(lang)
                    .contains("<dt>" + Messages.of(language).join_label() + "</dt>")
                    .contains("href=\"https://meet.example.org/j/hlps-1?pwd=a&amp;b=c\">"
                            + Messages.of(language).join_link().replace("'", "&#39;") + "</a>");
            String inPerson = given().cookie("wsis-link", FakeServices.token(FakeServices.ALLOCATED))
                    .queryParam("lang", lang).get("/invitation").then().statusCode(200).extract().asString();
            assertThat(inPerson).as(lang).contains("<dd id=\"speaking-place\">"
                    + Messages.of(language).place_format("ITU headquarters, Geneva", "Room 2") + "</dd>");
        }
        given().cookie("wsis-link", FakeServices.token(FakeServices.REMOTE_NO_LINK)).get("/invitation").then()
                .statusCode(200)
                .body(containsString("<dd id=\"speaking-join-pending\">The link to join the session remotely will "
                        + "be sent to you by email as soon as it is available.</dd>"))
                .body(not(containsString("speaking-join-link")));
    }

    @Test
    void anInviteeWhoseClockReadsAsGenevasGetsTheSlotOnce() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.REFUSING)).get("/invitation").then()
                .statusCode(200)
                .body(containsString("<span id=\"speaking-time-geneva\">May 31, 2022, 9:20 AM, Geneva time</span>"))
                .body(not(containsString("speaking-time-local")));
    }

    @Test
    void aWaitlistedRequestShowsItsPlaceWithWesternDigitsInArabic() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.PENDING_RANK)).get("/invitation").then()
                .statusCode(200).body(containsString("<dd id=\"speaking-position\">Number 2 on the waiting list</dd>"));
        String arabic = given().cookie("wsis-link", FakeServices.token(FakeServices.PENDING_RANK))
                .queryParam("lang", "ar").get("/invitation").then().statusCode(200).extract().asString();
        assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\">").containsPattern("id=\"speaking-position\">[^<]*2[^<]*<")
                .doesNotContainPattern("[\u0660-\u0669]");
    }

    @Test
    void theForumSiteThePartnershipOffersTheSpeakingPageAndTheContactAreLinks() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.ALLOCATED)).get("/invitation").then()
                .statusCode(200)
                .body(containsString("<a id=\"forum-site-link\" href=\"https://www.itu.int/net4/wsis/forum/2022/\">The forum&#39;s website</a>"))
                .body(containsString("<a id=\"partnership-link\" href=\"https://www.itu.int/go/wsisfund\">"))
                .body(containsString("<a id=\"speaking-info-link\" href=\"https://www.itu.int/net4/wsis/forum/2022/HighLevel?x=1&amp;y=2\">"))
                .body(containsString("<a id=\"contact-email\" href=\"mailto:wsis-info@itu.int\">wsis-info@itu.int</a>"))
                .body(containsString("<a id=\"contact-phone\" href=\"tel:+41227305111\" dir=\"ltr\">+41 22 730 5111</a>"))
                .body(containsString("Gitanjali Sah"));
    }

    @Test
    void theSpeakerPageStartsFromTheCurrentSpeakerAndSendsTheNewOne() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.ALLOCATED)).queryParam("lang", "fr")
                .get("/invitation/speaking-request/speaker").then().statusCode(200)
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("<title>Changer d&#39;orateur — WSIS Forum 2022</title>"))
                .body(containsString("href=\"/invitation/speaking-request/speaker?lang=en\""))
                .body(containsString("id=\"speaker-name\" name=\"speaker-name\" value=\"H.E. Ms Amina Diallo\""))
                .body(containsString("<input type=\"radio\" id=\"speaker-minister\" name=\"speaker\" value=\"minister\" checked>"));

        Session s = open(FakeServices.ALLOCATED, "/invitation/speaking-request/speaker");
        int changed = FakeServices.CHANGED.size();
        s.post().formParam("speaker", "substitute").formParam("speaker-name", "Mr Kofi Mensah")
                .formParam("speaker-title", "Deputy Minister").formParam("speaker-rank", "DEPUTY_MINISTER")
                .post("/invitation/speaking-request/speaker").then().statusCode(303)
                .header("Location", endsWith("/invitation?saved=speaker"));
        assertThat(FakeServices.CHANGED).hasSize(changed + 1);
        assertThat(FakeServices.CHANGED.get(changed))
                .startsWith("PUT /invitations/" + FakeServices.ALLOCATED + "/speaking-request/speaker ")
                .contains("{\"name\":\"Mr Kofi Mensah\",\"title\":\"Deputy Minister\",\"rank\":\"DEPUTY_MINISTER\",\"substitute\":true}");
        given().cookie("wsis-link", s.link()).queryParam("saved", "speaker").get("/invitation").then()
                .body(containsString("<p id=\"saved\">The new speaker has been recorded.</p>"));
    }

    @Test
    void aSpeakerFormLeftIncompleteComesBackWithItsErrorsAndNothingIsSent() {
        Session s = open(FakeServices.ALLOCATED, "/invitation/speaking-request/speaker");
        int changed = FakeServices.CHANGED.size();
        s.post().formParam("speaker", "substitute").formParam("speaker-name", "").formParam("speaker-title", "Envoy")
                .formParam("speaker-rank", "")
                .post("/invitation/speaking-request/speaker").then().statusCode(422)
                .body(containsString("<p id=\"speaker-name-error\" class=\"error\">Enter the full name.</p>"))
                .body(containsString("<p id=\"speaker-rank-error\" class=\"error\">Choose the rank of the substitute.</p>"))
                .body(containsString("<a href=\"#speaker-name\">"))
                .body(containsString("value=\"Envoy\""));
        assertThat(FakeServices.CHANGED).hasSize(changed);
    }

    @Test
    void withdrawingAsksForAConfirmationFirstThenWithdraws() {
        int changed = FakeServices.CHANGED.size();
        given().cookie("wsis-link", FakeServices.token(FakeServices.ALLOCATED))
                .get("/invitation/speaking-request/withdraw").then().statusCode(200)
                .body(containsString("<h1>Withdraw the request for speaking time</h1>"))
                .body(containsString("<form method=\"post\" action=\"/invitation/speaking-request/withdraw\" id=\"withdraw-speaking-form\">"))
                .body(containsString("<a id=\"keep-speaking-link\" href=\"/invitation#speaking-h\">No, keep the request</a>"))
                .body(containsString("<dd id=\"speaking-session\">Opening ministerial session</dd>"));
        // Opening the confirmation changed nothing (a GET never does: mail scanners follow links).
        assertThat(FakeServices.CHANGED).hasSize(changed);

        Session s = open(FakeServices.ALLOCATED, "/invitation/speaking-request/withdraw");
        s.post().post("/invitation/speaking-request/withdraw").then().statusCode(303)
                .header("Location", endsWith("/invitation?saved=speaking_withdrawn"));
        assertThat(FakeServices.CHANGED).hasSize(changed + 1);
        assertThat(FakeServices.CHANGED.get(changed))
                .startsWith("DELETE /invitations/" + FakeServices.ALLOCATED + "/speaking-request");
    }

    @Test
    void withoutAnActiveRequestTheSpeakerAndWithdrawPagesLeadBackToTheInvitation() {
        for (String path : List.of("/invitation/speaking-request/speaker", "/invitation/speaking-request/withdraw")) {
            given().redirects().follow(false).cookie("wsis-link", FakeServices.token(FakeServices.ENGLISH)).get(path)
                    .then().statusCode(303).header("Location", "/invitation");
        }
    }

    @Test
    void aRefusalIsASentenceInThePagesLanguageNeverTheServicesEnglishDetail() {
        Session s = open(FakeServices.REFUSING, "/invitation/speaking-request/speaker");
        String page = s.post("es").formParam("speaker", "minister").formParam("speaker-name", "A B")
                .formParam("speaker-title", "Minister").post("/invitation/speaking-request/speaker").then()
                .statusCode(422).extract().asString();
        assertThat(page).contains("<p id=\"form-problem\">Esta solicitud de tiempo de palabra ya está cerrada")
                .doesNotContain("already WITHDRAWN").doesNotContain("urn:wsis:problem").doesNotContain("\"status\"");
        // A withdrawal, which the service refuses as finding no active request (it answers no 409 there).
        s = open(FakeServices.REFUSING, "/invitation/speaking-request/withdraw");
        page = s.post("es").post("/invitation/speaking-request/withdraw").then().statusCode(422).extract().asString();
        assertThat(page).contains("<p id=\"form-problem\">Su delegación no tiene ninguna solicitud de tiempo de "
                + "palabra en curso").doesNotContain("urn:wsis:problem");
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void everyRefusalOfTheServicesHasASentenceInEveryLanguage(UiLanguage language) {
        for (String slug : List.of("request-closed", "speaking-request-not-found", "session-not-found",
                "session-full", "modality-not-offered", "request-exists", "reply-not-accepted", "invitation-not-ready",
                "invitation-revoked", "personal-data-erased", "reply-deadline-passed", "reply-locked-after-deadline",
                "reply-conflict", "invalid-request", "forum-not-known-yet", "payload-too-large", "rate-limited",
                "database-unavailable", "service-unavailable")) {
            assertThat(Texts.refusal(Messages.of(language), "refused_" + slug.replace('-', '_'))).as(slug)
                    .isNotNull();
        }
        Models.Problem unknown = new Models.Problem("urn:wsis:problem:something-new", "Something new", 409,
                "An English detail", List.of(), null, null);
        assertThat(InviteePages.refusal(unknown, language)).isEqualTo(Messages.of(language).refused_generic())
                .doesNotContain("English detail");
    }

    @Test
    void aServiceFailingOnAChangeGivesATryAgainLaterPageNotTheForm() {
        Session s = open(FakeServices.FAILING, "/invitation/speaking-request/speaker");
        s.post("zh").formParam("speaker", "minister").formParam("speaker-name", "A B")
                .formParam("speaker-title", "Minister").post("/invitation/speaking-request/speaker").then()
                .statusCode(502).body(containsString("<html lang=\"zh\" dir=\"ltr\">"))
                .body(containsString("data-trouble=\"unavailable\""))
                // The change may have been recorded before the failure: the page says so, never "nothing changed".
                .body(containsString("<p>" + Messages.of(UiLanguage.ZH).trouble_unavailable_text() + "</p>"))
                .body(not(containsString("<form")));
    }

    /**
     * speaking-request-service is not the page's core: when it fails, the invitee can still reply to the invitation,
     * and only the speaking-time section says, in the page's language, to try again later (no request form as if
     * there were no request, no actions on a request the page cannot see).
     */
    @ParameterizedTest
    @EnumSource(value = UiLanguage.class, names = {"EN", "AR"})
    void aSpeakingServiceThatFailsLeavesTheReplyFormsAndSaysSoInTheSpeakingSectionOnly(UiLanguage language) {
        for (UUID invitation : List.of(FakeServices.SPEAKING_DOWN, FakeServices.SESSIONS_DOWN)) {
            String page = given().cookie("wsis-link", FakeServices.token(invitation))
                    .queryParam("lang", language.code()).get("/invitation").then().statusCode(200)
                    .extract().asString();
            assertThat(page).as("%s in %s", invitation, language)
                    .contains("<html lang=\"" + language.code() + "\" dir=\"" + language.dir() + "\">")
                    .contains("id=\"accept-form\"").contains("id=\"decline-form\"").contains("id=\"withdraw-form\"")
                    .contains("<p id=\"speaking-unavailable\" class=\"warning\">"
                            + Messages.of(language).speaking_unavailable() + "</p>")
                    .doesNotContain("data-trouble").doesNotContain("id=\"speaking-form\"")
                    .doesNotContain("id=\"speaking-status\"").doesNotContain("change-speaker-link")
                    .doesNotContain("withdraw-speaking-link").doesNotContain("id=\"speaking-not-ready\"");
        }
    }

    @Test
    void aReplyFormRefusedWhileTheSpeakingServiceFailsComesBackWithTheSpeakingSectionSayingSo() {
        Session s = open(FakeServices.SPEAKING_DOWN, "/invitation");
        int posted = FakeServices.POSTED.size();
        String page = s.post("ar").formParam("reason", "x".repeat(2001)).post("/invitation/decline").then()
                .statusCode(422).extract().asString();
        assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\">").contains("id=\"decline-form\"")
                .contains("id=\"reason-error\"")
                .contains(Messages.of(UiLanguage.AR).speaking_unavailable()).doesNotContain("data-trouble");
        assertThat(FakeServices.POSTED).hasSize(posted);
    }

    @Test
    void theSpeakingRequestsOwnPagesStillGiveATryAgainLaterPageWhenTheSpeakingServiceFails() {
        for (String path : List.of("/invitation/speaking-request/speaker", "/invitation/speaking-request/withdraw")) {
            given().redirects().follow(false).cookie("wsis-link", FakeServices.token(FakeServices.SPEAKING_DOWN))
                    .queryParam("lang", "ar").get(path).then().statusCode(502)
                    .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                    .body(containsString("data-trouble=\"unavailable\""))
                    .body(not(containsString("<form")));
        }
    }

    /** registration- and invitation-service are the page's core: without them there is no page to show. */
    @ParameterizedTest
    @EnumSource(value = UiLanguage.class, names = {"EN", "AR"})
    void aRegistrationServiceThatFailsStillGivesTheTryAgainLaterPage(UiLanguage language) {
        String page = given().cookie("wsis-link", FakeServices.token(FakeServices.REGISTRATION_DOWN))
                .queryParam("lang", language.code()).get("/invitation").then().statusCode(502).extract().asString();
        assertThat(page).contains("<html lang=\"" + language.code() + "\" dir=\"" + language.dir() + "\">")
                .contains("data-trouble=\"unavailable\"")
                .contains(Messages.of(language).trouble_unavailable_title())
                .contains(Messages.of(language).trouble_unavailable_text())
                .doesNotContain("<form").doesNotContain("speaking-unavailable");
    }

    @Test
    void anInvitationServiceThatFailsStillGivesTheTryAgainLaterPageInEveryLanguage() {
        String page = given().cookie("wsis-link", FakeServices.token(FakeServices.LETTER_DOWN)).get("/invitation")
                .then().statusCode(502).extract().asString();
        // The letter gives the invitee's language: without it the page speaks all six, English first.
        assertThat(page).contains("data-trouble=\"unavailable\"")
                .contains(Messages.of(UiLanguage.EN).trouble_unavailable_title())
                .contains(Messages.of(UiLanguage.AR).trouble_unavailable_text())
                .doesNotContain("<form").doesNotContain("speaking-unavailable");
    }

    /**
     * A submission that timed out or failed (5xx) may have been recorded before the failure: the try-again-later
     * page must not say that nothing changed, and sends the invitee to the page that shows where things stand.
     */
    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void theTryAgainLaterTextDoesNotPromiseThatNothingChanged(UiLanguage language) {
        String text = Messages.of(language).trouble_unavailable_text();
        for (String promise : List.of("Nothing has been changed", "Rien n'a été modifié", "No se ha modificado nada",
                "Ничего не изменено", "未作任何更改", "لم يُغيَّر أي شيء")) {
            assertThat(text).as(language.code()).doesNotContain(promise);
        }
    }

    @Test
    void aSpeakingServiceThatDoesNotKnowTheAcceptanceYetSaysSoInsteadOfAForm() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.SPEAKING_NOT_READY)).get("/invitation").then()
                .statusCode(200).body(containsString("<p id=\"speaking-not-ready\">"))
                .body(not(containsString("id=\"speaking-form\"")));
    }
}
