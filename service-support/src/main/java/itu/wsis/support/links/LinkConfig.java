package itu.wsis.support.links;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

@ConfigMapping(prefix = "wsis.links")
public interface LinkConfig {

    /** Ed25519 public key (X.509 PEM) that verifies personal links: a classpath resource or a file path. */
    Optional<String> publicKeyLocation();

    /** Ed25519 private key (PKCS#8 PEM) that signs them. Only the service that sends the links has it. */
    Optional<String> privateKeyLocation();
}
