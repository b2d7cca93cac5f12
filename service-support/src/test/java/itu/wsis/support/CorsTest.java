package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A front-end on another origin, configured the way an environment configures it: {@code WSIS_CORS_ORIGINS}.
 * The preflight names the headers a browser front-end sends; the real call must expose what it needs to read.
 */
@QuarkusTest
@SupportTest
@TestProfile(CorsTest.FrontEndOrigins.class)
class CorsTest {

    static final String FRONT_END = "http://localhost:3000";

    public static class FrontEndOrigins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("WSIS_CORS_ORIGINS", FRONT_END + ",https://partner.example.org");
        }
    }

    @Test
    void thePreflightOfAnAllowedOriginLetsTheFrontEndsHeadersThrough() {
        Response preflight = given().header("Origin", FRONT_END)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers",
                        "authorization, content-type, wsis-personal-link, idempotency-key")
                .when().options("/test-notes");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(lower(preflight.header("Access-Control-Allow-Methods"))).contains("post");
        assertThat(lower(preflight.header("Access-Control-Allow-Headers")))
                .contains("authorization", "content-type", "wsis-personal-link", "idempotency-key");
    }

    @Test
    void theRealCallOfAnAllowedOriginCanReadLocationAndRetryAfter() {
        Response created = given().header("Origin", FRONT_END).auth().oauth2(TestTokens.secretariat())
                .contentType(ContentType.JSON).body("{\"text\":\"from a browser\"}")
                .when().post("/test-notes");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/test-notes/");
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(lower(created.header("Access-Control-Expose-Headers"))).contains("location", "retry-after");
    }

    @Test
    void theSecondConfiguredOriginIsAllowedToo() {
        Response preflight = given().header("Origin", "https://partner.example.org")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/test-notes/00000000-0000-0000-0000-000000000000");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://partner.example.org");
    }

    @Test
    void anOriginThatIsNotConfiguredGetsNoAllowOrigin() {
        Response preflight = given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/test-notes");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        Response call = given().header("Origin", "https://evil.example.com").auth().oauth2(TestTokens.secretariat())
                .contentType(ContentType.JSON).body("{\"text\":\"from elsewhere\"}")
                .when().post("/test-notes");
        assertThat(call.header("Access-Control-Allow-Origin")).isNull();
        assertThat(call.statusCode()).isEqualTo(403);
    }

    private static String lower(String header) {
        assertThat(header).as("header present").isNotNull();
        return String.join(",", Arrays.stream(header.split(",")).map(h -> h.trim().toLowerCase()).toList());
    }
}
