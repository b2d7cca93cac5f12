package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue #14: the CSRF check accepted any cookie and form pair an attacker chose, and had no Origin check. Now a
 * form needs the pages' own origin and a signed token bound to the browser's link; each refusal is a page in the
 * invitee's language (403) and nothing reaches a service.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class CsrfTest {

    /** The test profile's WSIS_WEB_PUBLIC_URL. */
    static final String ORIGIN = "http://localhost:8080";
    static final Pattern FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    record Session(String link, String cookie, String field) {
    }

    static Session session(java.util.UUID invitation) {
        String link = FakeServices.token(invitation);
        Response page = given().cookie("wsis-link", link).get("/invitation");
        page.then().statusCode(200);
        Matcher field = FIELD.matcher(page.asString());
        assertThat(field.find()).isTrue();
        return new Session(link, page.getCookie("csrf-token"), field.group(1));
    }

    static RequestSpecification decline(Session s) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).cookie("wsis-lang", "es")
                .cookie("wsis-link", s.link()).cookie("csrf-token", s.cookie()).formParam("csrf-token", s.field())
                .formParam("reason", "Agenda");
    }

    static void refused(Response answer) {
        answer.then().statusCode(403).contentType(startsWith("text/html"))
                .body(containsString("No se ha podido aceptar su formulario"))
                .body(containsString("data-trouble=\"csrf\""));
    }

    @Test
    void theFormOfThePagesOwnOriginWithItsTokenIsAccepted() {
        Session s = session(FakeServices.ENGLISH);
        assertThat(s.cookie()).isEqualTo(s.field());
        int posted = FakeServices.POSTED.size();
        decline(s).header("Origin", ORIGIN).post("/invitation/decline").then().statusCode(303);
        // Without Origin, the Referer of a page of ours will do.
        decline(s).header("Referer", ORIGIN + "/invitation?lang=es").post("/invitation/decline").then().statusCode(303);
        assertThat(FakeServices.POSTED).hasSize(posted + 2);
    }

    @Test
    void anotherOriginIsRefused() {
        Session s = session(FakeServices.ENGLISH);
        int posted = FakeServices.POSTED.size();
        refused(decline(s).header("Origin", "https://evil.example").post("/invitation/decline"));
        refused(decline(s).header("Origin", "http://localhost:8081").post("/invitation/decline"));
        refused(decline(s).header("Origin", "null").post("/invitation/decline"));
        refused(decline(s).header("Referer", "https://evil.example/invitation").post("/invitation/decline"));
        assertThat(FakeServices.POSTED).hasSize(posted);
    }

    @Test
    void withNeitherOriginNorRefererAFormIsRefused() {
        Session s = session(FakeServices.ENGLISH);
        int posted = FakeServices.POSTED.size();
        refused(decline(s).post("/invitation/decline"));
        assertThat(FakeServices.POSTED).hasSize(posted);
    }

    /** The attack of issue #14: a cookie and a form value of the attacker's choosing, equal to each other. */
    @Test
    void anUnsignedPairChosenByTheAttackerIsRefused() {
        Session s = session(FakeServices.ENGLISH);
        refused(given().contentType(ContentType.URLENC).cookie("wsis-lang", "es").cookie("wsis-link", s.link())
                .cookie("csrf-token", "attacker-chosen").formParam("csrf-token", "attacker-chosen")
                .formParam("reason", "x").header("Origin", ORIGIN).post("/invitation/decline"));
        // A well-formed but unsigned token of the right shape is refused too.
        String shaped = "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        refused(given().contentType(ContentType.URLENC).cookie("wsis-lang", "es").cookie("wsis-link", s.link())
                .cookie("csrf-token", shaped).formParam("csrf-token", shaped)
                .formParam("reason", "x").header("Origin", ORIGIN).post("/invitation/decline"));
    }

    @Test
    void aTokenMintedForOneLinkDoesNotValidateWithAnother() {
        Session mine = session(FakeServices.ENGLISH);
        Session theirs = session(FakeServices.ARABIC);
        refused(given().contentType(ContentType.URLENC).cookie("wsis-lang", "es").cookie("wsis-link", theirs.link())
                .cookie("csrf-token", mine.cookie()).formParam("csrf-token", mine.field())
                .formParam("reason", "x").header("Origin", ORIGIN).post("/invitation/decline"));
    }

    @Test
    void theFieldMustRepeatTheCookie() {
        Session s = session(FakeServices.ENGLISH);
        Session again = session(FakeServices.ENGLISH);
        // Two valid tokens of the same link, but not the same one: the double submit fails.
        String other = again.cookie().equals(s.cookie()) ? freshToken(s) : again.cookie();
        refused(given().contentType(ContentType.URLENC).cookie("wsis-lang", "es").cookie("wsis-link", s.link())
                .cookie("csrf-token", other).formParam("csrf-token", s.field()).formParam("reason", "x")
                .header("Origin", ORIGIN).post("/invitation/decline"));
        refused(given().contentType(ContentType.URLENC).cookie("wsis-lang", "es").cookie("wsis-link", s.link())
                .formParam("csrf-token", s.field()).formParam("reason", "x").header("Origin", ORIGIN)
                .post("/invitation/decline"));
    }

    /**
     * Browsers send "Origin: null" with the forms of a page whose referrer policy is no-referrer (header or meta):
     * the pages must never say so, or every genuine form would be refused.
     */
    @Test
    void thePagesReferrerPolicyLetsTheirFormsCarryTheirOrigin() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.ENGLISH)).get("/invitation").then()
                .statusCode(200).header("Referrer-Policy", "strict-origin")
                .body(containsString("<meta name=\"referrer\" content=\"strict-origin\">"))
                .body(org.hamcrest.Matchers.not(containsString("no-referrer")));
    }

    @Test
    void aValidTokenIsReusedSoThatTwoOpenPagesBothWork() {
        Session s = session(FakeServices.ENGLISH);
        Response second = given().cookie("wsis-link", s.link()).cookie("csrf-token", s.cookie()).get("/invitation");
        Matcher field = FIELD.matcher(second.asString());
        assertThat(field.find()).isTrue();
        assertThat(field.group(1)).isEqualTo(s.field());
        assertThat(second.getCookie("csrf-token")).isNull();
    }

    private static String freshToken(Session s) {
        // A page without the browser's token cookie mints a new one.
        Response page = given().cookie("wsis-link", s.link()).get("/invitation");
        return page.getCookie("csrf-token");
    }
}
