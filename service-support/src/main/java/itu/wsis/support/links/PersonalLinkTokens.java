package itu.wsis.support.links;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal-link tokens, as decided in docs/adr/0002-personal-link-tokens.md: Ed25519-signed claims plus a
 * 128-bit nonce from SecureRandom. The sender signs at send time with the private key; the services that answer
 * the link verify with the public key and their own read model (link version, revocation). No token is stored
 * anywhere or sent on a topic.
 * <p>
 * Format: {@code base64url(invitationId[16] | linkVersion[4] | expiresAt epoch-seconds[8] | nonce[16])} "."
 * {@code base64url(signature[64])}.
 */
public final class PersonalLinkTokens {

    private static final byte[] DOMAIN = "wsis-personal-link-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int PAYLOAD_BYTES = 16 + 4 + 8 + 16;
    private static final int SIGNATURE_BYTES = 64;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalLinkTokens() {
    }

    public static String sign(LinkClaims claims, PrivateKey key) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
        payload.putLong(claims.invitationId().getMostSignificantBits())
                .putLong(claims.invitationId().getLeastSignificantBits())
                .putInt(claims.linkVersion())
                .putLong(claims.expiresAt().getEpochSecond());
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        payload.put(nonce);
        byte[] bytes = payload.array();
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(DOMAIN);
            signer.update(bytes);
            return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a personal link", e);
        }
    }

    /**
     * The claims of a well-formed, authentic, unexpired token; empty otherwise. Callers must still check the link
     * version and the invitation's state against their read model.
     */
    public static Optional<LinkClaims> verify(String token, PublicKey key, Clock clock) {
        return authentic(token, key).filter(claims -> clock.instant().isBefore(claims.expiresAt()));
    }

    /** Authentic claims whether or not expired, so that callers can tell "expired" from "forged". */
    public static Optional<LinkClaims> authentic(String token, PublicKey key) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (payload.length != PAYLOAD_BYTES || signature.length != SIGNATURE_BYTES) {
                return Optional.empty();
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(DOMAIN);
            verifier.update(payload);
            if (!verifier.verify(signature)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            UUID invitationId = new UUID(buffer.getLong(), buffer.getLong());
            int version = buffer.getInt();
            Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
            return Optional.of(new LinkClaims(invitationId, version, expiresAt));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    public static PrivateKey privateKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key", e);
        }
    }

    public static PublicKey publicKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key", e);
        }
    }

    private static byte[] der(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
