package itu.wsis.support;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * What the edge refuses for every service, once, in service-support: unbounded error lists, oversized bodies, NUL
 * characters, duplicate keys, mistyped parameters, multi-line names and addresses that would fail at send time.
 * Each refusal is a 400 (413) problem document naming the input, and changes nothing.
 */
@QuarkusTest
@SupportTest
class StrictInputTest {

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @TestHTTPResource("/test-notes")
    URL notes;

    private static io.restassured.specification.RequestSpecification secretariat() {
        return given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON);
    }

    private static long notesWithText(String text) {
        return TestPostgres.queryLong(SupportTest.DATABASE, "select count(*) from test_note where text like ?", text);
    }

    // ---------------------------------------------------------------- bounded error answers

    @Test
    void manyInvalidElementsListAHundredErrorsAndCountThemAll() {
        String body = "[" + "{\"text\":\"\"},".repeat(2_499) + "{\"text\":\"\"}]";
        Response response = secretariat().body(body).post("/test-notes/bulk");
        response.then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(100))
                .body("totalErrors", equalTo(2_500))
                .body("detail", startsWith("2500 fields are not valid"));
        assertThat(response.asByteArray().length).isLessThan(12_000);
    }

    @Test
    void aCustomValidatorsErrorsAreBoundedTooAndOneErrorStillCountsAsOne() {
        Response response = secretariat().post("/test-notes/custom-errors?count=50000");
        response.then().statusCode(400).body("errors", hasSize(100)).body("totalErrors", equalTo(50_000))
                .body("errors[99].field", equalTo("rows[100].text"));
        assertThat(response.asByteArray().length).isLessThan(10_000);
        secretariat().post("/test-notes/custom-errors?count=1").then().statusCode(400)
                .body("errors", hasSize(1)).body("totalErrors", equalTo(1));
    }

    @Test
    void aHugeFieldValueIsNotEchoedInFull() {
        String huge = "x".repeat(20_000);
        Response response = secretariat().body("{\"text\":[\"" + huge + "\"]}").post("/test-notes");
        response.then().statusCode(400);
        assertThat(response.asByteArray().length).isLessThan(3_000);
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJsonAndChangesNothing() {
        String marker = "big-" + UUID.randomUUID();
        String body = "{\"text\":\"" + marker + "\",\"delegates\":[" + "{\"name\":\"N\"},".repeat(8_000)
                + "{\"name\":\"N\"}]}";
        assertThat(body.length()).isGreaterThan(64 * 1024);
        secretariat().body(body).post("/test-notes")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:payload-too-large")).body("status", equalTo(413));
        assertThat(notesWithText(marker)).isZero();
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIs413Too() throws Exception {
        String marker = "chunked-" + UUID.randomUUID();
        byte[] body = ("{\"text\":\"" + marker + "\",\"delegates\":[" + "{\"name\":\"N\"},".repeat(8_000)
                + "{\"name\":\"N\"}]}").getBytes();
        // An InputStream publisher has no known length: the JDK client sends it chunked, without Content-Length.
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(notes.toURI())
                        .header("Authorization", "Bearer " + TestTokens.secretariat())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:wsis:problem:payload-too-large");
        assertThat(notesWithText(marker)).isZero();

        // A chunked body within the limit is read as usual.
        byte[] small = ("{\"text\":\"" + marker + "\"}").getBytes();
        HttpResponse<String> created = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(notes.toURI())
                        .header("Authorization", "Bearer " + TestTokens.secretariat())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(notesWithText(marker)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- NUL, duplicate keys

    @Test
    void aNulCharacterInAnyStringIs400NamingTheFieldNever500() {
        secretariat().body("{\"text\":\"a\\u0000b\"}").post("/test-notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
        secretariat().body("{\"text\":\"ok\",\"delegates\":[{\"name\":\"A\"},{\"name\":\"B\\u0000\"}]}")
                .post("/test-notes")
                .then().statusCode(400).body("errors[0].field", equalTo("delegates[1].name"));
        secretariat().body("{\"te\\u0000xt\":\"ok\"}").post("/test-notes").then().statusCode(400);
        given().auth().oauth2(TestTokens.ops()).queryParam("text", "a\u0000b").get("/test-notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"));
    }

    @Test
    void aDuplicateKeyIs400NamingIt() {
        String marker = "dup-" + UUID.randomUUID();
        secretariat().body("{\"text\":\"" + marker + "\",\"text\":\"other\"}").post("/test-notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"))
                .body("errors[0].message", startsWith("appears twice"));
        secretariat().body("{\"text\":\"" + marker + "\",\"delegates\":[{\"name\":\"A\"},{\"name\":\"B\",\"name\":\"C\"}]}")
                .post("/test-notes")
                .then().statusCode(400).body("errors[0].field", equalTo("delegates[1].name"));
        assertThat(notesWithText(marker)).isZero();
    }

    // ---------------------------------------------------------------- parameters

    @Test
    void aMistypedQueryOrPathParameterIs400NamingItNot404() {
        given().auth().oauth2(TestTokens.ops()).get("/test-notes?size=abc")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:invalid-request"))
                .body("errors[0].field", equalTo("size")).body("errors[0].message", equalTo("must be a whole number"));
        given().auth().oauth2(TestTokens.ops()).get("/test-notes?since=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("since"));
        given().auth().oauth2(TestTokens.ops()).get("/test-notes?on=2022-13-01")
                .then().statusCode(400).body("errors[0].field", equalTo("on"));
        given().auth().oauth2(TestTokens.ops()).get("/test-notes?exact=maybe")
                .then().statusCode(400).body("errors[0].field", equalTo("exact"));
        given().auth().oauth2(TestTokens.ops()).get("/test-notes/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        given().auth().oauth2(TestTokens.ops()).get("/test-notes/1-2-3-4-5")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        // Well-typed values still work, defaults included.
        given().auth().oauth2(TestTokens.ops()).get("/test-notes?size=5&since=2022-04-15T21:59:59Z&on=2022-04-15&exact=TRUE")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.ops()).get("/test-notes").then().statusCode(200);
    }

    // ---------------------------------------------------------------- names and addresses

    @Test
    void aNameWithALineBreakAndAnAddressThatWouldFailAtSendTimeAreRefused() {
        String marker = "names-" + UUID.randomUUID();
        secretariat().body("{\"text\":\"" + marker + "\",\"delegates\":[{\"name\":\"Jane\\r\\nBcc: x@evil.test\"}]}")
                .post("/test-notes")
                .then().statusCode(400).body("errors[0].field", equalTo("delegates[0].name"))
                .body("errors[0].message", startsWith("must be a single line"));
        for (String address : new String[]{"a@example.org>,<attacker", "a@example.org\\u2028", "Jane <a@example.org>",
                "a b@example.org", "a@example.org\\r\\n"}) {
            secretariat().body("{\"text\":\"" + marker + "\",\"delegates\":[{\"name\":\"A\",\"email\":\"" + address
                            + "\"}]}").post("/test-notes")
                    .then().statusCode(400).body("errors[0].field", equalTo("delegates[0].email"))
                    .body("errors[0].message", startsWith("is not an e-mail address"));
        }
        assertThat(notesWithText(marker)).isZero();
        secretariat().body("{\"text\":\"" + marker + "\",\"delegates\":[{\"name\":\"معالي السيد\",\"email\":"
                + "\"o'brien@gov.ie\"}]}").post("/test-notes").then().statusCode(201);
    }
}
