package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.web.SpeakingRequestPagesTest.Session;
import itu.wsis.web.i18n.Messages;
import itu.wsis.web.i18n.UiLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.web.SpeakingRequestPagesTest.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/**
 * Issue #17: the Ministerial Round Table on the invitee's page. A seat is requested, shown where it stands
 * (requested, on the waiting list, seated, released) and withdrawn behind a confirmation; a rank that may not sit
 * gets the service's refusal as a sentence in the page's language. The services are {@link FakeServices}.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class RoundTablePagesTest {

    static String page(UUID invitation, String lang) {
        return given().cookie("wsis-link", FakeServices.token(invitation)).queryParam("lang", lang).get("/invitation")
                .then().statusCode(200).extract().asString();
    }

    /** The round table's section alone, from its heading to the end of the section. */
    static String section(String page) {
        int start = page.indexOf("<section aria-labelledby=\"round-table-h\"");
        assertThat(start).as("the round table's section").isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void aForumWithARoundTableShowsItsTimePlaceAndSeatsAndTheFormToRequestASeat() {
        String section = section(page(FakeServices.RT_OPEN, "en"));
        assertThat(section)
                .contains("<h2 id=\"round-table-h\">Ministerial Round Table</h2>")
                .contains("<strong>Ministerial Round Table: the information society twenty years on</strong>")
                // 14:30 UTC: 16:30 in Geneva (summer time), 22:30 in Shanghai, the invitee's zone.
                .contains("<span id=\"round-table-time-geneva\">June 2, 2022, 4:30 PM, Geneva time</span>")
                .contains("<span id=\"round-table-time-local\">June 2, 2022, 10:30 PM in your time zone (Asia/Shanghai)</span>")
                .contains("<dd id=\"round-table-place\">ITU headquarters, Geneva, Room 1</dd>")
                .contains("<dd id=\"round-table-seats\">20 seats in all</dd>")
                .contains("<form method=\"post\" action=\"/invitation/round-table\" id=\"seat-form\" novalidate>")
                .contains("<input type=\"hidden\" name=\"round-table\" value=\"" + FakeServices.ROUND_TABLE + "\">")
                .containsPattern("<input type=\"hidden\" name=\"csrf-token\" value=\"[^\"]+\">")
                // Ministers only: a substitute's ranks stop at Minister.
                .contains("<option value=\"MINISTER\">Minister</option>")
                .doesNotContain("DEPUTY_MINISTER").doesNotContain("AMBASSADOR")
                // The round table's own modalities; no pre-recorded video where it takes none.
                .contains("value=\"IN_PERSON\"").contains("value=\"REMOTE_LIVE\"").doesNotContain("value=\"VIDEO\"")
                .doesNotContain("id=\"seat-status\"");
        // A seat, never speaking time: no statement, no slot, no speaker order, no time limit.
        assertThat(section.toLowerCase(Locale.ROOT)).doesNotContain("statement").doesNotContain("slot")
                .doesNotContain("speak").doesNotContain("minute");
    }

    @Test
    void aForumWithoutARoundTableHasNoSuchSection() {
        assertThat(page(FakeServices.ALLOCATED, "en")).doesNotContain("round-table");
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void theSectionIsInThePagesLanguage(UiLanguage language) {
        String page = page(FakeServices.RT_OPEN, language.code());
        assertThat(page).contains("<html lang=\"" + language.code() + "\" dir=\"" + language.dir() + "\">");
        String section = section(page);
        assertThat(section)
                .contains("<h2 id=\"round-table-h\">" + Messages.get(language, "round_table_heading") + "</h2>")
                .contains(html(Messages.get(language, "round_table_hint")))
                .contains(html(Messages.get(language, "seat_submit")))
                .contains(html(Messages.format(language, "seat_capacity", 20)));
        if (language != UiLanguage.EN) {
            assertThat(section).doesNotContain(Messages.get(UiLanguage.EN, "seat_submit"));
        }
        String seated = section(page(FakeServices.RT_SEATED, language.code()));
        assertThat(seated).contains(html(Messages.get(language, "seat_ALLOCATED")))
                .contains(html(Messages.format(language, "seat_number", 5)));
    }

    @Test
    void requestingASeatSendsTheRoundTableAloneWithItsTitleAndRedirects() {
        Session s = open(FakeServices.RT_OPEN, "/invitation");
        int posted = FakeServices.POSTED.size();
        s.post().formParam("round-table", FakeServices.ROUND_TABLE.toString()).formParam("seat-holder", "substitute")
                .formParam("seat-name", "H.E. Mr Kofi Mensah").formParam("seat-title", "Minister of Communications")
                .formParam("seat-rank", "MINISTER").formParam("seat-language", "fr")
                .formParam("seat-modality", "REMOTE_LIVE")
                .post("/invitation/round-table").then().statusCode(303)
                .header("Location", endsWith("/invitation?saved=seat"));
        assertThat(FakeServices.POSTED).hasSize(posted + 1);
        assertThat(FakeServices.POSTED.get(posted))
                .startsWith("/invitations/" + FakeServices.RT_OPEN + "/speaking-request ")
                .contains("\"speaker\":{\"name\":\"H.E. Mr Kofi Mensah\",\"title\":\"Minister of Communications\","
                        + "\"rank\":\"MINISTER\",\"substitute\":true}")
                .contains("\"preferredSessionIds\":[\"" + FakeServices.ROUND_TABLE + "\"]")
                .contains("\"statementLanguage\":\"fr\"").contains("\"modality\":\"REMOTE_LIVE\"")
                .contains("\"topic\":\"Ministerial Round Table: the information society twenty years on\"");
        given().cookie("wsis-link", s.link()).queryParam("saved", "seat").queryParam("lang", "ru").get("/invitation")
                .then().body(containsString("<p id=\"saved\">" + Messages.get(UiLanguage.RU, "saved_seat") + "</p>"));
    }

    @Test
    void anIncompleteSeatFormComesBackWithItsErrorsAndNothingIsSent() {
        Session s = open(FakeServices.RT_OPEN, "/invitation");
        int posted = FakeServices.POSTED.size();
        String page = s.post().formParam("round-table", FakeServices.ROUND_TABLE.toString())
                .formParam("seat-holder", "substitute").formParam("seat-name", "")
                .formParam("seat-title", "Envoy").formParam("seat-rank", "AMBASSADOR")
                .formParam("seat-language", "en").formParam("seat-modality", "")
                .post("/invitation/round-table").then().statusCode(422).extract().asString();
        assertThat(page)
                .contains("<p id=\"seat-name-error\" class=\"error\">Enter the full name.</p>")
                .contains("<p id=\"seat-rank-error\" class=\"error\">Choose the rank of the substitute: Head of "
                        + "State, Head of Government or Minister.</p>")
                .contains("<p id=\"seat-modality-error\" class=\"error\">Choose how the seat holder will take part.</p>")
                .contains("<a href=\"#seat-name\">").contains("<a href=\"#seat-modality\">")
                .contains("value=\"Envoy\"")
                .contains("<input type=\"radio\" id=\"seat-substitute\" name=\"seat-holder\" value=\"substitute\" checked>")
                // The other form of the page is not blamed.
                .doesNotContain("id=\"speaker-name-error\"");
        assertThat(FakeServices.POSTED).hasSize(posted);
    }

    /** A Deputy Minister's delegation: the service refuses, the page says why in its language, keeps the form. */
    @ParameterizedTest
    @EnumSource(value = UiLanguage.class, names = {"EN", "FR", "AR", "ZH"})
    void aRankThatMayNotSitGetsTheServicesRefusalAsASentenceInThePagesLanguage(UiLanguage language) {
        Session s = open(FakeServices.RT_MINISTERS_ONLY, "/invitation");
        String page = s.post(language.code()).formParam("round-table", FakeServices.ROUND_TABLE.toString())
                .formParam("seat-holder", "minister").formParam("seat-name", "Mr Deputy")
                .formParam("seat-title", "Deputy Minister").formParam("seat-language", "en")
                .formParam("seat-modality", "IN_PERSON")
                .post("/invitation/round-table").then().statusCode(422).extract().asString();
        assertThat(page).contains("<html lang=\"" + language.code() + "\" dir=\"" + language.dir() + "\">")
                .contains("<p id=\"form-problem\">"
                        + html(Messages.get(language, "refused_seat_round_table_ministers_only")) + "</p>")
                .contains("id=\"seat-form\"").contains("value=\"Mr Deputy\"")
                .doesNotContain("data-trouble").doesNotContain("for ministers only\"")
                .doesNotContain("urn:wsis:problem");
    }

    @Test
    void aSeatedDelegationSeesItsSeatAndPlaceAndMayWithdrawButNotAskAgain() {
        String section = section(page(FakeServices.RT_SEATED, "en"));
        assertThat(section)
                .contains("<div id=\"seat-status\" data-status=\"ALLOCATED\">")
                .contains("<strong>Seated: a seat at the round table is reserved for your delegation.</strong>")
                .contains("<dd id=\"seat-holder\">H.E. Ms Amina Diallo, Minister</dd>")
                .contains("<dd id=\"seat-position\">Seat number 5</dd>")
                .contains("<dd id=\"seat-place\">ITU headquarters, Geneva, Room 1</dd>")
                .contains("<a id=\"withdraw-seat-link\" href=\"/invitation/round-table/withdraw\">Withdraw the request for a seat</a>")
                .doesNotContain("id=\"seat-form\"");
        // The request for speaking time is another request: its own section stays as it was.
        assertThat(page(FakeServices.RT_SEATED, "en"))
                .contains("<div id=\"speaking-status\" data-status=\"ALLOCATED\">");
    }

    @Test
    void aWaitingRequestARecordedOneAndAReleasedOneSayWhereTheyStand() {
        assertThat(section(page(FakeServices.RT_WAITING, "en")))
                .contains("<div id=\"seat-status\" data-status=\"WAITLISTED\">")
                .contains("<strong>Your request for a seat is on the waiting list.</strong>")
                .contains("<dd id=\"seat-position\">Number 2 on the waiting list for a seat</dd>")
                .contains("id=\"withdraw-seat-link\"").doesNotContain("id=\"seat-form\"");
        assertThat(section(page(FakeServices.RT_REQUESTED, "en")))
                .contains("<strong>Your request for a seat has been received and is waiting for the seats to be "
                        + "assigned.</strong>")
                .doesNotContain("seat-position").contains("id=\"withdraw-seat-link\"");
        // Released: said so, and the delegation may ask again.
        assertThat(section(page(FakeServices.RT_RELEASED, "en")))
                .contains("<div id=\"seat-status\" data-status=\"WITHDRAWN\">")
                .contains("<strong>Released: your delegation has withdrawn its request for a seat.</strong>")
                .doesNotContain("withdraw-seat-link").contains("id=\"seat-form\"");
    }

    @Test
    void withdrawingTheSeatRequestAsksForAConfirmationThenWithdrawsThatRequestOnly() {
        int changed = FakeServices.CHANGED.size();
        given().cookie("wsis-link", FakeServices.token(FakeServices.RT_SEATED)).queryParam("lang", "fr")
                .get("/invitation/round-table/withdraw").then().statusCode(200)
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("<h1>Retirer la demande de siège à la table ronde</h1>"))
                .body(containsString("<form method=\"post\" action=\"/invitation/round-table/withdraw\" id=\"withdraw-seat-form\">"))
                .body(containsString("<dd id=\"seat-position\">Siège n° 5</dd>"))
                .body(containsString("<a id=\"keep-seat-link\" href=\"/invitation#round-table-h\">"));
        assertThat(FakeServices.CHANGED).hasSize(changed);

        Session s = open(FakeServices.RT_SEATED, "/invitation/round-table/withdraw");
        s.post().formParam("round-table", FakeServices.ROUND_TABLE.toString())
                .post("/invitation/round-table/withdraw").then().statusCode(303)
                .header("Location", endsWith("/invitation?saved=seat_withdrawn"));
        assertThat(FakeServices.CHANGED).hasSize(changed + 1);
        assertThat(FakeServices.CHANGED.get(changed)).startsWith("DELETE /invitations/" + FakeServices.RT_SEATED
                + "/speaking-request?sessionId=" + FakeServices.ROUND_TABLE + " ");
        given().cookie("wsis-link", s.link()).queryParam("saved", "seat_withdrawn").get("/invitation").then()
                .body(containsString("<p id=\"saved\">Your request for a seat at the round table has been withdrawn.</p>"));
    }

    @Test
    void withoutAnActiveSeatRequestTheWithdrawPageLeadsBackToTheInvitation() {
        for (UUID invitation : List.of(FakeServices.RT_OPEN, FakeServices.RT_RELEASED, FakeServices.ALLOCATED)) {
            given().redirects().follow(false).cookie("wsis-link", FakeServices.token(invitation))
                    .get("/invitation/round-table/withdraw").then().statusCode(303).header("Location", "/invitation");
        }
    }

    @Test
    void aWithdrawalWithoutARoundTableIdSendsNothingAndSaysThereIsNoSeatRequest() {
        Session s = open(FakeServices.RT_SEATED, "/invitation/round-table/withdraw");
        int changed = FakeServices.CHANGED.size();
        s.post("es").formParam("round-table", "not-a-uuid").post("/invitation/round-table/withdraw").then()
                .statusCode(422).body(containsString("<p id=\"form-problem\">"
                        + html(Messages.get(UiLanguage.ES, "refused_seat_speaking_request_not_found")) + "</p>"));
        assertThat(FakeServices.CHANGED).hasSize(changed);
    }

    @Test
    void aSeatServiceThatFailsLeavesTheReplyFormsAndNoSeatForm() {
        String page = page(FakeServices.RT_SEAT_DOWN, "en");
        assertThat(page).contains("id=\"accept-form\"").contains("<p id=\"speaking-unavailable\" class=\"warning\">")
                .doesNotContain("id=\"seat-form\"").doesNotContain("data-trouble");
        given().redirects().follow(false).cookie("wsis-link", FakeServices.token(FakeServices.RT_SEAT_DOWN))
                .get("/invitation/round-table/withdraw").then().statusCode(502)
                .body(containsString("data-trouble=\"unavailable\""))
                .body(not(containsString("<form")));
    }

    /** The seat forms are checked for CSRF like every form: another origin, or no token, and nothing is sent. */
    @Test
    void aSeatFormFromAnotherOriginOrWithoutItsTokenIsRefusedAndNothingIsSent() {
        Session s = open(FakeServices.RT_OPEN, "/invitation");
        int posted = FakeServices.POSTED.size();
        int changed = FakeServices.CHANGED.size();
        given().redirects().follow(false).cookie("wsis-link", s.link()).cookie("csrf-token", s.csrfCookie())
                .header("Origin", "https://evil.example").contentType(io.restassured.http.ContentType.URLENC)
                .formParam("csrf-token", s.csrfField()).formParam("round-table", FakeServices.ROUND_TABLE.toString())
                .formParam("seat-name", "A B").formParam("seat-title", "Minister").formParam("seat-language", "en")
                .formParam("seat-modality", "IN_PERSON").post("/invitation/round-table").then().statusCode(403)
                .body(containsString("data-trouble=\"csrf\""));
        given().redirects().follow(false).cookie("wsis-link", s.link()).header("Origin", CsrfTest.ORIGIN)
                .contentType(io.restassured.http.ContentType.URLENC)
                .formParam("round-table", FakeServices.ROUND_TABLE.toString())
                .post("/invitation/round-table/withdraw").then().statusCode(403);
        assertThat(FakeServices.POSTED).hasSize(posted);
        assertThat(FakeServices.CHANGED).hasSize(changed);
    }

    /** Qute escapes what it renders: an apostrophe in a translation is {@code &#39;} in the page. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;").replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
