package itu.wsis.support.links;

import itu.wsis.support.keys.PemKeys;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
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
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    // Ed25519 through BouncyCastle's RFC 8032 code, not the JDK's: about 0.1 ms per signature or verification against
    // 1.3-1.6 ms for JDK 17's pure-Java EdDSA (issue #16: signing was 28% of the sender's CPU, verification 24% of
    // the accept path's). Ed25519 is deterministic, so the signatures are byte for byte the JDK's (tested), and the
    // keys stay JDK keys in the API. The last key seen is kept in BouncyCastle's form: a service has one key, and
    // the public one carries its decoded point, which is where verification saves most.
    private static volatile Signer signer;
    private static volatile Verifier verifier;

    private record Signer(PrivateKey key, Ed25519PrivateKeyParameters parameters) {
    }

    private record Verifier(PublicKey key, Ed25519PublicKeyParameters parameters) {
    }

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
        byte[] message = new byte[DOMAIN.length + PAYLOAD_BYTES];
        System.arraycopy(DOMAIN, 0, message, 0, DOMAIN.length);
        System.arraycopy(bytes, 0, message, DOMAIN.length, PAYLOAD_BYTES);
        byte[] signature = new byte[SIGNATURE_BYTES];
        signing(key).sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(signature);
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
            byte[] message = new byte[DOMAIN.length + PAYLOAD_BYTES];
            System.arraycopy(DOMAIN, 0, message, 0, DOMAIN.length);
            System.arraycopy(payload, 0, message, DOMAIN.length, PAYLOAD_BYTES);
            if (!verifying(key).verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            UUID invitationId = new UUID(buffer.getLong(), buffer.getLong());
            int version = buffer.getInt();
            Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
            return Optional.of(new LinkClaims(invitationId, version, expiresAt));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Ed25519PrivateKeyParameters signing(PrivateKey key) {
        Signer last = signer;
        if (last != null && last.key() == key) {
            return last.parameters();
        }
        if (!(key instanceof EdECPrivateKey edec) || !"Ed25519".equalsIgnoreCase(edec.getParams().getName())) {
            throw new IllegalStateException("cannot sign a personal link: not an Ed25519 private key");
        }
        byte[] seed = edec.getBytes().orElseThrow(
                () -> new IllegalStateException("cannot sign a personal link: the private key is not extractable"));
        Ed25519PrivateKeyParameters parameters = new Ed25519PrivateKeyParameters(seed, 0);
        Arrays.fill(seed, (byte) 0);
        signer = new Signer(key, parameters);
        return parameters;
    }

    /** The public key in BouncyCastle's form; throws IllegalArgumentException for a key that is not Ed25519. */
    private static Ed25519PublicKeyParameters verifying(PublicKey key) {
        Verifier last = verifier;
        if (last != null && last.key() == key) {
            return last.parameters();
        }
        byte[] encoded = key.getEncoded();
        // SubjectPublicKeyInfo of an Ed25519 key (RFC 8410): this fixed prefix, then the 32 bytes of the key.
        if ((!"Ed25519".equalsIgnoreCase(key.getAlgorithm()) && !"EdDSA".equalsIgnoreCase(key.getAlgorithm()))
                || encoded == null || encoded.length != ED25519_SPKI_PREFIX.length + Ed25519.PUBLIC_KEY_SIZE
                || !Arrays.equals(encoded, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0,
                ED25519_SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        Ed25519PublicKeyParameters parameters = new Ed25519PublicKeyParameters(encoded, ED25519_SPKI_PREFIX.length);
        verifier = new Verifier(key, parameters);
        return parameters;
    }

    public static PrivateKey privateKeyFromPem(String pem) {
        return PemKeys.privateKey(pem, "Ed25519");
    }

    public static PublicKey publicKeyFromPem(String pem) {
        return PemKeys.publicKey(pem, "Ed25519");
    }
}
