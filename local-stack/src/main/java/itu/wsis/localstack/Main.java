package itu.wsis.localstack;

import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line of the local stack, used by {@code ./wsis}. Each server sub-command runs in the foreground until
 * SIGTERM; its shutdown hooks stop whatever child process it started.
 */
public final class Main {

    private static final String USAGE = String.join("\n",
            "usage: Main <command> [options]",
            "  postgres --port 15432 --data <dir> [--work <dir>]",
            "  kafka --port 9092 --controller-port 9093 --data <dir> [--log <file>] [--classpath <cp>] [--java <java>]",
            "        [--jvm-options '<options for the broker's JVM, separated by blanks>']",
            "  smtp --smtp-port 3025 --api-port 8025 [--host 127.0.0.1] [--jar <greenmail-standalone.jar>]",
            "  create-databases --host <h> --port <p> --user <u> --password <pw>   (defaults: WSIS_DB_* env)",
            "  keys --dir <dir> [--owner <uid>[:<gid>]]   the installation's keys, generated unless present",
            "       [--token-for secretariat|ops [--subject <name>] [--ttl PT12H]]",
            "       with --token-for, a staff token on stdout and the keys' summary on stderr",
            "  token secretariat|ops --keys <dir> [--subject <name>] [--ttl PT12H]");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // zonky and Kafka create temp files there and fail if it is missing (e.g. a fresh .run/tmp).
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        if (args.length == 0) {
            fail(USAGE);
        }
        String command = args[0];
        switch (command) {
            case "postgres" -> postgres(options(args, 1));
            case "kafka" -> kafka(options(args, 1));
            case "smtp" -> smtp(options(args, 1));
            case "create-databases" -> createDatabases(options(args, 1));
            case "keys" -> keys(options(args, 1));
            case "token" -> {
                if (args.length < 2) {
                    fail(USAGE);
                }
                token(args[1], options(args, 2));
            }
            default -> fail("unknown command '" + command + "'\n" + USAGE);
        }
    }

    private static void postgres(Map<String, String> o) throws Exception {
        // zonky logs through SLF4J, and starting Log4j for it cost this JVM about a quarter of its CPU (0.52-0.60 s
        // against 0.38-0.43 s without, three starts each) to print nothing: its default configuration shows errors
        // only. So SLF4J gets no backend here (set before zonky's first logger), and the server's own log (initdb,
        // pg_ctl, the server) goes to this JVM's output instead, which ./wsis writes to postgres.log.
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        Path data = Path.of(required(o, "data"));
        Path work = Path.of(o.getOrDefault("work", System.getProperty("java.io.tmpdir")));
        int port = Integer.parseInt(o.getOrDefault("port", "15432"));
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port, work, ProcessBuilder.Redirect.INHERIT);
        System.out.println("READY postgres 127.0.0.1:" + server.port() + " databases "
                + EmbeddedPostgresServer.DATABASES);
        blockForever();
    }

    private static void kafka(Map<String, String> o) throws Exception {
        Path data = Path.of(required(o, "data"));
        int port = Integer.parseInt(o.getOrDefault("port", "9092"));
        int controllerPort = Integer.parseInt(o.getOrDefault("controller-port", "9093"));
        Path log = Path.of(o.getOrDefault("log", data.resolve("broker.log").toString()));
        String classpath = o.getOrDefault("classpath", System.getProperty("java.class.path"));
        KafkaBrokerProcess.Jvm current = KafkaBrokerProcess.Jvm.current();
        String options = o.getOrDefault("jvm-options", "").strip();
        KafkaBrokerProcess.Jvm jvm = new KafkaBrokerProcess.Jvm(o.getOrDefault("java", current.java()),
                options.isEmpty() ? List.of() : List.of(options.split("\\s+")));
        // The broker is a child JVM; its shutdown hook (registered by KafkaBrokerProcess) stops it on SIGTERM,
        // and the child exits by itself if this JVM dies without running hooks.
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(data, port, controllerPort, log, classpath, jvm);
        System.out.println("READY kafka " + broker.bootstrapServers() + " broker pid " + broker.pid());
        while (broker.isAlive()) {
            Thread.sleep(1000);
        }
        // Reached only if the broker died on its own: exit so that `wsis status` shows it as down.
        System.err.println("Kafka broker exited unexpectedly; see " + log);
        Runtime.getRuntime().halt(1);
    }

    private static void smtp(Map<String, String> o) throws Exception {
        String host = o.getOrDefault("host", "127.0.0.1");
        Path jar = Path.of(o.getOrDefault("jar", defaultGreenMailJar().toString()));
        if (!Files.isRegularFile(jar)) {
            fail("GreenMail standalone jar not found at " + jar + " (built by `./mvnw -pl local-stack package`)");
        }
        System.setProperty("greenmail.smtp.hostname", host);
        System.setProperty("greenmail.smtp.port", o.getOrDefault("smtp-port", "3025"));
        System.setProperty("greenmail.api.hostname", host);
        System.setProperty("greenmail.api.port", o.getOrDefault("api-port", "8025"));
        // Services send with any credentials (or none); a dev mailbox must accept them all.
        System.setProperty("greenmail.auth.disabled", "true");
        // The shaded jar carries its own Jackson, Jersey and Log4j: isolate it from ours (parent = platform).
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Method main = loader.loadClass("com.icegreen.greenmail.standalone.GreenMailStandaloneRunner")
                .getMethod("main", String[].class);
        main.invoke(null, (Object) new String[0]);
        System.out.println("READY smtp " + host + ":" + System.getProperty("greenmail.smtp.port")
                + " web/api http://" + host + ":" + System.getProperty("greenmail.api.port") + "/");
        blockForever();
    }

    private static void createDatabases(Map<String, String> o) throws Exception {
        String host = o.getOrDefault("host", env("WSIS_DB_HOST", "localhost"));
        int port = Integer.parseInt(o.getOrDefault("port", env("WSIS_DB_PORT", "5432")));
        String user = o.getOrDefault("user", env("WSIS_DB_USER", EmbeddedPostgresServer.USER));
        String password = o.getOrDefault("password", env("WSIS_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD));
        EmbeddedPostgresServer.createDatabases(host, port, user, password);
        System.out.println("databases present on " + host + ":" + port + ": " + EmbeddedPostgresServer.DATABASES);
    }

    /**
     * With {@code --token-for}, the same JVM also signs a staff token: {@code ./wsis up} needs one for the demo data
     * right after the services are ready, and a JVM of its own for it cost about 0.25 s there, on the path that
     * {@code up} waits for.
     */
    private static void keys(Map<String, String> o) {
        Path dir = Path.of(required(o, "dir"));
        String role = o.get("token-for");
        try {
            String summary = InstallationKeys.ensure(dir, o.get("owner"));
            if (role == null) {
                System.out.println(summary);
                return;
            }
            System.err.println(summary);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            fail(e.getMessage());
        }
        token(role, dir, o);
    }

    private static void token(String role, Map<String, String> o) {
        token(role, Path.of(required(o, "keys")), o);
    }

    /** Prints a staff token for {@code role}, signed with the keys in {@code keys}; options --subject and --ttl. */
    private static void token(String role, Path keys, Map<String, String> o) {
        String subject = o.getOrDefault("subject", "dev-" + role);
        try {
            Duration ttl = Duration.parse(o.getOrDefault("ttl", DevTokens.DEFAULT_TTL.toString()));
            System.out.println(DevTokens.of(keys).issue(role, subject, ttl));
        } catch (IllegalArgumentException | IllegalStateException | java.time.format.DateTimeParseException e) {
            fail(e.getMessage());
        }
    }

    /** target/lib/greenmail-standalone.jar next to target/classes, where the build copies it. */
    private static Path defaultGreenMailJar() throws URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.resolveSibling("lib").resolve("greenmail-standalone.jar");
    }

    private static void blockForever() throws InterruptedException {
        // Shutdown hooks do the cleanup; this thread only keeps the process in the foreground.
        Thread.currentThread().join();
    }

    private static Map<String, String> options(String[] args, int from) {
        Map<String, String> o = new HashMap<>();
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

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
