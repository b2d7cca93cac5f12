package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The pages rendered from canned service answers ({@link FakeServices}): layout, language, forms and errors. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class InvitationPageRenderingTest {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void theEmailLinkMovesTheTokenIntoAnHttpOnlyCookieAndRedirects() {
        Response open = given().redirects().follow(false).get("/r/" + FakeServices.token(FakeServices.ENGLISH));
        open.then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/invitation"))
                .header("Referrer-Policy", "strict-origin").header("Cache-Control", "no-store");
        assertThat(open.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("wsis-link=" + FakeServices.token(FakeServices.ENGLISH)).contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void thePageShowsForumLetterDeadlinesAndTheFormsInThePreferredLanguage() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.ENGLISH)).get("/invitation").then()
                .statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"en\" dir=\"ltr\">"))
                .body(containsString("<h1>WSIS Forum 2022</h1>"))
                .body(containsString("CL-22/010"))
                .body(containsString("Houlin Zhao, Secretary-General"))
                .body(containsString("Reply by April 15, 2022"))
                .body(containsString("(Asia/Shanghai)"))
                .body(containsString("You have not replied yet."))
                .body(containsString("<label for=\"name-0\">Full name</label>"))
                .body(containsString("name=\"csrf-token\""))
                .body(containsString("Speaking time can be requested once the invitation has been accepted."))
                .body(not(containsString("<script")));
    }

    @Test
    void anArabicInviteeGetsARightToLeftPageAndCanSwitchLanguage() {
        String link = FakeServices.token(FakeServices.ARABIC);
        given().cookie("wsis-link", link).get("/invitation").then().statusCode(200)
                .body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("ردكم"))
                .body(containsString("منتدى القمة 2022"))
                // The letter exists in English only: shown in English, marked as such, saying so in Arabic.
                .body(containsString("<article class=\"letter\" lang=\"en\" dir=\"ltr\""))
                .body(containsString("لم تصدر الرسالة بهذه اللغة"));
        given().cookie("wsis-link", link).queryParam("lang", "zh").get("/invitation").then().statusCode(200)
                .body(containsString("<html lang=\"zh\" dir=\"ltr\">")).body(containsString("您的答复"))
                .cookie("wsis-lang", "zh");
    }

    @Test
    void aRefusedFormComesBackWithEachErrorTiedToItsFieldAndNothingIsSent() {
        String link = FakeServices.token(FakeServices.ENGLISH);
        Response page = given().cookie("wsis-link", link).get("/invitation");
        String csrfCookie = page.getCookie("csrf-token");
        Matcher field = CSRF_FIELD.matcher(page.asString());
        assertThat(field.find()).isTrue();
        int posted = FakeServices.POSTED.size();

        given().cookie("wsis-link", link).cookie("csrf-token", csrfCookie).contentType(ContentType.URLENC)
                .header("Origin", CsrfTest.ORIGIN).formParam("csrf-token", field.group(1))
                .formParam("name", "Amina Diallo", "", "").formParam("title", "Minister", "", "")
                .formParam("email", "not-an-email", "", "").formParam("access", "", "", "").formParam("head", "0")
                .post("/invitation/accept").then().statusCode(422)
                .body(containsString("id=\"email-0\" name=\"email\" value=\"not-an-email\" autocomplete=\"off\" maxlength=\"254\" aria-invalid=\"true\" aria-describedby=\"email-0-error\""))
                .body(containsString("<p id=\"email-0-error\" class=\"error\">Enter an email address in the form name@example.org.</p>"))
                .body(containsString("<p id=\"mode-error\" class=\"error\">Choose how the delegation will participate.</p>"))
                .body(containsString("<a href=\"#mode\">"))
                .body(containsString("value=\"Amina Diallo\""));
        assertThat(FakeServices.POSTED).hasSize(posted);

        given().redirects().follow(false).cookie("wsis-link", link).cookie("csrf-token", csrfCookie)
                .header("Origin", CsrfTest.ORIGIN)
                .contentType(ContentType.URLENC).formParam("csrf-token", field.group(1)).formParam("mode", "IN_PERSON")
                .formParam("name", "Amina Diallo", "Li Wei", "").formParam("title", "Minister", "Adviser", "")
                .formParam("email", "amina@example.org", "li@example.org", "").formParam("access", "", "braille", "")
                .formParam("head", "0")
                .post("/invitation/accept").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/invitation?saved=accepted"));
        assertThat(FakeServices.POSTED).hasSize(posted + 1);
        assertThat(FakeServices.POSTED.get(posted)).startsWith("/invitations/" + FakeServices.ENGLISH + "/accept ")
                .contains("\"mode\":\"IN_PERSON\"")
                .contains("{\"name\":\"Amina Diallo\",\"title\":\"Minister\",\"email\":\"amina@example.org\",\"accessibilityNeed\":null,\"headOfDelegation\":true}")
                .contains("{\"name\":\"Li Wei\",\"title\":\"Adviser\",\"email\":\"li@example.org\",\"accessibilityNeed\":\"braille\",\"headOfDelegation\":false}");
    }

    /** Issue #14: the invitee sees that the substitute's rank waits for the secretariat, and by which rank it counts. */
    @Test
    void aRankWaitingForTheSecretariatIsShownWithTheRankTheRequestCountsWith() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.PENDING_RANK)).get("/invitation").then()
                .statusCode(200)
                .body(containsString("<dd id=\"speaking-rank\">Head of State, waiting for the secretariat&#39;s"
                        + " confirmation. Until then the request is placed with the rank of the invitation: Minister.</dd>"));
        given().cookie("wsis-link", FakeServices.token(FakeServices.PENDING_RANK)).queryParam("lang", "fr")
                .get("/invitation").then().statusCode(200)
                .body(containsString("Chef d&#39;État, en attente de la confirmation du secrétariat"));
    }

    @Test
    void aRevokedInvitationGetsAClearPageInTheInviteesLanguage() {
        given().redirects().follow(false).get("/r/" + FakeServices.token(FakeServices.REVOKED)).then()
                .statusCode(410).body(containsString("<html lang=\"ru\" dir=\"ltr\">"))
                .body(containsString("Это приглашение отозвано"))
                .body(not(containsString("<form")));
    }

    @Test
    void anExpiredLinkGetsAPageInEnglishThenTheFiveOtherLanguages() {
        String body = given().redirects().follow(false).get("/r/" + FakeServices.token(FakeServices.EXPIRED)).then()
                .statusCode(410).body(containsString("<html lang=\"en\" dir=\"ltr\">"))
                .body(containsString("<h1 id=\"notice-en\" data-trouble=\"expired\">This link has expired</h1>"))
                .body(containsString("<section class=\"notice-page\" lang=\"ar\" dir=\"rtl\""))
                .body(containsString("Срок действия ссылки истек")).body(containsString("此链接已过期"))
                .extract().asString();
        assertThat(body.indexOf("lang=\"en\" dir=\"ltr\" aria-labelledby")).isLessThan(body.indexOf("lang=\"ar\" dir=\"rtl\""));
    }

    @Test
    void aLinkTheServicesRefuseGetsTheInvalidLinkPage() {
        String forged = FakeServices.token(FakeServices.ENGLISH).replace("AAAA", "BBBB");
        given().redirects().follow(false).get("/r/" + forged).then().statusCode(404)
                .body(containsString("This link is not valid"));
        Response page = given().cookie("wsis-link", forged).get("/invitation");
        page.then().statusCode(404);
        assertThat(page.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("wsis-link=")
                .containsIgnoringCase("Max-Age=0"));
    }
}
