package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, finding 7: {@code Host: evil.test} on {@code /r/<token>} redirected to {@code http://evil.test/...}.
 * The redirect is a relative path now, whatever the request's Host or forwarding headers say.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class RedirectHostTest {

    @Test
    void aForgedHostHeaderNeverBecomesTheRedirectTarget() {
        for (String[] header : new String[][]{{"Host", "evil.test"}, {"X-Forwarded-Host", "evil.test"},
                {"Forwarded", "host=evil.test;proto=http"}}) {
            Response open = given().redirects().follow(false).header(header[0], header[1])
                    .get("/r/" + FakeServices.token(FakeServices.ENGLISH));
            open.then().statusCode(303);
            assertThat(open.header("Location")).as(header[0]).isEqualTo("/invitation");
        }
    }
}
