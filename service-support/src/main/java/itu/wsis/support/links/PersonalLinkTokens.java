package itu.wsis.support.links;

import itu.wsis.support.keys.PemKeys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
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
    // Signature objects are not thread-safe but cost a provider lookup each to create: one per thread, re-initialised
    // with the key for every use (issue #16: verification is a large share of the accept path's CPU).
    private static final ThreadLocal<Signature> ED25519 = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    });

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
            Signature signer = ED25519.get();
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
        // 44 payload bytes and 64 signature bytes are exactly 59 + 86 base64url characters: anything else is refused
        // before any decoding or signature work.
        if (dot != 59 || token.length() != 59 + 1 + 86) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (payload.length != PAYLOAD_BYTES || signature.length != SIGNATURE_BYTES) {
                return Optional.empty();
            }
            Signature verifier = ED25519.get();
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
        return PemKeys.privateKey(pem, "Ed25519");
    }

    public static PublicKey publicKeyFromPem(String pem) {
        return PemKeys.publicKey(pem, "Ed25519");
    }
}
