package itu.wsis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Main keys}, as {@code ./wsis up} calls it: the keys, and with {@code --token-for} a token from the same JVM. */
class MainKeysCommandTest {

    @TempDir
    Path keys;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void withTokenForStdoutIsOnlyATokenSignedByTheKeysJustMadeAndTheSummaryGoesToStderr() throws Exception {
        Main.main(new String[] {"keys", "--dir", keys.toString(), "--token-for", "secretariat", "--ttl", "PT4M"});

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(stdout.lines()).hasSize(1);
        String[] parts = stdout.strip().split("\\.");
        assertThat(parts).hasSize(3);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(DevTokensTest.publicKey(keys.resolve(InstallationKeys.JWT_PUBLIC)));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"groups\":[\"secretariat\"]", "\"sub\":\"dev-secretariat\"");
        long iat = Long.parseLong(claims.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp - iat).isEqualTo(240);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("keys:").contains(keys.toString());
    }

    @Test
    void withoutTokenForTheSummaryIsOnStdoutAsBefore() throws Exception {
        Main.main(new String[] {"keys", "--dir", keys.toString()});

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("keys:").contains(keys.toString());
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("eyJ");
    }
}
