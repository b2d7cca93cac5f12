package itu.wsis.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * One instance of a packaged service (its fast-jar) run as a separate JVM, as in production: it can be SIGKILLed and
 * restarted. Several instances of one service share its database and consumer groups; each has its own port, log and
 * {@code wsis.instance-id} (the holder name of its leases and claims, which the service suffixes per start).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int instance;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> systemProperties;
    private final Path log;
    private volatile Process process;

    ServiceProcess(String name, int instance, Path jar, int port, Map<String, String> environment,
                   List<String> systemProperties, Path log) {
        this.name = name;
        this.instance = instance;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.log = log;
    }

    /** The service's name, the same for all its instances. */
    public String name() {
        return name;
    }

    /** 1, 2, …: which instance of the service this is. */
    public int instance() {
        return instance;
    }

    /** The service name and instance number, e.g. {@code notification-service-2}; also its {@code wsis.instance-id}. */
    public String id() {
        return name + "-" + instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dquarkus.profile=local");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dwsis.instance-id=" + id());
        Path tmp = log.getParent().resolve(id() + "-tmp");
        command.add("-Djava.io.tmpdir=" + tmp);
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(tmp);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + id(), e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public void awaitReady(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250))
                .alias(id() + " ready; see " + log)
                .failFast(id() + " exited during start-up; see " + log, () -> !isAlive())
                .until(this::ready);
    }

    public boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The log of this process so far. */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end by itself; its exit code, or empty if it still runs after {@code timeout}. */
    public java.util.OptionalInt awaitExit(Duration timeout) {
        Process p = process;
        try {
            return p != null && p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(p.exitValue()) : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * The sum of every sample of one Prometheus metric of this instance ({@code /q/metrics}), over all its tags, e.g.
     * {@code wsis_inbox_applied_total}; 0 when the metric has no sample yet (a counter appears on first use).
     */
    public double metric(String metricName) {
        double sum = 0;
        for (String line : metrics().split("\n")) {
            if (line.startsWith(metricName + "{") || line.startsWith(metricName + " ")) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                sum += Double.parseDouble(value);
            }
        }
        return sum;
    }

    /**
     * This instance's {@code /q/metrics} in the Prometheus text format. The scrape is the test's instrument, not what
     * it checks: with nine JVMs on two cores, one took more than 10 s in the clean-clone CI of 3435c81, so it may take
     * 30.
     */
    public String metrics() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(id() + " /q/metrics answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(id() + " /q/metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful drain, as a crash would go. */
    public synchronized void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            waitFor(p);
        }
    }

    @Override
    public synchronized void close() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!waitFor(p)) {
                p.destroyForcibly();
                waitFor(p);
            }
        }
    }

    @Override
    public String toString() {
        return id() + " (" + baseUrl() + ")";
    }

    private static boolean waitFor(Process p) {
        try {
            return p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
