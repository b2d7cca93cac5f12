package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /q/metrics tags HTTP server requests with the route template ({@code /test-notes/{id}}), never the raw path: an
 * address nobody routes, or an id in a path, must not make a new series (a client could otherwise grow the
 * registry, and the scrape, at will).
 */
@QuarkusTest
@SupportTest
class MetricsCardinalityTest {

    private static Set<String> httpSeries() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count"))
                // The series is the name and labels: not the value, nor the exemplar (its trace and span ids)
                // that OpenTelemetry adds after it.
                .map(line -> line.substring(0, line.indexOf("} ") + 1))
                .collect(Collectors.toSet());
    }

    @Test
    void twoHundredRequestsToUnknownAddressesAddAtMostAFewSeries() {
        given().contentType("application/json").body("x".repeat(70_000)).post("/" + UUID.randomUUID());
        given().post("/" + UUID.randomUUID());
        given().put("/" + UUID.randomUUID());
        given().delete("/test-notes/" + UUID.randomUUID() + "/x");
        // Warm up every kind of answer once, so that the series they need exist before counting.
        given().get("/" + UUID.randomUUID());
        given().auth().oauth2(TestTokens.ops()).get("/" + UUID.randomUUID());
        given().auth().oauth2(TestTokens.ops()).get("/test-notes/" + UUID.randomUUID());
        given().get("/test-notes/" + UUID.randomUUID());
        Set<String> before = httpSeries();

        for (int i = 0; i < 25; i++) {
            String random = UUID.randomUUID().toString();
            given().get("/" + random).then().statusCode(404);
            given().auth().oauth2(TestTokens.ops()).get("/no/such/" + random + "/path").then().statusCode(404);
            given().auth().oauth2(TestTokens.ops()).get("/test-notes/" + random).then().statusCode(404);
            given().post("/" + random);
            given().delete("/test-notes/" + random + "/x");
            given().put("/" + random);
            given().contentType("application/json").body("x".repeat(70_000)).post("/" + random)
                    .then().statusCode(413);
            given().get("/test-notes/" + random + "?size=abc");
        }

        Set<String> after = httpSeries();
        Set<String> added = after.stream().filter(s -> !before.contains(s)).collect(Collectors.toSet());
        assertThat(added).as("series added by 200 requests to unknown addresses").hasSizeLessThanOrEqualTo(3);
        assertThat(after).noneMatch(series -> series.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-.*"));
        assertThat(after).anyMatch(series -> series.contains("uri=\"/test-notes/{id}\""));
    }
}
