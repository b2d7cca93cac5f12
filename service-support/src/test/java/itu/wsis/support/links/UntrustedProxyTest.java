package itu.wsis.support.links;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import itu.wsis.support.SupportTest;
import itu.wsis.support.testapp.TestLinkStates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the peer is not a trusted proxy, its X-Forwarded-For is ignored: a client cannot pick the address its failures
 * count against. Here only 192.0.2.1 is trusted, so the test client (127.0.0.1) is an ordinary client.
 */
@QuarkusTest
@SupportTest
@TestProfile(UntrustedProxyTest.OnlyAnotherProxyTrusted.class)
class UntrustedProxyTest {

    public static class OnlyAnotherProxyTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.1",
                    "wsis.links.rate-limits.failures-per-address.permits", "20");
        }
    }

    @Test
    void anUntrustedForwardedForIsIgnored() {
        UUID id = UUID.randomUUID();
        TestLinkStates.STATES.put(id, new LinkState(1, false, Instant.now().plusSeconds(86_400), null));
        // Twenty failures, each claiming another forwarded address, all count against 127.0.0.1 ...
        for (int i = 0; i < 20; i++) {
            assertThat(given().header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .header(PersonalLinks.HEADER, "guess-" + i).get("/test-invitations/" + id).statusCode())
                    .isEqualTo(401);
        }
        // ... so a twenty-first from yet another claimed address is limited: the header changed nothing.
        assertThat(given().header("X-Forwarded-For", "203.0.113.99").header(PersonalLinks.HEADER, "guess")
                .get("/test-invitations/" + id).statusCode()).isEqualTo(429);
        // A valid link still works from the same peer.
        given().header(PersonalLinks.HEADER, PersonalLinkAdmissionTest.link(id, 1))
                .get("/test-invitations/" + id).then().statusCode(200);
    }
}
