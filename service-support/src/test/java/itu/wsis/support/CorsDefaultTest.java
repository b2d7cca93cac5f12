package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Without WSIS_CORS_ORIGINS (production's default), no other origin is allowed, not even the local front-end. */
@QuarkusTest
@SupportTest
class CorsDefaultTest {

    @Test
    void noOriginIsAllowedByDefault() {
        Response preflight = given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .when().options("/test-notes");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        Response call = given().header("Origin", "http://localhost:3000").auth().oauth2(TestTokens.secretariat())
                .contentType(ContentType.JSON).body("{\"text\":\"cross-origin\"}")
                .when().post("/test-notes");
        assertThat(call.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void callsWithoutAnOriginAreUntouched() {
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("{\"text\":\"server to server\"}")
                .when().post("/test-notes")
                .then().statusCode(201);
    }
}
