package itu.wsis.localstack;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Staff JWTs for the local stack and the tests, signed with the installation's own JWT key
 * ({@link InstallationKeys}), whose public half those services trust. No key is built in: there is none in any
 * artifact. Production verifies against the real identity provider's keys instead.
 */
public final class DevTokens {

    public static final String ISSUER = InstallationKeys.ISSUER;
    public static final String AUDIENCE = InstallationKeys.AUDIENCE;
    public static final Set<String> ROLES = InstallationKeys.ROLES;
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);

    private final PrivateKey key;

    private DevTokens(PrivateKey key) {
        this.key = key;
    }

    /** Tokens signed with the JWT key under {@code keysDir} (the layout of {@link InstallationKeys}). */
    public static DevTokens of(Path keysDir) {
        return new DevTokens(InstallationKeys.readPrivateKey(keysDir.resolve(InstallationKeys.JWT_PRIVATE), "RSA"));
    }

    public static DevTokens of(PrivateKey key) {
        return new DevTokens(key);
    }

    /** A token with {@code upn} = {@code sub} = subject, {@code groups} = [role], the local issuer and audience. */
    public String issue(String role, String subject, Duration ttl) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "', expected one of " + ROLES);
        }
        return InstallationKeys.sign(key, role, subject, Instant.now(), ttl, ISSUER, AUDIENCE);
    }

    public String issue(String role) {
        return issue(role, "dev-" + role, DEFAULT_TTL);
    }

    public PrivateKey key() {
        return key;
    }
}
