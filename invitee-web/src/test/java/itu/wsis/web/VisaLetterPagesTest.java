package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Issue #17: a delegation that accepted in person downloads a visa support letter per delegate from its page. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class VisaLetterPagesTest {

    @Test
    void anInPersonAcceptanceShowsADownloadLinkPerDelegateInThePageLanguage() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.IN_PERSON_DELEGATION)).queryParam("lang", "fr")
                .get("/invitation").then().statusCode(200)
                .body(containsString("<th scope=\"col\">Lettre d&#39;appui pour le visa</th>"))
                .body(containsString("<a class=\"visa-letter\" href=\"/invitation/visa-letters/1?lang=fr\" type=\"application/pdf\">Télécharger (PDF)</a>"))
                .body(containsString("<a class=\"visa-letter\" href=\"/invitation/visa-letters/2?lang=fr\""))
                .body(not(containsString("/invitation/visa-letters/3")));
    }

    @Test
    void aRemoteAcceptanceOrNoAcceptanceShowsNoLink() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.REMOTE_DELEGATION)).get("/invitation").then()
                .statusCode(200)
                .body(containsString("Aline Dupont"))
                .body(not(containsString("visa-letters")));
        given().cookie("wsis-link", FakeServices.token(FakeServices.ENGLISH)).get("/invitation").then()
                .statusCode(200)
                .body(not(containsString("visa-letters")));
    }

    @Test
    void theLetterComesFromRegistrationWithTheLinkAsAPdf() {
        byte[] pdf = given().cookie("wsis-link", FakeServices.token(FakeServices.IN_PERSON_DELEGATION))
                .queryParam("lang", "ar")
                .get("/invitation/visa-letters/2").then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"visa-letter-2.pdf\"")
                .extract().asByteArray();
        assertThat(new String(pdf, StandardCharsets.UTF_8)).isEqualTo(FakeServices.FAKE_PDF + "2 lang=ar");
    }

    @Test
    void aRefusedLetterIsAPageSayingWhyInTheInviteesLanguage() {
        given().cookie("wsis-link", FakeServices.token(FakeServices.REMOTE_DELEGATION)).queryParam("lang", "fr")
                .get("/invitation/visa-letters/1").then().statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString("data-trouble=\"visa_letter_refused\""))
                .body(containsString("Pas de lettre d&#39;appui pour cette demande"))
                .body(containsString("<a href=\"/invitation\">"));
        given().cookie("wsis-link", FakeServices.token(FakeServices.IN_PERSON_DELEGATION))
                .get("/invitation/visa-letters/3").then().statusCode(409)
                .body(containsString("data-trouble=\"visa_letter_refused\""));
        // Without the link: the page that asks for it, not a letter.
        given().get("/invitation/visa-letters/1").then().statusCode(401)
                .body(not(containsString("%PDF")));
    }
}
