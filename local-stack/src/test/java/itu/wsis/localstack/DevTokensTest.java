package itu.wsis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @TempDir
    Path keys;

    @Test
    void tokenIsRs256SignedByTheInstallationKeyWithRoleSubjectAndAudience() throws Exception {
        InstallationKeys.ensure(keys, null);
        String token = DevTokens.of(keys).issue("secretariat", "alice", Duration.ofHours(12));
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);

        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey(keys.resolve(InstallationKeys.JWT_PUBLIC)));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String header = decode(parts[0]);
        String claims = decode(parts[1]);
        assertThat(header).contains("\"alg\":\"RS256\"");
        assertThat(claims).contains("\"iss\":\"https://wsis.local/dev\"", "\"upn\":\"alice\"", "\"aud\":\"wsis\"",
                "\"groups\":[\"secretariat\"]");
        long iat = Long.parseLong(claims.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(exp - iat).isEqualTo(Duration.ofHours(12).toSeconds());
    }

    @Test
    void aSubjectIsEscapedInsideTheJson() {
        InstallationKeys.ensure(keys, null);
        String token = DevTokens.of(keys).issue("ops", "a\"b\\c", Duration.ofMinutes(5));
        assertThat(decode(token.split("\\.")[1])).contains("\"sub\":\"a\\\"b\\\\c\"");
    }

    @Test
    void unknownRoleIsRefused() {
        InstallationKeys.ensure(keys, null);
        assertThatThrownBy(() -> DevTokens.of(keys).issue("admin", "x", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutKeysThereIsNoTokenAndAClearMessage() {
        assertThatThrownBy(() -> DevTokens.of(keys)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generate the installation's keys first");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    static PublicKey publicKey(Path pemFile) throws Exception {
        String pem = Files.readString(pemFile);
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
