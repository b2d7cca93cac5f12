package itu.wsis.testing;

import itu.wsis.localstack.DevTokens;
import itu.wsis.localstack.InstallationKeys;

import java.time.Duration;
import java.time.Instant;

/** Real JWTs signed with this test JVM's key ({@link TestKeys}), as the services verify them in the test profile. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String secretariat() {
        return DevTokens.of(TestKeys.jwtSigningKey()).issue("secretariat", "test.secretariat@itu.example.org",
                Duration.ofHours(1));
    }

    public static String ops() {
        return DevTokens.of(TestKeys.jwtSigningKey()).issue("ops", "test.ops@itu.example.org", Duration.ofHours(1));
    }

    /** A genuine token whose only role is one no endpoint accepts. */
    public static String withoutRole() {
        return custom("invitee", Instant.now(), Duration.ofHours(1), DevTokens.ISSUER, DevTokens.AUDIENCE);
    }

    /** A genuine secretariat token that expired an hour ago. */
    public static String expiredSecretariat() {
        return custom("secretariat", Instant.now().minusSeconds(7200), Duration.ofHours(1), DevTokens.ISSUER,
                DevTokens.AUDIENCE);
    }

    /**
     * A secretariat token signed with the test key, with the given claims: for the checks of issuer, audience,
     * lifetime, age and issue time.
     */
    public static String custom(String role, Instant issuedAt, Duration ttl, String issuer, String audience) {
        return InstallationKeys.sign(TestKeys.jwtSigningKey(), role, "test.custom@itu.example.org", issuedAt, ttl,
                issuer, audience);
    }
}
