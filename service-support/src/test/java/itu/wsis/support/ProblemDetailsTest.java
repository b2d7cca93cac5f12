package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@SupportTest
class ProblemDetailsTest {

    @Test
    void anUnknownAddressIsAProblem() {
        given().auth().oauth2(TestTokens.ops())
                .when().get("/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Not Found"));
    }

    @Test
    void withoutATokenTheAnswerIs401WithAChallenge() {
        given().contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
                .when().post("/test-notes")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:wsis:problem:unauthenticated"));
    }

    @Test
    void aForgedTokenIs401() {
        given().auth().oauth2(TestTokens.secretariat() + "x").contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
                .when().post("/test-notes")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theWrongRoleIs403() {
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
                .when().post("/test-notes")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:forbidden"));
        given().auth().oauth2(TestTokens.withoutRole()).contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
                .when().post("/test-notes")
                .then().statusCode(403);
    }

    @Test
    void anExpiredTokenIs401() {
        given().auth().oauth2(TestTokens.expiredSecretariat()).contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
                .when().post("/test-notes")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theRightRoleIsServedWithLocation() {
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON).body("{\"text\":\"hello\"}")
                .when().post("/test-notes")
                .then().statusCode(201).header("Location", containsString("/test-notes/"));
    }

    @Test
    void invalidFieldsAreNamedOneByOne() {
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("{\"text\":\"\",\"delegates\":[{\"name\":\"A\",\"email\":\"a@example.org\"},{\"name\":\"B\",\"email\":\"not-an-address\"}]}")
                .when().post("/test-notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:invalid-request"))
                .body("errors.field", hasItem("text"))
                .body("errors.field", hasItem("delegates[1].email"));
    }

    @Test
    void anUnknownPropertyIsRefusedNotIgnored() {
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("{\"text\":\"hello\",\"id\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/test-notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", startsWith("unknown property"));
    }

    @Test
    void malformedJsonIs400() {
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON).body("{\"text\":")
                .when().post("/test-notes")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON).body("{\"text\":[1,2]}")
                .when().post("/test-notes")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("text"));
    }

    @Test
    void anUnknownIdIsANamedProblem() {
        given().auth().oauth2(TestTokens.ops())
                .when().get("/test-notes/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:note-not-found"));
        // A malformed id is the client's mistake, named as such: 400, not "no such note" (StrictInputTest).
        given().auth().oauth2(TestTokens.ops())
                .when().get("/test-notes/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void anUnexpectedErrorRevealsNothingButAnId() {
        given().auth().oauth2(TestTokens.ops())
                .when().get("/test-notes/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("errorId", not(equalTo(null)))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("IllegalStateException")));
    }
}
