package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** When the peer is not a trusted proxy, its X-Forwarded-For is ignored: the services are told the peer itself. */
@QuarkusTest
@WithTestResource(FakeServices.class)
@TestProfile(UntrustedProxyTest.AnotherProxy.class)
class UntrustedProxyTest {

    public static class AnotherProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.1");
        }
    }

    @Test
    void anUntrustedForwardedForIsNotPassedOn() {
        int before = FakeServices.FORWARDED_FOR.size();
        given().header("X-Forwarded-For", "203.0.113.9").cookie("wsis-link", FakeServices.token(FakeServices.ENGLISH))
                .get("/invitation").then().statusCode(200);
        var seen = FakeServices.FORWARDED_FOR.subList(before, FakeServices.FORWARDED_FOR.size());
        assertThat(seen).isNotEmpty().allMatch(v -> v.equals("[127.0.0.1]"));
    }
}
