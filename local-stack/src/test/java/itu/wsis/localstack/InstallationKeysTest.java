package itu.wsis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesBothPairsOnceWithPrivateKeysReadableOnlyByTheOwner() throws Exception {
        assertThat(InstallationKeys.ensure(dir, null)).startsWith("keys: generated");
        for (String name : new String[] {InstallationKeys.LINK_PRIVATE, InstallationKeys.JWT_PRIVATE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                    .isEqualTo("r--------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name).getParent())))
                    .isEqualTo("rwx------");
        }
        assertThat(Files.readString(dir.resolve(InstallationKeys.LINK_PUBLIC))).startsWith("-----BEGIN PUBLIC KEY-----");
        String before = Files.readString(dir.resolve(InstallationKeys.LINK_PRIVATE));

        // The second start keeps the keys, so that links and tokens already handed out keep working.
        assertThat(InstallationKeys.ensure(dir, null)).startsWith("keys: present");
        assertThat(Files.readString(dir.resolve(InstallationKeys.LINK_PRIVATE))).isEqualTo(before);
    }

    @Test
    void theLinkPairSignsAndVerifies() throws Exception {
        InstallationKeys.ensure(dir, null);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(InstallationKeys.readPrivateKey(dir.resolve(InstallationKeys.LINK_PRIVATE), "Ed25519"));
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        String pem = Files.readString(dir.resolve(InstallationKeys.LINK_PUBLIC));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "")))));
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void halfAPairIsNeverCompletedWithAnUnrelatedHalf() throws Exception {
        InstallationKeys.ensure(dir, null);
        Files.delete(dir.resolve(InstallationKeys.JWT_PRIVATE));
        assertThatThrownBy(() -> InstallationKeys.ensure(dir, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only half of a key pair");
    }

    /** Compose runs the file with the JDK's source launcher, alone: it must need nothing but the JDK. */
    @Test
    void theSourceFileRunsAloneWithTheJavaLauncher() throws Exception {
        Path source = Path.of("src/main/java/itu/wsis/localstack/InstallationKeys.java");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), source.toString(), "keys", "--dir", dir.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("keys: generated");
        Process token = new ProcessBuilder(java.toString(), source.toString(), "token", "ops", "--dir", dir.toString())
                .redirectErrorStream(true).start();
        assertThat(token.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String jwt = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(token.exitValue()).as(jwt).isZero();
        assertThat(jwt.split("\\.")).hasSize(3);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(DevTokensTest.publicKey(dir.resolve(InstallationKeys.JWT_PUBLIC)));
        String[] parts = jwt.split("\\.");
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }
}
