package itu.wsis.web.security;

import itu.wsis.web.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens that are always signed and bound to the personal link of the browser that got them (issue #14): a
 * token is {@code nonce.HMAC-SHA256(key, domain | SHA-256(link) | nonce)}. Whoever does not hold both the key and the
 * victim's link cannot make one, and a token minted for one link's session does not validate with another link.
 * The key is {@code WSIS_WEB_CSRF_KEY}, or a random one generated at startup (then tokens do not survive a restart,
 * and several instances need the configured key: docs/security-auth.md).
 */
@ApplicationScoped
public class CsrfTokens {

    private static final Logger LOG = Logger.getLogger(CsrfTokens.class);
    private static final byte[] DOMAIN = "wsis-csrf-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public CsrfTokens(WebConfig config) {
        byte[] secret;
        if (config.csrfKey().isPresent()) {
            String configured = config.csrfKey().get();
            if (configured.length() < 32) {
                throw new IllegalStateException("WSIS_WEB_CSRF_KEY must have at least 32 characters");
            }
            secret = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            RANDOM.nextBytes(secret);
            LOG.info("CSRF tokens are signed with a key generated at startup; set WSIS_WEB_CSRF_KEY when the invitee"
                    + " pages run as more than one instance");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A new token for the browser holding {@code link} (null: a browser without a link, whose forms go nowhere). */
    public String mint(String link) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return ENCODER.encodeToString(nonce) + "." + ENCODER.encodeToString(mac(link, nonce));
    }

    /** Whether {@code token} was minted here for {@code link}. Constant time in the signature. */
    public boolean valid(String token, String link) {
        if (token == null || token.length() > 100) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return false;
        }
        try {
            byte[] nonce = DECODER.decode(token.substring(0, dot));
            if (nonce.length != NONCE_BYTES) {
                return false;
            }
            // Compared as text, not as decoded bytes: base64 leaves unused bits in the last character, so several
            // spellings decode to the same signature; only the one mint() writes is accepted.
            String expected = token.substring(0, dot + 1) + ENCODER.encodeToString(mac(link, nonce));
            return MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                    expected.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private byte[] mac(String link, byte[] nonce) {
        try {
            byte[] linkHash = MessageDigest.getInstance("SHA-256")
                    .digest((link == null ? "" : link).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(DOMAIN);
            mac.update(ByteBuffer.allocate(4).putInt(linkHash.length).array());
            mac.update(linkHash);
            mac.update(nonce);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
