package itu.wsis.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, broker+controller) running in its own JVM.
 * <p>
 * A separate JVM rather than an in-process broker because fault tests need a true crash (SIGKILL) and
 * restart on the same data, and because the broker's threads and static state must not leak into the caller.
 * The child runs {@link KafkaBrokerMain}, which exits when its stdin closes, so the broker cannot outlive this
 * JVM even when this JVM is killed with SIGKILL (no shutdown hook runs then).
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final String classpath;
    private final Jvm jvm;
    private final Path serverProperties;
    private final Path readyFile;
    private final Thread shutdownHook = new Thread(this::close, "kafka-broker-stop");
    private volatile Process process;

    /**
     * The broker's JVM: its {@code java} and options added to the broker's own (heap, collector), such as a class
     * cache. The local stack runs the broker on the services' JDK with a cache of its own ({@code ./wsis}).
     */
    public record Jvm(String java, List<String> options) {

        public Jvm {
            options = List.copyOf(options);
        }

        /** The JVM that runs this code, without extra options. */
        public static Jvm current() {
            return new Jvm(Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of());
        }
    }

    private KafkaBrokerProcess(Path dataDir, int port, int controllerPort, Path logFile, String classpath, Jvm jvm) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile.toAbsolutePath();
        this.classpath = classpath;
        this.jvm = jvm;
        this.serverProperties = this.dataDir.resolve("server.properties");
        this.readyFile = this.dataDir.resolve("broker.ready");
    }

    /** Starts a broker with the current JVM's classpath, which must contain kafka_2.13 and local-stack. */
    public static KafkaBrokerProcess start(Path dataDir, int port, int controllerPort, Path logFile) {
        return start(dataDir, port, controllerPort, logFile, System.getProperty("java.class.path"));
    }

    public static KafkaBrokerProcess start(Path dataDir, int port, int controllerPort, Path logFile,
                                           String classpath) {
        return start(dataDir, port, controllerPort, logFile, classpath, Jvm.current());
    }

    public static KafkaBrokerProcess start(Path dataDir, int port, int controllerPort, Path logFile,
                                           String classpath, Jvm jvm) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir, port, controllerPort, logFile, classpath, jvm);
        try {
            broker.prepare();
            Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
            broker.launch();
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException("broker is not running");
        }
        return p.pid();
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** SIGKILL: simulates a crash. The data directory is left as a crash leaves it. */
    public synchronized void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            waitForExit(p, STOP_TIMEOUT);
            process = null;
        }
    }

    /** Starts again on the same ports and data (after {@link #kill()} or {@link #stop()}), waiting until ready. */
    public synchronized void restart() {
        if (isAlive()) {
            stop();
        }
        launch();
    }

    /** Graceful stop (SIGTERM, Kafka's controlled shutdown); SIGKILL if it takes longer than 30 s. */
    public synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        // SIGTERM through the handle: Process.destroy() would also close the broker's stdin, and its watchdog would
        // then call System.exit beside the signal's own shutdown; the second exit halts the JVM as soon as the hooks
        // have run, before it writes a class cache it is recording.
        p.toHandle().destroy();
        if (!waitForExit(p, STOP_TIMEOUT)) {
            p.destroyForcibly();
            waitForExit(p, STOP_TIMEOUT);
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotRegistered) {
            // Called from the hook itself, or before the hook was added.
        }
    }

    private void prepare() {
        try {
            Files.createDirectories(dataDir.resolve("tmp"));
            Files.createDirectories(logFile.getParent());
            writeServerProperties(logDir());
            writeLog4jConfig();
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare Kafka data dir " + dataDir, e);
        }
    }

    private Path logDir() {
        return dataDir.resolve("data");
    }

    private void writeServerProperties(Path logDir) throws IOException {
        String hostPort = "127.0.0.1:" + port;
        String controller = "127.0.0.1:" + controllerPort;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + controller);
        p.setProperty("listeners", "PLAINTEXT://" + hostPort + ",CONTROLLER://" + controller);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + hostPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        // One node: every internal topic must be satisfiable with a single replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // The 50-partition defaults make the first consumer group and first transaction slow on 2 cores.
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.num.partitions", "5");
        // Consumers join at once instead of waiting 3 s for more members that never come.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The services create their topics with their partitions (wsis.topics.*); a topic that appeared merely because
        // someone wrote to or read from it would have the broker's default partition count instead, so none does.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "6");
        try (OutputStream out = Files.newOutputStream(serverProperties)) {
            p.store(out, "Generated by itu.wsis.localstack.KafkaBrokerProcess; rewritten at each start");
        }
    }

    private void writeLog4jConfig() throws IOException {
        String config = String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                // Per-request and state-change chatter drowns the useful lines.
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                "");
        Files.writeString(dataDir.resolve("log4j2.properties"), config, StandardCharsets.UTF_8);
    }

    private synchronized void launch() {
        List<String> cmd = new ArrayList<>(List.of(jvm.java(), "-Xmx256m", "-Xms64m",
                "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + dataDir.resolve("tmp"),
                "-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties")));
        cmd.addAll(jvm.options());
        cmd.addAll(List.of("-cp", classpath, KafkaBrokerMain.class.getName(), serverProperties.toString(),
                readyFile.toString()));
        // Storage is formatted exactly once (a second format of the same directory fails), by the broker's own JVM
        // before it starts: a JVM of its own for the format cost about 2.5 s of CPU at each fresh start.
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            cmd.add(KafkaBrokerMain.FORMAT);
        }
        try {
            // Left by the previous run of this data directory: only the new broker may say it is ready.
            Files.deleteIfExists(readyFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove " + readyFile, e);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // stdin stays a pipe: KafkaBrokerMain exits when it closes (this JVM gone).
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Kafka broker JVM", e);
        }
        awaitReady();
    }

    /** Until the broker's JVM reports that a client sees it (KafkaBrokerMain), or exits, or the time is up. */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (Files.exists(readyFile)) {
                return;
            }
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException("Kafka broker exited during startup (exit "
                        + (p == null ? "?" : p.exitValue()) + "); see " + logFile + "\n" + tail(logFile));
            }
            sleep(50);
        }
        kill();
        throw new IllegalStateException("Kafka broker not ready within " + READY_TIMEOUT.toSeconds()
                + " s on " + bootstrapServers() + "; see " + logFile + "\n" + tail(logFile));
    }

    private static boolean waitForExit(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String tail(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] all = in.readAllBytes();
            int from = Math.max(0, all.length - 4000);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
