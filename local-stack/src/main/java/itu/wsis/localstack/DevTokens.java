package itu.wsis.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Dev/test JWTs signed with the dev private key whose public half the services trust in their local and test
 * profiles. Never valid in production: production verifies against the real identity provider's keys.
 */
public final class DevTokens {

    public static final String ISSUER = "https://wsis.local/dev";
    public static final Set<String> ROLES = Set.of("secretariat", "ops");
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);
    private static final String KEY_RESOURCE = "/dev-keys/jwt-private-key.pem";

    private static volatile PrivateKey privateKey;

    private DevTokens() {
    }

    /** A token with {@code upn} = subject and {@code groups} = [role]. */
    public static String issue(String role, String subject, Duration ttl) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "', expected one of " + ROLES);
        }
        return Jwt.issuer(ISSUER)
                .upn(subject)
                .subject(subject)
                .groups(Set.of(role))
                .expiresIn(ttl)
                .sign(privateKey());
    }

    public static String issue(String role) {
        return issue(role, "dev-" + role, DEFAULT_TTL);
    }

    static PrivateKey privateKey() {
        PrivateKey key = privateKey;
        if (key == null) {
            key = loadPrivateKey();
            privateKey = key;
        }
        return key;
    }

    // Parsed here rather than by smallrye's key locator so that a missing or broken key fails with a clear message.
    private static PrivateKey loadPrivateKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream(KEY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + KEY_RESOURCE + " not found");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(KEY_RESOURCE + " is not an RSA PKCS#8 PEM key", e);
        }
    }
}
