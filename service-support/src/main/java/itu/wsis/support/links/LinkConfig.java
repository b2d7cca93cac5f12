package itu.wsis.support.links;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "wsis.links")
public interface LinkConfig {

    /** Ed25519 public key (X.509 PEM file) that verifies personal links. */
    Optional<String> publicKeyLocation();

    /** Ed25519 private key (PKCS#8 PEM file) that signs them. Only the service that sends the links has it. */
    Optional<String> privateKeyLocation();

    /** The rate limits of the personal-link admission (docs/security-auth.md). In memory, per instance. */
    RateLimits rateLimits();

    interface RateLimits {

        /**
         * Failed authentications (no link, a malformed or a forged one) one client address may make. Only failures
         * count, so a guesser exhausts his own address's budget and nobody else's, and never a valid link's.
         */
        Rate failuresPerAddress();

        /**
         * Requests one genuine link (invitation and link version) may make, whatever they answer: generous for a
         * person, tight for a script, and out of reach of anyone who does not hold the link.
         */
        Rate perLink();

        /** Buckets kept in memory per limiter; the least recently used go first. */
        @WithDefault("100000")
        int maxKeys();
    }

    interface Rate {
        int permits();

        Duration per();
    }
}
