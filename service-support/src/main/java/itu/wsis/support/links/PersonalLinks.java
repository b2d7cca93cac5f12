package itu.wsis.support.links;

import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks (and, in the sending service, signs) personal-link tokens. A caller still compares the claims with its
 * own read model: the link version (a re-issued link supersedes older ones) and the invitation's revocation.
 */
@ApplicationScoped
public class PersonalLinks {

    /** The request header that carries the token, so that it never sits in a URL, a log line or a Referer. */
    public static final String HEADER = "WSIS-Personal-Link";

    private final LinkConfig config;
    private final Clock clock;
    private volatile PublicKey publicKey;
    private volatile PrivateKey privateKey;

    public PersonalLinks(LinkConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * The claims of a genuine, unexpired token. A missing or forged token answers 401; an expired one 410, since
     * the invitee then needs to ask for a new link rather than retry.
     */
    public LinkClaims verify(String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.unauthorized("personal-link-required",
                    "This address needs the personal link from your invitation email (header " + HEADER + ").");
        }
        LinkClaims claims = PersonalLinkTokens.authentic(token.trim(), publicKey())
                .orElseThrow(() -> ProblemException.unauthorized("personal-link-invalid",
                        "This personal link is not valid. Please use the link from your latest invitation email."));
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw ProblemException.gone("personal-link-expired",
                    "This personal link has expired. Please contact the secretariat for a new one.");
        }
        return claims;
    }

    /** Refuses a link that a newer one has superseded. */
    public static void requireCurrentVersion(LinkClaims claims, int currentVersion) {
        if (claims.linkVersion() < currentVersion) {
            throw ProblemException.gone("personal-link-reissued",
                    "A new personal link has been sent for this invitation; this one no longer works.");
        }
        if (claims.linkVersion() > currentVersion) {
            // Signed for a version this service has not seen yet: its read model lags, so answer as not yet valid.
            throw ProblemException.unauthorized("personal-link-not-yet-active",
                    "This personal link is not active yet. Please try again in a minute.");
        }
    }

    public String sign(LinkClaims claims) {
        return PersonalLinkTokens.sign(claims, privateKey());
    }

    private PublicKey publicKey() {
        PublicKey key = publicKey;
        if (key == null) {
            key = PersonalLinkTokens.publicKeyFromPem(read(config.publicKeyLocation(), "wsis.links.public-key-location"));
            publicKey = key;
        }
        return key;
    }

    private PrivateKey privateKey() {
        PrivateKey key = privateKey;
        if (key == null) {
            key = PersonalLinkTokens.privateKeyFromPem(read(config.privateKeyLocation(), "wsis.links.private-key-location"));
            privateKey = key;
        }
        return key;
    }

    private static String read(Optional<String> location, String property) {
        String where = location.orElseThrow(() -> new IllegalStateException(property + " is not configured"));
        Path file = Path.of(where.startsWith("file:") ? where.substring(5) : where);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(where)) {
                if (in == null) {
                    throw new IllegalStateException(property + " names neither a file nor a resource: " + where);
                }
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
