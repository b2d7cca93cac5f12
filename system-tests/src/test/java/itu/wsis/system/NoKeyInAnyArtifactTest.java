package itu.wsis.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14: the dev signing keys reached every jar. No module's resources and none of the platform's own
 * artifacts (module jars, the services' and the pages' Quarkus applications) may hold a PEM private key or anything
 * under a {@code dev-keys} path. Keys are generated per installation (docs/security-auth.md). Runs in this last
 * module of the build, after every other module has been packaged.
 */
class NoKeyInAnyArtifactTest {

    private static final Path ROOT = Path.of(System.getProperty("wsis.root", "..")).toAbsolutePath().normalize();
    /** A PEM private key block with its base64 body (PKCS#8, RSA, EC, OpenSSH...), not merely code that names one. */
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\\s*[A-Za-z0-9+/=\\r\\n]{64,}");
    private static final List<String> APPLICATIONS = List.of("invitation-service", "registration-service",
            "speaking-request-service", "notification-service", "invitee-web");

    @Test
    void noResourceDirectoryOfAnyModuleHoldsAPrivateKey() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> scanned = new ArrayList<>();
        for (String module : modules()) {
            for (String dir : List.of("src/main/resources", "target/classes")) {
                Path resources = ROOT.resolve(module).resolve(dir);
                if (!Files.isDirectory(resources)) {
                    continue;
                }
                scanned.add(resources);
                try (Stream<Path> files = Files.walk(resources)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String name = resources.relativize(file).toString();
                        if (suspicious(name, Files.readAllBytes(file))) {
                            found.add(module + "/" + dir + "/" + name);
                        }
                    }
                }
            }
        }
        assertThat(scanned).as("resource directories scanned").isNotEmpty();
        assertThat(found).as("private keys or dev-keys in module resources").isEmpty();
    }

    @Test
    void noArtifactOfThePlatformHoldsAPrivateKey() throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String module : modules()) {
            Path target = ROOT.resolve(module).resolve("target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    files.filter(p -> p.toString().endsWith(".jar")).forEach(jars::add);
                }
            }
        }
        for (String application : APPLICATIONS) {
            Path app = ROOT.resolve(application).resolve("target/quarkus-app");
            assertThat(app).as("the packaged application of " + application + " (./mvnw package)").isDirectory();
            try (Stream<Path> files = Files.walk(app)) {
                files.filter(p -> p.toString().endsWith(".jar"))
                        // The platform's own code and every module it bundles; third-party libraries are not ours.
                        .filter(p -> p.getParent().endsWith("app") || p.getFileName().toString().startsWith("int.itu.wsis."))
                        .forEach(jars::add);
            }
        }
        assertThat(jars).as("jars scanned").anySatisfy(p -> assertThat(p.toString()).contains("service-support"));
        List<String> found = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (!entry.isDirectory() && suspicious(entry.getName(), readLimited(zip))) {
                        found.add(ROOT.relativize(jar) + "!" + entry.getName());
                    }
                }
            }
        }
        assertThat(found).as("private keys or dev-keys inside artifacts").isEmpty();
    }

    /** The check itself must catch what issue #14 found, and not code that merely handles keys. */
    @Test
    void theCheckRecognisesAPrivateKeyAndADevKeysPath() throws Exception {
        for (String algorithm : List.of("Ed25519", "RSA", "EC")) {
            byte[] der = java.security.KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
            assertThat(suspicious("somewhere/key.pem", pem.getBytes(StandardCharsets.US_ASCII))).as(algorithm).isTrue();
            assertThat(suspicious("a.properties", ("x=1\nkey=" + pem.replace("PRIVATE KEY", "RSA PRIVATE KEY"))
                    .getBytes(StandardCharsets.US_ASCII))).as(algorithm + " with a type").isTrue();
        }
        assertThat(suspicious("dev-keys/link-signing-public-key.pem", new byte[0])).isTrue();
        assertThat(suspicious("itu/wsis/localstack/InstallationKeys.class",
                "pem.replaceAll(\"-----(BEGIN|END) PRIVATE KEY-----\", \"\")".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(suspicious("META-INF/microprofile-config.properties",
                "wsis.links.public-key-location=${WSIS_LINK_PUBLIC_KEY_LOCATION:}".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
    }

    static boolean suspicious(String name, byte[] content) {
        return name.replace('\\', '/').contains("dev-keys")
                || PRIVATE_KEY.matcher(new String(content, StandardCharsets.ISO_8859_1)).find();
    }

    private static List<String> modules() throws IOException {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertThat(modules).contains("service-support", "local-stack");
        return modules;
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        return in.readNBytes(16 * 1024 * 1024);
    }
}
