package itu.wsis.web.security;

import itu.wsis.web.config.WebConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsrfTokensTest {

    static WebConfig config(String key) {
        return new WebConfig() {
            public URI invitationUrl() { return URI.create("http://x"); }
            public URI registrationUrl() { return URI.create("http://x"); }
            public URI speakingUrl() { return URI.create("http://x"); }
            public boolean secureCookies() { return true; }
            public URI publicUrl() { return URI.create("http://localhost:8080"); }
            public Optional<String> csrfKey() { return Optional.ofNullable(key); }
            public Rate failuresPerAddress() {
                return new Rate() {
                    public int permits() { return 3; }
                    public Duration per() { return Duration.ofMinutes(10); }
                };
            }
            public int maxAddresses() { return 10; }
        };
    }

    @Test
    void aTokenValidatesForItsLinkOnlyAndWithItsKeyOnly() {
        CsrfTokens tokens = new CsrfTokens(config("0123456789abcdef0123456789abcdef"));
        String token = tokens.mint("link-a");
        assertThat(tokens.valid(token, "link-a")).isTrue();
        assertThat(tokens.valid(token, "link-b")).isFalse();
        assertThat(tokens.valid(token, null)).isFalse();
        assertThat(new CsrfTokens(config("another key of at least thirty-two chars")).valid(token, "link-a")).isFalse();
        // A restart with the same configured key keeps the tokens; a generated key does not.
        assertThat(new CsrfTokens(config("0123456789abcdef0123456789abcdef")).valid(token, "link-a")).isTrue();
        assertThat(new CsrfTokens(config(null)).valid(new CsrfTokens(config(null)).mint("link-a"), "link-a")).isFalse();
    }

    @Test
    void tamperedOrMalformedTokensAreRefused() {
        CsrfTokens tokens = new CsrfTokens(config(null));
        String token = tokens.mint("link");
        int firstOfSignature = token.indexOf('.') + 1;
        char first = token.charAt(firstOfSignature);
        // The first character of the signature carries six bits of it, all significant.
        assertThat(tokens.valid(token.substring(0, firstOfSignature) + (first == 'A' ? 'g' : 'A')
                + token.substring(firstOfSignature + 1), "link")).isFalse();
        assertThat(tokens.valid("not-a-token", "link")).isFalse();
        assertThat(tokens.valid("a.b.c", "link")).isFalse();
        assertThat(tokens.valid(null, "link")).isFalse();
        assertThat(tokens.valid("x".repeat(500), "link")).isFalse();
    }

    @Test
    void onlyTheSpellingMintWroteIsAccepted() {
        CsrfTokens tokens = new CsrfTokens(config(null));
        for (int i = 0; i < 64; i++) {
            String token = tokens.mint("link");
            // 32 bytes of HMAC are 43 base64 characters whose last one has two unused bits: flipping them gives
            // another spelling of the same bytes, which a lenient decoder would accept.
            char last = token.charAt(token.length() - 1);
            int value = ALPHABET.indexOf(last);
            String sameBytes = token.substring(0, token.length() - 1) + ALPHABET.charAt(value ^ 1);
            assertThat(tokens.valid(token, "link")).isTrue();
            assertThat(tokens.valid(sameBytes, "link")).as(sameBytes).isFalse();
        }
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void aShortConfiguredKeyIsRefused() {
        assertThatThrownBy(() -> new CsrfTokens(config("short"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32");
    }

    @Test
    void originsAreComparedTheWayBrowsersWriteThem() {
        assertThat(CsrfFilter.origin("https://Invitation.example.org:443/invitation?x=1"))
                .isEqualTo("https://invitation.example.org");
        assertThat(CsrfFilter.origin("http://localhost:8080/")).isEqualTo("http://localhost:8080");
        assertThat(CsrfFilter.origin("null")).isNull();
        assertThat(CsrfFilter.origin("/relative")).isNull();
    }
}
