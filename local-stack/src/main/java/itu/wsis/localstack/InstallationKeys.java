package itu.wsis.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The keys of one installation, generated on its first start and never committed (docs/security-auth.md): an
 * Ed25519 pair that signs and verifies personal links, and an RSA pair for the staff JWTs of the local stack.
 * {@code ./wsis up} keeps them under its run directory, compose in volumes written by its {@code keys} init step.
 * <pre>
 * &lt;dir&gt;/public/link-signing-public-key.pem   every service that answers a link
 * &lt;dir&gt;/public/jwt-public-key.pem            every service (verifies staff JWTs)
 * &lt;dir&gt;/link-private/link-signing-private-key.pem   notification-service only
 * &lt;dir&gt;/jwt-private/jwt-private-key.pem      only what mints staff tokens (./wsis token)
 * </pre>
 * Plain JDK only, in one file, so that compose can run it with the JDK's source launcher
 * ({@code java InstallationKeys.java keys --dir /keys}) without building anything.
 */
public final class InstallationKeys {

    public static final String ISSUER = "https://wsis.local/dev";
    public static final String AUDIENCE = "wsis";
    public static final Set<String> ROLES = Set.of("secretariat", "ops");

    public static final String LINK_PUBLIC = "public/link-signing-public-key.pem";
    public static final String JWT_PUBLIC = "public/jwt-public-key.pem";
    public static final String LINK_PRIVATE = "link-private/link-signing-private-key.pem";
    public static final String JWT_PRIVATE = "jwt-private/jwt-private-key.pem";

    private static final String USAGE = String.join("\n",
            "usage: java InstallationKeys.java <command> [options]",
            "  keys  --dir <dir> [--owner <uid>[:<gid>]]   generate the installation's keys unless present",
            "  token secretariat|ops --dir <dir> [--subject <name>] [--ttl PT12H] [--issuer <iss>] [--audience <aud>]");

    private InstallationKeys() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            fail(USAGE);
        }
        try {
            switch (args[0]) {
                case "keys" -> {
                    Map<String, String> o = options(args, 1);
                    System.out.println(ensure(Path.of(required(o, "dir")), o.get("owner")));
                }
                case "token" -> {
                    if (args.length < 2) {
                        fail(USAGE);
                    }
                    Map<String, String> o = options(args, 2);
                    System.out.println(token(Path.of(required(o, "dir")), args[1],
                            o.getOrDefault("subject", "dev-" + args[1]),
                            Duration.parse(o.getOrDefault("ttl", "PT12H")),
                            o.getOrDefault("issuer", ISSUER), o.getOrDefault("audience", AUDIENCE)));
                }
                default -> fail("unknown command '" + args[0] + "'\n" + USAGE);
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            fail(e.getMessage());
        }
    }

    /**
     * Generates each pair whose files are missing; a complete pair is kept, so a restart keeps its keys (and the
     * links already sent keep working). Answers a line saying what was done.
     *
     * @param owner {@code uid[:gid]} to give the files to (compose: the services' user), or null to keep the caller's
     */
    public static String ensure(Path dir, String owner) {
        List<String> done = new java.util.ArrayList<>();
        if (pair(dir, LINK_PUBLIC, LINK_PRIVATE, "Ed25519", null, owner)) {
            done.add("personal-link signing pair (Ed25519)");
        }
        if (pair(dir, JWT_PUBLIC, JWT_PRIVATE, "RSA", 2048, owner)) {
            done.add("staff JWT pair (RSA 2048)");
        }
        return done.isEmpty() ? "keys: present in " + dir : "keys: generated " + String.join(" and ", done) + " in " + dir;
    }

    /** A staff JWT as the local stack's services accept it (RS256, issuer, audience, iat, exp, groups = [role]). */
    public static String token(Path dir, String role, String subject, Duration ttl, String issuer, String audience) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "', expected one of " + ROLES);
        }
        return sign(readPrivateKey(dir.resolve(JWT_PRIVATE), "RSA"), role, subject, Instant.now(), ttl, issuer,
                audience);
    }

    /** The JWT, signed with {@code key}; the claims are exactly those the services verify (a null issuer or audience is left out). */
    public static String sign(PrivateKey key, String role, String subject, Instant issuedAt, Duration ttl,
                              String issuer, String audience) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long iat = issuedAt.getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{" + (issuer == null ? "" : "\"iss\":" + json(issuer) + ",") + "\"sub\":" + json(subject)
                + ",\"upn\":" + json(subject) + (audience == null ? "" : ",\"aud\":" + json(audience))
                + ",\"groups\":[" + json(role) + "],\"iat\":" + iat
                + ",\"exp\":" + (iat + ttl.toSeconds()) + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signed = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    public static PrivateKey readPrivateKey(Path file, String algorithm) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no key at " + file + ": generate the installation's keys first"
                    + " (./wsis up, or `Main keys --dir <run dir>/keys`)");
        }
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not an " + algorithm + " PKCS#8 PEM key", e);
        }
    }

    private static boolean pair(Path dir, String publicName, String privateName, String algorithm, Integer bits,
                                String owner) {
        Path publicFile = dir.resolve(publicName);
        Path privateFile = dir.resolve(privateName);
        boolean hasPublic = Files.exists(publicFile);
        boolean hasPrivate = Files.exists(privateFile);
        if (hasPublic && hasPrivate) {
            return false;
        }
        if (hasPublic || hasPrivate) {
            // Half a pair cannot be completed: a new pair would not match the half that others may already trust.
            throw new IllegalStateException("only half of a key pair in " + dir + " (" + (hasPublic ? publicName
                    : privateName) + "): remove it to generate a new pair, or restore the other half");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (bits != null) {
                generator.initialize(bits, new SecureRandom());
            }
            KeyPair keys = generator.generateKeyPair();
            write(privateFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), true, owner);
            write(publicFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()), false, owner);
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an " + algorithm + " key pair", e);
        }
    }

    /** Written to a temporary file with its final permissions first, then moved in place: never readable by others. */
    private static void write(Path file, String content, boolean secret, String owner) {
        try {
            Path dir = Files.createDirectories(file.getParent());
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(secret ? "rwx------" : "rwxr-xr-x"));
            }
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (posix) {
                Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(secret ? "r--------" : "r--r--r--");
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(permissions));
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(tmp, content, StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(tmp, permissions);
            } else {
                Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            }
            if (owner != null) {
                String[] ids = owner.split(":");
                for (Path p : List.of(tmp, dir)) {
                    Files.setAttribute(p, "unix:uid", Integer.parseInt(ids[0]));
                    Files.setAttribute(p, "unix:gid", Integer.parseInt(ids.length > 1 ? ids[1] : ids[0]));
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp);
                throw new IllegalStateException(file + " appeared while it was being generated; run again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Map<String, String> options(String[] args, int from) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                fail("unexpected argument '" + a + "'\n" + USAGE);
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                o.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                o.put(a.substring(2), args[++i]);
            } else {
                fail("option " + a + " needs a value");
            }
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            fail("--" + name + " is required\n" + USAGE);
        }
        return v;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
