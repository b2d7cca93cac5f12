package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The statuses ContractFilter documents for every operation of a kind are really answered as it says: 415 for a
 * body of another type, as a problem document. The 400 for a path or query parameter that is not of its type and the
 * 413 for a body over the limit are StrictInputTest's.
 */
@QuarkusTest
@SupportTest
class HttpErrorStatusesTest {

    @Test
    void aBodyOfAnotherMediaTypeIs415() {
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.TEXT).body("text")
                .when().post("/test-notes")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }
}
