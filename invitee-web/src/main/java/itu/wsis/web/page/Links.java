package itu.wsis.web.page;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What this module reads from a personal link without trusting it: its shape and the invitation it names. The
 * signature, expiry, version and revocation are judged by the services, which hold the key and the read models
 * (docs/adr/0002-personal-link-tokens.md).
 */
public final class Links {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{20,100}\\.[A-Za-z0-9_-]{20,120}");

    private Links() {
    }

    /** The invitation a well-shaped token names; empty for anything else (then no service is called). */
    public static Optional<UUID> invitationOf(String token) {
        if (token == null || token.length() > 200 || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
            if (payload.length != 44) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
