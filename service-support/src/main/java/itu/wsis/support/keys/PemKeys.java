package itu.wsis.support.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys in PEM files: X.509 {@code PUBLIC KEY} and PKCS#8 {@code PRIVATE KEY}. Keys are read from files only, never
 * from the class path, so that no key can ride along inside an artifact (docs/security-auth.md).
 */
public final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final List<String> ALGORITHMS = List.of("Ed25519", "RSA", "EC");

    private PemKeys() {
    }

    /** A location as configured: a file path, optionally prefixed with {@code file:}. */
    public static Path path(String location) {
        return Path.of(location.startsWith("file:") ? location.substring(5) : location);
    }

    public static String read(String location, String property) {
        Path file = path(location);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(property + " names no readable file: " + location
                    + " (keys are files outside the artifacts; ./wsis up and the compose init step generate them)");
        }
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(property + ": cannot read " + location, e);
        }
    }

    public static PublicKey publicKey(String pem, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an " + algorithm + " X.509 public key", e);
        }
    }

    public static PrivateKey privateKey(String pem, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an " + algorithm + " PKCS#8 private key", e);
        }
    }

    /** The key in a PEM block of any algorithm this platform uses (Ed25519, RSA, EC); empty when none parses. */
    public static Optional<Key> anyKey(String pem) {
        for (String algorithm : ALGORITHMS) {
            try {
                return Optional.of(pem.contains("PRIVATE KEY") ? privateKey(pem, algorithm) : publicKey(pem, algorithm));
            } catch (IllegalArgumentException notThisOne) {
                // try the next algorithm
            }
        }
        return Optional.empty();
    }

    public static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find() || !m.group(1).equals(type)) {
            throw new IllegalArgumentException("no " + type + " PEM block");
        }
        return Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
    }
}
