package itu.wsis.support.links;

import itu.wsis.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalLinkTokensTest {

    static final Instant NOW = Instant.parse("2022-03-21T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    final PrivateKey privateKey = TestKeys.linkSigningKey();
    final PublicKey publicKey = PersonalLinkTokens.publicKeyFromPem(read(TestKeys.linkPublicKey()));
    final LinkClaims claims = new LinkClaims(UUID.randomUUID(), 2, NOW.plusSeconds(86_400));

    @Test
    void aSignedLinkOpensItsOwnInvitation() {
        String token = PersonalLinkTokens.sign(claims, privateKey);

        assertThat(PersonalLinkTokens.verify(token, publicKey, CLOCK)).contains(claims);
        assertThat(token).hasSizeLessThan(200).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void twoMintsOfTheSameClaimsDifferByTheirNonce() {
        assertThat(PersonalLinkTokens.sign(claims, privateKey)).isNotEqualTo(PersonalLinkTokens.sign(claims, privateKey));
    }

    @Test
    void aTamperedLinkOpensNothing() {
        String token = PersonalLinkTokens.sign(claims, privateKey);
        char[] chars = token.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';

        assertThat(PersonalLinkTokens.verify(new String(chars), publicKey, CLOCK)).isEmpty();
        assertThat(PersonalLinkTokens.verify(token + "x", publicKey, CLOCK)).isEmpty();
        assertThat(PersonalLinkTokens.verify("garbage", publicKey, CLOCK)).isEmpty();
        assertThat(PersonalLinkTokens.verify(null, publicKey, CLOCK)).isEmpty();
    }

    @Test
    void aLinkSignedWithAnotherKeyOpensNothing() throws NoSuchAlgorithmException {
        PrivateKey other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();

        assertThat(PersonalLinkTokens.verify(PersonalLinkTokens.sign(claims, other), publicKey, CLOCK)).isEmpty();
    }

    @Test
    void anExpiredLinkIsAuthenticButNotValid() {
        String token = PersonalLinkTokens.sign(claims, privateKey);
        Clock later = Clock.fixed(claims.expiresAt(), ZoneOffset.UTC);

        assertThat(PersonalLinkTokens.verify(token, publicKey, later)).isEmpty();
        assertThat(PersonalLinkTokens.authentic(token, publicKey)).contains(claims);
    }

    @Test
    void signaturesOnManyThreadsAtOnceAllVerify() throws Exception {
        // One Signature object per thread is reused: concurrent use must never mix two computations.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                LinkClaims mine = new LinkClaims(UUID.randomUUID(), i, NOW.plusSeconds(86_400));
                results.add(pool.submit(() -> PersonalLinkTokens.verify(PersonalLinkTokens.sign(mine, privateKey),
                        publicKey, CLOCK).equals(java.util.Optional.of(mine))));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSignatureIsTheOneTheJdksEd25519Computes() throws Exception {
        // Ed25519 is deterministic (RFC 8032): whatever computes it, the same key and message give the same bytes, so
        // links signed before the switch to BouncyCastle still verify, and the JDK verifies ours.
        String token = PersonalLinkTokens.sign(claims, privateKey);
        byte[] payload = java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        byte[] signature = java.util.Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1));
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(privateKey);
        jdk.update("wsis-personal-link-v1".getBytes(StandardCharsets.US_ASCII));
        jdk.update(payload);
        byte[] expected = jdk.sign();

        assertThat(signature).isEqualTo(expected);
        jdk.initVerify(publicKey);
        jdk.update("wsis-personal-link-v1".getBytes(StandardCharsets.US_ASCII));
        jdk.update(payload);
        assertThat(jdk.verify(signature)).isTrue();
    }

    @Test
    void aTokenSignedByTheJdkVerifies() throws Exception {
        String token = PersonalLinkTokens.sign(claims, privateKey);
        byte[] payload = java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        payload[payload.length - 1] ^= 1; // another nonce: a token this code never signed
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(privateKey);
        jdk.update("wsis-personal-link-v1".getBytes(StandardCharsets.US_ASCII));
        jdk.update(payload);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String jdkToken = b64.encodeToString(payload) + "." + b64.encodeToString(jdk.sign());

        assertThat(PersonalLinkTokens.verify(jdkToken, publicKey, CLOCK)).contains(claims);
    }

    @Test
    void twoKeysUsedAtOnceOnManyThreadsNeverMixed() throws Exception {
        // The converted key is cached: threads alternating between two key pairs must each get their own key's
        // signature, and a token must open only with its own public key.
        java.security.KeyPair second = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean first = i % 2 == 0;
                LinkClaims mine = new LinkClaims(UUID.randomUUID(), i, NOW.plusSeconds(86_400));
                results.add(pool.submit(() -> {
                    String token = PersonalLinkTokens.sign(mine, first ? privateKey : second.getPrivate());
                    PublicKey own = first ? publicKey : second.getPublic();
                    PublicKey other = first ? second.getPublic() : publicKey;
                    return PersonalLinkTokens.verify(token, own, CLOCK).equals(java.util.Optional.of(mine))
                            && PersonalLinkTokens.verify(token, other, CLOCK).isEmpty();
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyOfAnotherAlgorithmOpensNothingAndSignsNothing() throws Exception {
        java.security.KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        String token = PersonalLinkTokens.sign(claims, privateKey);

        assertThat(PersonalLinkTokens.verify(token, ec.getPublic(), CLOCK)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PersonalLinkTokens.sign(claims, ec.getPrivate()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTokenOfTheWrongLengthIsRefusedBeforeAnyWork() {
        String token = PersonalLinkTokens.sign(claims, privateKey);
        assertThat(PersonalLinkTokens.authentic(token.substring(1), publicKey)).isEmpty();
        assertThat(PersonalLinkTokens.authentic(token.replace('.', '_'), publicKey)).isEmpty();
        assertThat(PersonalLinkTokens.authentic(token + "==", publicKey)).isEmpty();
    }

    private static String read(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
