package itu.wsis.support.keys;

import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The development keys that were once committed to this repository. They stay public in its history forever, so a
 * service outside the dev and test profiles refuses to start with any of them ({@link DevKeyGuard}). Each is named
 * by the SHA-256 of its standard encoding ({@link Key#getEncoded()}: X.509 for public keys, PKCS#8 for private ones).
 */
public final class KnownDevKeys {

    static final Map<String, String> FINGERPRINTS = Map.of(
            "deef864c2254ba4a28a620179945d63956d0ae15f5e2d7aa6add99878477e420",
            "the repository's former personal-link public key (service-support dev-keys/link-signing-public-key.pem)",
            "bede85f785379b1aa971eaeb3dc85c7d6fbdf0a67eeecd04e1cd1304340a8727",
            "the repository's former personal-link private key (service-support dev-keys/link-signing-private-key.pem)",
            "636a833a9b0bd40a1b53f061b4e86f5cb48ecdea254d856874b31e570757e404",
            "the repository's former staff JWT public key (service-support dev-keys/jwt-public-key.pem)",
            "05ddcd203c096a263006835bfcc559e9637fa93931765c3211c0086f002e32b3",
            "the repository's former staff JWT private key (local-stack dev-keys/jwt-private-key.pem)");

    private KnownDevKeys() {
    }

    /** What the key is, when it is one of the formerly committed keys. */
    public static java.util.Optional<String> identify(Key key) {
        return java.util.Optional.ofNullable(FINGERPRINTS.get(fingerprint(key)));
    }

    public static String fingerprint(Key key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
