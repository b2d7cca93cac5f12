package itu.wsis.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * What the module answers on its own, before any service is involved: security headers, the page for a link that
 * is not one, and the refusal of a form without its CSRF token. No service runs here; none is needed.
 */
@QuarkusTest
class PagesSecurityTest {

    @Test
    void aMalformedLinkGetsAClearPageInEveryLanguageWithTheSecurityHeaders() {
        given().redirects().follow(false).get("/r/not-a-link").then().statusCode(404)
                .contentType(startsWith("text/html"))
                .header("Referrer-Policy", "strict-origin")
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<html lang=\"en\" dir=\"ltr\">"))
                .body(containsString("This link is not valid"))
                .body(containsString("Ce lien n&#39;est pas valide"))
                .body(containsString("lang=\"ar\" dir=\"rtl\""))
                .body(containsString("此链接无效"));
    }

    @Test
    void withoutALinkCookieThePageAsksForTheLink() {
        given().get("/invitation").then().statusCode(401).header("Cache-Control", "no-store")
                .body(containsString("Please open your personal link"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedWithAPageNotABareStatus() {
        given().contentType(ContentType.URLENC).formParam("reason", "x").cookie("wsis-lang", "fr")
                .header("Origin", CsrfTest.ORIGIN)
                .post("/invitation/decline").then().statusCode(403).contentType(startsWith("text/html"))
                .body(containsString("Pour votre sécurité, le formulaire a été refusé"));
        given().contentType(ContentType.URLENC).formParam("reason", "x").formParam("csrf-token", "forged")
                .header("Origin", CsrfTest.ORIGIN)
                .cookie("csrf-token", "other").post("/invitation/decline").then().statusCode(403)
                .body(containsString("Your form could not be accepted"));
    }

    @Test
    void theStylesheetIsServedHereUnderTheSamePolicy() {
        given().get("/css/site.css").then().statusCode(200).contentType(startsWith("text/css"))
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .header("Referrer-Policy", equalTo("strict-origin"));
    }
}
