package itu.wsis.support.links;

import itu.wsis.support.keys.PemKeys;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The keys of personal links: verifies tokens with the public key (every service that answers a link) and signs
 * them with the private key (only the service that sends the links). Both are parsed once and kept. Whether a
 * genuine link still opens its invitation is decided by {@link PersonalLinkAdmission} against the service's own
 * read model.
 */
@ApplicationScoped
public class PersonalLinks {

    /** The request header that carries the token, so that it never sits in a URL, a log line or a Referer. */
    public static final String HEADER = "WSIS-Personal-Link";

    private final LinkConfig config;
    private volatile PublicKey publicKey;
    private volatile PrivateKey privateKey;

    public PersonalLinks(LinkConfig config) {
        this.config = config;
    }

    /** The claims of a well-formed token signed by our key, expired or not; empty for anything else. */
    public Optional<LinkClaims> authentic(String token) {
        return PersonalLinkTokens.authentic(token, publicKey());
    }

    public String sign(LinkClaims claims) {
        return PersonalLinkTokens.sign(claims, privateKey());
    }

    private PublicKey publicKey() {
        PublicKey key = publicKey;
        if (key == null) {
            String location = config.publicKeyLocation()
                    .orElseThrow(() -> new IllegalStateException("wsis.links.public-key-location is not configured"));
            key = PersonalLinkTokens.publicKeyFromPem(PemKeys.read(location, "wsis.links.public-key-location"));
            publicKey = key;
        }
        return key;
    }

    private PrivateKey privateKey() {
        PrivateKey key = privateKey;
        if (key == null) {
            String location = config.privateKeyLocation()
                    .orElseThrow(() -> new IllegalStateException("wsis.links.private-key-location is not configured"));
            key = PersonalLinkTokens.privateKeyFromPem(PemKeys.read(location, "wsis.links.private-key-location"));
            privateKey = key;
        }
        return key;
    }
}
