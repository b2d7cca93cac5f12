package itu.wsis.testing;

import itu.wsis.localstack.InstallationKeys;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;

/**
 * Fresh keys for this test JVM, generated once under its work directory like an installation's
 * ({@link InstallationKeys}): nothing is taken from the repository, so no test depends on a committed key. Tests
 * that sign links or staff tokens use the private halves from here; the services get the locations as config.
 */
public final class TestKeys {

    private static Path dir;
    private static PrivateKey linkKey;
    private static PrivateKey jwtKey;

    private TestKeys() {
    }

    public static synchronized Path dir() {
        if (dir == null) {
            Path d = Infra.workDir().resolve("keys-" + ProcessHandle.current().pid());
            InstallationKeys.ensure(d, null);
            dir = d;
        }
        return dir;
    }

    /** The Ed25519 key that signs personal links, as notification-service holds it. */
    public static synchronized PrivateKey linkSigningKey() {
        if (linkKey == null) {
            linkKey = InstallationKeys.readPrivateKey(dir().resolve(InstallationKeys.LINK_PRIVATE), "Ed25519");
        }
        return linkKey;
    }

    /** The RSA key that signs staff JWTs. */
    public static synchronized PrivateKey jwtSigningKey() {
        if (jwtKey == null) {
            jwtKey = InstallationKeys.readPrivateKey(dir().resolve(InstallationKeys.JWT_PRIVATE), "RSA");
        }
        return jwtKey;
    }

    public static Path linkPublicKey() {
        return dir().resolve(InstallationKeys.LINK_PUBLIC);
    }

    public static Path linkPrivateKey() {
        return dir().resolve(InstallationKeys.LINK_PRIVATE);
    }

    public static Path jwtPublicKey() {
        return dir().resolve(InstallationKeys.JWT_PUBLIC);
    }

    /** The configuration that makes a service trust (and, for the sender, sign with) these keys. */
    public static Map<String, String> config() {
        return Map.of(
                "wsis.links.public-key-location", linkPublicKey().toString(),
                "wsis.links.private-key-location", linkPrivateKey().toString(),
                "mp.jwt.verify.publickey.location", jwtPublicKey().toString(),
                "mp.jwt.verify.issuer", InstallationKeys.ISSUER);
    }
}
