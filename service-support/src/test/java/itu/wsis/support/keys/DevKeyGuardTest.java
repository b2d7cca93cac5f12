package itu.wsis.support.keys;

import itu.wsis.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The formerly committed keys are refused outside dev and test. The two public keys are in this module's test
 * resources (they are public anyway, and they are what a verifying service would be configured with); the private
 * halves were never put back anywhere, and are refused by their fingerprints.
 */
class DevKeyGuardTest {

    @TempDir
    Path dir;

    @Test
    void theFormerLinkAndJwtPublicKeysAreRecognised() throws IOException {
        Path link = copy("formerly-committed-keys/link-signing-public-key.pem");
        Path jwt = copy("formerly-committed-keys/jwt-public-key.pem");

        List<String> known = DevKeyGuard.knownKeys(Map.of("wsis.links.public-key-location", link.toString(),
                "mp.jwt.verify.publickey.location", "file:" + jwt));

        assertThat(known).hasSize(2);
        assertThat(known).anySatisfy(k -> assertThat(k).startsWith("wsis.links.public-key-location")
                .contains("former personal-link public key"));
        assertThat(known).anySatisfy(k -> assertThat(k).startsWith("mp.jwt.verify.publickey.location")
                .contains("former staff JWT public key"));
    }

    @Test
    void freshlyGeneratedKeysPass() {
        assertThat(DevKeyGuard.knownKeys(Map.of(
                "wsis.links.public-key-location", TestKeys.linkPublicKey().toString(),
                "wsis.links.private-key-location", TestKeys.linkPrivateKey().toString(),
                "mp.jwt.verify.publickey.location", TestKeys.jwtPublicKey().toString()))).isEmpty();
    }

    @Test
    void aPrivateKeyIsRecognisedByTheFingerprintOfItsEncoding() throws Exception {
        var key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        Path file = Files.writeString(dir.resolve("k.pem"), PemKeys.pem("PRIVATE KEY", key.getEncoded()));
        String fingerprint = KnownDevKeys.fingerprint(PemKeys.anyKey(Files.readString(file)).orElseThrow());
        assertThat(fingerprint).isEqualTo(KnownDevKeys.fingerprint(key));
        // The formerly committed link private key is listed by that same fingerprint.
        assertThat(KnownDevKeys.FINGERPRINTS)
                .containsKey("bede85f785379b1aa971eaeb3dc85c7d6fbdf0a67eeecd04e1cd1304340a8727");
    }

    @Test
    void urlsAndMissingFilesAreNotReadHere() {
        assertThat(DevKeyGuard.knownKeys(Map.of("mp.jwt.verify.publickey.location",
                "https://idp.example.org/realms/wsis/protocol/openid-connect/certs",
                "wsis.links.public-key-location", dir.resolve("absent.pem").toString()))).isEmpty();
    }

    @Test
    void onlyTheDevAndTestProfilesAreExempt() {
        assertThat(DevKeyGuard.exempt(List.of("test"))).isTrue();
        assertThat(DevKeyGuard.exempt(List.of("dev"))).isTrue();
        assertThat(DevKeyGuard.exempt(List.of("local"))).isFalse();
        assertThat(DevKeyGuard.exempt(List.of("prod"))).isFalse();
        assertThat(DevKeyGuard.exempt(List.of())).isFalse();
    }

    private Path copy(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Path file = dir.resolve(Path.of(resource).getFileName().toString());
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}
