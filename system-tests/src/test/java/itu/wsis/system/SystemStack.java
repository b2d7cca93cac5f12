package itu.wsis.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import itu.wsis.localstack.DevTokens;
import itu.wsis.localstack.EmbeddedPostgresServer;
import itu.wsis.localstack.InstallationKeys;
import itu.wsis.localstack.KafkaBrokerProcess;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The whole system as ./wsis runs it, on free ports and fresh data: an embedded PostgreSQL server, a Kafka broker
 * in its own JVM, an SMTP server, and the four packaged services as separate processes. Every piece can be killed
 * and brought back, which is what the fault scenarios need. The invitee pages run as a fifth process ({@link #WEB}),
 * and the emails' personal links point at it.
 */
public final class SystemStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of(
            "invitation-service", "registration-service", "speaking-request-service", "notification-service");
    /** The invitee pages, a fifth process over the services' public APIs; emails link to it. */
    public static final String WEB = "invitee-web";

    private final Path runDir;
    private final EmbeddedPostgresServer postgres;
    private final KafkaBrokerProcess kafka;
    private final int smtpPort;
    private volatile GreenMail smtp;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<ServiceProcess> extraInstances = new ArrayList<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final List<MimeMessage> archivedMail = new ArrayList<>();
    private boolean closed;

    private SystemStack(Path runDir, EmbeddedPostgresServer postgres, KafkaBrokerProcess kafka, int smtpPort,
                        GreenMail smtp) {
        this.runDir = runDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.smtpPort = smtpPort;
        this.smtp = smtp;
    }

    public static SystemStack start(Map<String, List<String>> extraSystemProperties) {
        Path root = Path.of(System.getProperty("wsis.root", ".."));
        Path runDir = root.resolve("system-tests/target/runs/"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Files.createDirectories(runDir);
            InstallationKeys.ensure(runDir.resolve("keys"), null);
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(runDir.resolve("postgres/data"), freePort(),
                    runDir.resolve("postgres/bin"));
            started.add(postgres);
            KafkaBrokerProcess kafka = KafkaBrokerProcess.start(runDir.resolve("kafka"), freePort(), freePort(),
                    runDir.resolve("kafka.log"));
            started.add(kafka);
            int smtpPort = freePort();
            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            started.add(smtp::stop);
            SystemStack stack = new SystemStack(runDir, postgres, kafka, smtpPort, smtp);
            int webPort = freePort();
            Map<String, String> env = Map.of(
                    "WSIS_LINK_BASE_URL", "http://127.0.0.1:" + webPort + "/r/",
                    "WSIS_DB_HOST", "127.0.0.1",
                    "WSIS_DB_PORT", Integer.toString(postgres.port()),
                    "WSIS_DB_USER", EmbeddedPostgresServer.USER,
                    "WSIS_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "WSIS_SMTP_HOST", "127.0.0.1",
                    "WSIS_SMTP_PORT", Integer.toString(smtpPort));
            for (String name : SERVICES) {
                Map<String, String> serviceEnv = new java.util.HashMap<>(env);
                serviceEnv.putAll(keyEnvironment(stack.keys(), name));
                stack.environments.put(name, serviceEnv);
                ServiceProcess service = new ServiceProcess(name,
                        root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), freePort(), serviceEnv,
                        extraSystemProperties.getOrDefault(name, List.of()), runDir.resolve(name + ".log"));
                stack.services.put(name, service);
                started.add(service);
            }
            ServiceProcess web = new ServiceProcess(WEB, root.resolve(WEB).resolve("target/quarkus-app/quarkus-run.jar"),
                    webPort, Map.of(
                    "WSIS_INVITATION_URL", stack.services.get("invitation-service").baseUrl(),
                    "WSIS_REGISTRATION_URL", stack.services.get("registration-service").baseUrl(),
                    "WSIS_SPEAKING_URL", stack.services.get("speaking-request-service").baseUrl(),
                    // Forms are accepted from this origin only: the one the emails' links open.
                    "WSIS_WEB_PUBLIC_URL", "http://127.0.0.1:" + webPort),
                    extraSystemProperties.getOrDefault(WEB, List.of()), runDir.resolve(WEB + ".log"));
            stack.services.put(WEB, web);
            started.add(web);
            // A test JVM stopped by Ctrl-C or SIGTERM must not leave four services and a broker behind.
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-system-stack"));
            stack.services.values().forEach(ServiceProcess::start);
            stack.services.values().forEach(s -> s.awaitReady(Duration.ofSeconds(180)));
            return stack;
        } catch (IOException | RuntimeException e) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception ignored) {
                    // already failing; keep closing the rest
                }
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** This run's keys, generated like an installation's (./wsis up does the same under its run directory). */
    public Path keys() {
        return runDir.resolve("keys");
    }

    /** Staff tokens the services of this run accept. */
    public DevTokens tokens() {
        return DevTokens.of(keys());
    }

    /** The key locations a service gets: every one verifies, only notification-service signs links. */
    static Map<String, String> keyEnvironment(Path keys, String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WSIS_LINK_PUBLIC_KEY_LOCATION", keys.resolve(InstallationKeys.LINK_PUBLIC).toAbsolutePath().toString());
        env.put("WSIS_JWT_PUBLIC_KEY_LOCATION", keys.resolve(InstallationKeys.JWT_PUBLIC).toAbsolutePath().toString());
        env.put("WSIS_JWT_ISSUER", InstallationKeys.ISSUER);
        if (service.equals("notification-service")) {
            env.put("WSIS_LINK_PRIVATE_KEY_LOCATION", keys.resolve(InstallationKeys.LINK_PRIVATE).toAbsolutePath().toString());
        }
        return env;
    }

    /**
     * One more process of a service, on a free port, with the service's environment plus {@code overrides}; not
     * started. Stopped with the stack.
     */
    public synchronized ServiceProcess anotherInstance(String name, Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(environments.get(name));
        env.putAll(overrides);
        Path root = Path.of(System.getProperty("wsis.root", ".."));
        ServiceProcess extra = new ServiceProcess(name, root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"),
                freePort(), env, List.of(), runDir.resolve(name + "-extra-" + extraInstances.size() + ".log"));
        extraInstances.add(extra);
        return extra;
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return service;
    }

    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    public GreenMail smtp() {
        return smtp;
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** SMTP unreachable: the port refuses connections until {@link #restoreSmtp()}. Received mail is kept. */
    public synchronized void cutSmtp() {
        archivedMail.addAll(List.of(smtp.getReceivedMessages()));
        smtp.stop();
    }

    public synchronized void restoreSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Every message the SMTP server accepted since the stack started, across outages. */
    public synchronized List<MimeMessage> receivedMail() {
        List<MimeMessage> all = new ArrayList<>(archivedMail);
        all.addAll(List.of(smtp.getReceivedMessages()));
        return all;
    }

    /**
     * Sets the committed offsets of {@code groupId} to the earliest offset of every partition it has committed, so
     * that its consumers get every event again. The group must have no live member: stop the service first (Kafka
     * refuses to alter a group that has one). Returns the partitions that were reset.
     */
    public Map<TopicPartition, Long> resetConsumerOffsets(String groupId) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            if (committed.isEmpty()) {
                throw new IllegalStateException("group " + groupId + " has no committed offsets");
            }
            Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
            committed.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    admin.listOffsets(earliest).all().get();
            Map<TopicPartition, OffsetAndMetadata> reset = new LinkedHashMap<>();
            Map<TopicPartition, Long> result = new LinkedHashMap<>();
            offsets.forEach((tp, info) -> {
                reset.put(tp, new OffsetAndMetadata(info.offset()));
                result.put(tp, info.offset());
            });
            admin.alterConsumerGroupOffsets(groupId, reset).all().get();
            return result;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot reset the offsets of " + groupId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records of the group's committed partitions not consumed yet (end offset minus committed offset, summed). */
    public long consumerLag(String groupId) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (var entry : committed.entrySet()) {
                long at = entry.getValue() == null ? 0 : entry.getValue().offset();
                lag += Math.max(0, ends.get(entry.getKey()).offset() - at);
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the lag of " + groupId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records ever written to {@code topic} (the sum of its partitions' end offsets); 0 if it does not exist. */
    public long recordsIn(String topic) {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read topic " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    public Path runDir() {
        return runDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        extraInstances.forEach(ServiceProcess::close);
        services.values().forEach(ServiceProcess::close);
        try {
            kafka.close();
        } finally {
            smtp.stop();
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
