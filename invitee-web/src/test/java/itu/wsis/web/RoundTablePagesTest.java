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
 * Issue #17: the ministerial round tables on the invitee's page, every one the forum has (the fake forum has two),
 * each with its own seat request and form. A seat is requested, shown where it stands (requested, on the waiting
 * list, seated, released) and withdrawn behind a confirmation; a rank that may not sit gets the service's refusal as
 * a sentence in the page's language. The services are {@link FakeServices}.
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

    /** Round table number {@code n} of the page alone. */
    static String table(String page, int n) {
        int start = page.indexOf("<article aria-labelledby=\"round-table-title-" + n + "\"");
        assertThat(start).as("round table %d", n).isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }

    @Test
    void aForumWithARoundTableShowsItsTimePlaceAndSeatsAndTheFormToRequestASeat() {
        String page = page(FakeServices.RT_OPEN, "en");
        // Two round tables in this forum: the section is named for both, each table by its own title.
        assertThat(section(page)).contains("<h2 id=\"round-table-h\">Ministerial Round Tables</h2>")
                .contains("one seat per delegation at each");
        String section = table(page, 1);
        assertThat(section)
                .contains("<h3 id=\"round-table-title-1\">Ministerial Round Table: the information society twenty years on</h3>")
                // 14:30 UTC: 16:30 in Geneva (summer time), 22:30 in Shanghai, the invitee's zone.
                .contains("<span id=\"round-table-time-geneva-1\">June 2, 2022, 4:30 PM, Geneva time</span>")
                .contains("<span id=\"round-table-time-local-1\">June 2, 2022, 10:30 PM in your time zone (Asia/Shanghai)</span>")
                .contains("<dd id=\"round-table-place-1\">ITU headquarters, Geneva, Room 1</dd>")
                .contains("<dd id=\"round-table-seats-1\">20 seats in all</dd>")
                .contains("<form method=\"post\" action=\"/invitation/round-table\" id=\"seat-form-1\" novalidate>")
                .contains("<input type=\"hidden\" name=\"round-table\" value=\"" + FakeServices.ROUND_TABLE + "\">")
                .containsPattern("<input type=\"hidden\" name=\"csrf-token\" value=\"[^\"]+\">")
                // Ministers only: a substitute's ranks stop at Minister.
                .contains("<option value=\"MINISTER\">Minister</option>")
                .doesNotContain("DEPUTY_MINISTER").doesNotContain("AMBASSADOR")
                // The round table's own modalities; no pre-recorded video where it takes none.
                .contains("value=\"IN_PERSON\"").contains("value=\"REMOTE_LIVE\"").doesNotContain("value=\"VIDEO\"")
                .doesNotContain("id=\"seat-status-1\"");
        // A seat, never speaking time: no statement, no slot, no speaker order, no time limit.
        assertThat(section(page).toLowerCase(Locale.ROOT)).doesNotContain("statement").doesNotContain("slot")
                .doesNotContain("speak").doesNotContain("minute");
    }

    /** Every round table of the forum, in order, each with its own details and form; ids unique on the page. */
    @Test
    void everyRoundTableOfTheForumHasItsOwnDetailsAndSeatForm() {
        String page = page(FakeServices.RT_OPEN, "fr");
        assertThat(table(page, 2))
                .contains("<h3 id=\"round-table-title-2\">Table ronde ministérielle sur la connectivité résiliente</h3>")
                .contains("<dd id=\"round-table-place-2\">ITU headquarters, Geneva, Room 3</dd>")
                .contains("<dd id=\"round-table-seats-2\">12 sièges au total</dd>")
                .contains("id=\"seat-form-2\"")
                .contains("<input type=\"hidden\" name=\"round-table\" value=\"" + FakeServices.ROUND_TABLE_2 + "\">")
                // In person only: its own modalities, not the first round table's.
                .contains("value=\"IN_PERSON\"").doesNotContain("value=\"REMOTE_LIVE\"")
                .contains("id=\"seat-name-2\"").contains("<label for=\"seat-name-2\">");
        assertThat(page.indexOf("id=\"round-table-1\"")).isLessThan(page.indexOf("id=\"round-table-2\""));
        assertThat(page).doesNotContain("round-table-3");
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(page);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("id %s once", ids.group(1)).isTrue();
        }

        // Seated at the first: its status there, and the second still offers its form.
        String seated = page(FakeServices.RT_SEATED, "en");
        assertThat(table(seated, 1)).contains("data-status=\"ALLOCATED\"").doesNotContain("<form");
        assertThat(table(seated, 2)).doesNotContain("seat-status").contains("id=\"seat-form-2\"");
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
                .contains("<h2 id=\"round-table-h\">" + Messages.of(language).round_tables_heading() + "</h2>")
                .contains(html(Messages.of(language).round_tables_hint()))
                .contains(html(Messages.of(language).seat_submit()))
                .contains(html(Messages.of(language).seat_capacity("20")));
        if (language != UiLanguage.EN) {
            assertThat(section).doesNotContain(Messages.of(UiLanguage.EN).seat_submit());
        }
        String seated = table(page(FakeServices.RT_SEATED, language.code()), 1);
        assertThat(seated).contains(html(Messages.of(language).seat_ALLOCATED()))
                .contains(html(Messages.of(language).seat_number("5")));
    }

    @Test
    void requestingASeatSendsTheRoundTableAloneWithoutATopicAndRedirects() {
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
                // A seat has no statement: no topic, and no longer the round table's title in its place.
                .doesNotContain("\"topic\":\"").doesNotContain("Ministerial Round Table");
        given().cookie("wsis-link", s.link()).queryParam("saved", "seat").queryParam("lang", "ru").get("/invitation")
                .then().body(containsString("<p id=\"saved\">" + Messages.of(UiLanguage.RU).saved_seat() + "</p>"));
    }

    @Test
    void anIncompleteSeatFormComesBackWithItsErrorsAndNothingIsSent() {
        Session s = open(FakeServices.RT_OPEN, "/invitation");
        int posted = FakeServices.POSTED.size();
        String page = s.post().formParam("round-table", FakeServices.ROUND_TABLE_2.toString())
                .formParam("seat-holder", "substitute").formParam("seat-name", "")
                .formParam("seat-title", "Envoy").formParam("seat-rank", "AMBASSADOR")
                .formParam("seat-language", "en").formParam("seat-modality", "")
                .post("/invitation/round-table").then().statusCode(422).extract().asString();
        // On the second round table's form, the one it came from.
        assertThat(table(page, 2))
                .contains("<p id=\"seat-name-2-error\" class=\"error\">Enter the full name.</p>")
                .contains("<p id=\"seat-rank-2-error\" class=\"error\">Choose the rank of the substitute: Head of "
                        + "State, Head of Government or Minister.</p>")
                .contains("<p id=\"seat-modality-2-error\" class=\"error\">Choose how the seat holder will take part.</p>")
                .contains("value=\"Envoy\"")
                .contains("<input type=\"radio\" id=\"seat-substitute-2\" name=\"seat-holder\" value=\"substitute\" checked>");
        assertThat(page).contains("<a href=\"#seat-name-2\">").contains("<a href=\"#seat-modality-2\">")
                // The other forms of the page are not blamed.
                .doesNotContain("id=\"speaker-name-error\"").doesNotContain("seat-name-1-error");
        assertThat(table(page, 1)).doesNotContain("Envoy").doesNotContain("class=\"error\"");
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
                        + html(Messages.of(language).refused_seat_round_table_ministers_only()) + "</p>")
                .contains("id=\"seat-form-1\"").contains("value=\"Mr Deputy\"")
                .doesNotContain("data-trouble").doesNotContain("for ministers only\"")
                .doesNotContain("urn:wsis:problem");
    }

    @Test
    void aSeatedDelegationSeesItsSeatAndPlaceAndMayWithdrawButNotAskAgain() {
        String section = table(page(FakeServices.RT_SEATED, "en"), 1);
        assertThat(section)
                .contains("<div id=\"seat-status-1\" class=\"seat-status\" data-status=\"ALLOCATED\">")
                .contains("<strong>Seated: a seat at the round table is reserved for your delegation.</strong>")
                .contains("<dd id=\"seat-holder-1\">H.E. Ms Amina Diallo, Minister</dd>")
                .contains("<dd id=\"seat-position-1\">Seat number 5</dd>")
                .contains("<dd id=\"seat-place-1\">ITU headquarters, Geneva, Room 1</dd>")
                .contains("<a id=\"withdraw-seat-link-1\" href=\"/invitation/round-table/withdraw?round-table="
                        + FakeServices.ROUND_TABLE + "\">Withdraw the request for a seat</a>")
                .doesNotContain("id=\"seat-form-1\"");
        // The request for speaking time is another request: its own section stays as it was.
        assertThat(page(FakeServices.RT_SEATED, "en"))
                .contains("<div id=\"speaking-status\" data-status=\"ALLOCATED\">");
    }

    @ParameterizedTest
    @EnumSource(UiLanguage.class)
    void aForumWithOneRoundTableNamesTheSectionInTheSingular(UiLanguage language) {
        String page = page(FakeServices.RT_WAITING, language.code());
        assertThat(section(page))
                .contains("<h2 id=\"round-table-h\">" + Messages.of(language).round_table_heading() + "</h2>")
                .contains(html(Messages.of(language).round_table_hint()));
        assertThat(page).doesNotContain("round-table-2");
    }

    @Test
    void aWaitingRequestARecordedOneAndAReleasedOneSayWhereTheyStand() {
        assertThat(table(page(FakeServices.RT_WAITING, "en"), 1))
                .contains("<div id=\"seat-status-1\" class=\"seat-status\" data-status=\"WAITLISTED\">")
                .contains("<strong>Your request for a seat is on the waiting list.</strong>")
                .contains("<dd id=\"seat-position-1\">Number 2 on the waiting list for a seat</dd>")
                .contains("id=\"withdraw-seat-link-1\"").doesNotContain("id=\"seat-form-1\"");
        assertThat(table(page(FakeServices.RT_REQUESTED, "en"), 1))
                .contains("<strong>Your request for a seat has been received and is waiting for the seats to be "
                        + "assigned.</strong>")
                .doesNotContain("seat-position").contains("id=\"withdraw-seat-link-1\"");
        // Released: said so, and the delegation may ask again.
        assertThat(table(page(FakeServices.RT_RELEASED, "en"), 1))
                .contains("<div id=\"seat-status-1\" class=\"seat-status\" data-status=\"WITHDRAWN\">")
                .contains("<strong>Released: your delegation has withdrawn its request for a seat.</strong>")
                .doesNotContain("withdraw-seat-link").contains("id=\"seat-form-1\"");
    }

    @Test
    void withdrawingTheSeatRequestAsksForAConfirmationThenWithdrawsThatRequestOnly() {
        int changed = FakeServices.CHANGED.size();
        given().cookie("wsis-link", FakeServices.token(FakeServices.RT_SEATED)).queryParam("lang", "fr")
                .queryParam("round-table", FakeServices.ROUND_TABLE.toString())
                .get("/invitation/round-table/withdraw").then().statusCode(200)
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("<h1>Retirer la demande de siège à la table ronde</h1>"))
                .body(containsString("<strong>Table ronde ministérielle : la société de l&#39;information vingt ans après</strong>"))
                .body(containsString("<form method=\"post\" action=\"/invitation/round-table/withdraw\" id=\"withdraw-seat-form\">"))
                .body(containsString("<input type=\"hidden\" name=\"round-table\" value=\"" + FakeServices.ROUND_TABLE + "\">"))
                .body(containsString("<dd id=\"seat-position-1\">Siège n° 5</dd>"))
                .body(containsString("<a id=\"keep-seat-link\" href=\"/invitation#round-table-1\">"));
        assertThat(FakeServices.CHANGED).hasSize(changed);

        Session s = open(FakeServices.RT_SEATED, "/invitation/round-table/withdraw?round-table="
                + FakeServices.ROUND_TABLE);
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
                    .queryParam("round-table", FakeServices.ROUND_TABLE.toString())
                    .get("/invitation/round-table/withdraw").then().statusCode(303).header("Location", "/invitation");
        }
        // Seated at the first round table: not at the second, nor at none named, nor at a malformed one.
        for (String table : new String[]{FakeServices.ROUND_TABLE_2.toString(), "", "not-a-uuid"}) {
            given().redirects().follow(false).cookie("wsis-link", FakeServices.token(FakeServices.RT_SEATED))
                    .queryParam("round-table", table)
                    .get("/invitation/round-table/withdraw").then().statusCode(303).header("Location", "/invitation");
        }
    }

    @Test
    void aWithdrawalWithoutARoundTableIdSendsNothingAndSaysThereIsNoSeatRequest() {
        Session s = open(FakeServices.RT_SEATED, "/invitation/round-table/withdraw?round-table="
                + FakeServices.ROUND_TABLE);
        int changed = FakeServices.CHANGED.size();
        s.post("es").formParam("round-table", "not-a-uuid").post("/invitation/round-table/withdraw").then()
                .statusCode(422).body(containsString("<p id=\"form-problem\">"
                        + html(Messages.of(UiLanguage.ES).refused_seat_speaking_request_not_found()) + "</p>"));
        assertThat(FakeServices.CHANGED).hasSize(changed);
    }

    @Test
    void aSeatServiceThatFailsLeavesTheReplyFormsAndNoSeatForm() {
        String page = page(FakeServices.RT_SEAT_DOWN, "en");
        assertThat(page).contains("id=\"accept-form\"").contains("<p id=\"speaking-unavailable\" class=\"warning\">")
                .doesNotContain("seat-form").doesNotContain("id=\"round-table\"").doesNotContain("data-trouble");
        given().redirects().follow(false).cookie("wsis-link", FakeServices.token(FakeServices.RT_SEAT_DOWN))
                .queryParam("round-table", FakeServices.ROUND_TABLE.toString())
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
