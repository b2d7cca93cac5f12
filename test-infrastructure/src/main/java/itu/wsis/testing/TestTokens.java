package itu.wsis.testing;

import itu.wsis.localstack.DevTokens;

import io.smallrye.jwt.build.Jwt;

import java.time.Duration;
import java.util.Set;

/** Real JWTs signed with the dev key, as the services verify them in the test profile. */
public final class TestTokens {

    private static final String DEV_PRIVATE_KEY = "dev-keys/jwt-private-key.pem";

    private TestTokens() {
    }

    public static String secretariat() {
        return DevTokens.issue("secretariat", "test.secretariat@itu.example.org", Duration.ofHours(1));
    }

    public static String ops() {
        return DevTokens.issue("ops", "test.ops@itu.example.org", Duration.ofHours(1));
    }

    /** A genuine token whose only role is one no endpoint accepts. */
    public static String withoutRole() {
        return Jwt.issuer(DevTokens.ISSUER).upn("nobody@example.org").groups(Set.of("invitee"))
                .expiresIn(Duration.ofHours(1)).sign(DEV_PRIVATE_KEY);
    }

    /** A genuine secretariat token that expired an hour ago. */
    public static String expiredSecretariat() {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(DevTokens.ISSUER).upn("late@itu.example.org").groups(Set.of("secretariat"))
                .issuedAt(now - 7200).expiresAt(now - 3600).sign(DEV_PRIVATE_KEY);
    }
}
