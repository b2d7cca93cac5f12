package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import itu.wsis.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The statuses ContractFilter documents for every operation of a kind are really answered as it says: 415 for a
 * body of another type and 404 for a path or query parameter that is not of its type, as problem documents; 413
 * for a body over the limit, bare.
 */
@QuarkusTest
@SupportTest
class HttpErrorStatusesTest {

    @TestHTTPResource("/")
    URL url;

    @Test
    void aBodyOfAnotherMediaTypeIs415() {
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.TEXT).body("text")
                .when().post("/test-notes")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    /**
     * The HTTP layer refuses a body declared over quarkus.http.limits.max-body-size before any resource runs, with a
     * bare 413 (no problem document): the OpenAPI documents say so. Expect: 100-continue, as large uploads send it,
     * makes the answer readable before the body is sent.
     */
    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] huge = ("{\"text\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(url.toURI().resolve("/test-notes"))
                        .header("Authorization", "Bearer " + TestTokens.secretariat())
                        .header("Content-Type", "application/json").expectContinue(true)
                        .timeout(java.time.Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aPathParameterThatIsNotOfItsTypeIs404() {
        given().auth().oauth2(TestTokens.ops())
                .when().get("/test-notes/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aQueryParameterThatIsNotOfItsTypeIs404() {
        given().auth().oauth2(TestTokens.ops()).queryParam("since", "yesterday")
                .when().get("/test-notes/count")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
