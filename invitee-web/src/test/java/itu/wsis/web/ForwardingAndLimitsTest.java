package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Issue #14: the pages forwarded their own peer address, so behind a load balancer every invitee shared one bucket at
 * the services. The test client connects from 127.0.0.1, the test profile's trusted proxy: its X-Forwarded-For is the
 * client, and that client is what the services are told. The pages' own failures have a budget per client address.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class ForwardingAndLimitsTest {

    @Test
    void behindTheTrustedProxyTheServicesAreToldTheInviteesAddressOneEach() {
        String link = FakeServices.token(FakeServices.ENGLISH);
        int before = FakeServices.FORWARDED_FOR.size();
        given().header("X-Forwarded-For", "203.0.113.9").cookie("wsis-link", link).get("/invitation").then()
                .statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.4").cookie("wsis-link", link).get("/invitation").then()
                .statusCode(200);
        var seen = FakeServices.FORWARDED_FOR.subList(before, FakeServices.FORWARDED_FOR.size());
        assertThat(seen).contains("[203.0.113.9]", "[198.51.100.4]").doesNotContain("[127.0.0.1]");
    }

    @Test
    void aServicesRateLimitIsAPageThatSaysWhenToComeBack() {
        given().redirects().follow(false).get("/r/" + FakeServices.token(FakeServices.LIMITED)).then()
                .statusCode(429).header("Retry-After", "17")
                .body(containsString("data-trouble=\"rate_limited\"")).body(containsString("Too many attempts"))
                .body(containsString("Слишком много попыток"));
        // The link stays in the browser: it is not bad, only used too often.
        assertThat(given().cookie("wsis-link", FakeServices.token(FakeServices.LIMITED)).get("/invitation")
                .headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("wsis-link="));
    }

    @Test
    void theClientsOwnFailuresRunOutItsBudgetOnlyAndNotOthersNorItsValidLink() {
        String guesser = "192.0.2.66";
        int status = 0;
        for (int i = 0; i < 300 && status != 429; i++) {
            status = given().redirects().follow(false).header("X-Forwarded-For", guesser).get("/r/not-a-link-" + i)
                    .statusCode();
        }
        assertThat(status).isEqualTo(429);
        given().redirects().follow(false).header("X-Forwarded-For", guesser).get("/r/still-not-a-link").then()
                .statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // Its valid link still opens, and another client's mistake still gets the ordinary page.
        given().redirects().follow(false).header("X-Forwarded-For", guesser)
                .get("/r/" + FakeServices.token(FakeServices.ENGLISH)).then().statusCode(303);
        given().redirects().follow(false).header("X-Forwarded-For", "192.0.2.67").get("/r/typo").then()
                .statusCode(404);
    }
}
