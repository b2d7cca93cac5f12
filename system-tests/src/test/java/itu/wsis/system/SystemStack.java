package itu.wsis.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import itu.wsis.localstack.DevTokens;
import itu.wsis.localstack.EmbeddedPostgresServer;
import itu.wsis.localstack.InstallationKeys;
import itu.wsis.localstack.KafkaBrokerProcess;
import itu.wsis.testing.FaultySmtpProxy;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole system as ./wsis runs it, on free ports and fresh data: an embedded PostgreSQL server, a Kafka broker
 * in its own JVM, an SMTP server, and the four packaged services as separate processes. Every piece can be killed
 * and brought back, which is what the fault scenarios need. The invitee pages run as a fifth process ({@link #WEB}),
 * and the emails' personal links point at it.
 * <p>
 * The services reach the SMTP server (GreenMail) through a {@link FaultySmtpProxy}, which relays faithfully until a
 * test asks it to refuse or delay ({@link #smtpProxy()}). A service can run as several instances ({@link Options}),
 * each its own process, port and log, killable one by one. PostgreSQL can refuse connections to chosen databases
 * ({@link #refuseConnections}) or be frozen whole ({@link #freezePostgres()}).
 */
public final class SystemStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of(
            "invitation-service", "registration-service", "speaking-request-service", "notification-service");
    /** The invitee pages, a fifth process over the services' public APIs; emails link to it. */
    public static final String WEB = "invitee-web";

    /**
     * How to run the stack: how many instances of each service (1 unless named), extra JVM options per service
     * (every instance of it gets them), and whether the invitee pages run at all (a scenario that only calls the APIs
     * can spare the machine a JVM), and whether the services export their spans to an {@link OtlpReceiver}
     * ({@link #traces()}).
     */
    public record Options(Map<String, Integer> instances, Map<String, List<String>> systemProperties, boolean web,
                          boolean traces) {

        public static Options defaults() {
            return new Options(Map.of(), Map.of(), true, false);
        }

        public Options withInstances(String service, int count) {
            Map<String, Integer> copy = new LinkedHashMap<>(instances);
            copy.put(service, count);
            return new Options(copy, systemProperties, web, traces);
        }

        public Options withSystemProperties(String service, String... properties) {
            Map<String, List<String>> copy = new LinkedHashMap<>(systemProperties);
            List<String> all = new ArrayList<>(copy.getOrDefault(service, List.of()));
            all.addAll(List.of(properties));
            copy.put(service, all);
            return new Options(instances, copy, web, traces);
        }

        public Options withoutWeb() {
            return new Options(instances, systemProperties, false, traces);
        }

        /** The four services export their spans to an in-test collector, {@link SystemStack#traces()}. */
        public Options withTraces() {
            return new Options(instances, systemProperties, web, true);
        }

        int instancesOf(String service) {
            return instances.getOrDefault(service, 1);
        }
    }

    private final Path runDir;
    private final Path postgresData;
    private final EmbeddedPostgresServer postgres;
    private final KafkaBrokerProcess kafka;
    private final int smtpPort;
    private final int proxyPort;
    private volatile GreenMail smtp;
    private volatile FaultySmtpProxy proxy;
    private final Map<String, List<ServiceProcess>> services = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> nextPick = new ConcurrentHashMap<>();
    private final List<ServiceProcess> extraInstances = new ArrayList<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final List<MimeMessage> archivedMail = new ArrayList<>();
    private volatile List<Long> frozen = List.of();
    private final OtlpReceiver traces;
    private boolean closed;

    private SystemStack(Path runDir, Path postgresData, EmbeddedPostgresServer postgres, KafkaBrokerProcess kafka,
                        int smtpPort, GreenMail smtp, int proxyPort, FaultySmtpProxy proxy, OtlpReceiver traces) {
        this.traces = traces;
        this.runDir = runDir;
        this.postgresData = postgresData;
        this.postgres = postgres;
        this.kafka = kafka;
        this.smtpPort = smtpPort;
        this.smtp = smtp;
        this.proxyPort = proxyPort;
        this.proxy = proxy;
    }

    /** One instance of each service, the invitee pages, and {@code extraSystemProperties} per service. */
    public static SystemStack start(Map<String, List<String>> extraSystemProperties) {
        return start(new Options(Map.of(), extraSystemProperties, true, false));
    }

    static {
        // A service killed in the middle of a message (the scenarios' crashes) leaves GreenMail's handler thread to die
        // on the cut-off DATA, an uncaught exception; Awaitility would fail whichever test was waiting just then with
        // it (the clean-clone CI of 884a550: "Unexpected end of stream" in ForumScenarioIT's notification crash). The
        // tests judge what the mailbox and the services hold, not how GreenMail's threads end.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    public static SystemStack start(Options options) {
        Path root = Path.of(System.getProperty("wsis.root", ".."));
        Path runDir = root.resolve("system-tests/target/runs/"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Files.createDirectories(runDir);
            InstallationKeys.ensure(runDir.resolve("keys"), null);
            Path postgresData = runDir.resolve("postgres/data");
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(postgresData, freePort(),
                    runDir.resolve("postgres/bin"));
            started.add(postgres);
            KafkaBrokerProcess kafka = startKafka(runDir);
            started.add(kafka);
            int smtpPort = freePort();
            GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            started.add(smtp::stop);
            int proxyPort = freePort();
            FaultySmtpProxy proxy = FaultySmtpProxy.onPort(proxyPort, smtpPort);
            // Up before any service: spans a service ends before its collector listens would be lost to the test.
            OtlpReceiver traces = options.traces() ? OtlpReceiver.start() : null;
            if (traces != null) {
                started.add(traces);
            }
            SystemStack stack = new SystemStack(runDir, postgresData, postgres, kafka, smtpPort, smtp, proxyPort,
                    proxy, traces);
            started.add(() -> stack.proxy.close());
            int webPort = freePort();
            Map<String, String> env = new LinkedHashMap<>(Map.of(
                    "WSIS_LINK_BASE_URL", "http://127.0.0.1:" + webPort + "/r/",
                    "WSIS_DB_HOST", "127.0.0.1",
                    "WSIS_DB_PORT", Integer.toString(postgres.port()),
                    "WSIS_DB_USER", EmbeddedPostgresServer.USER,
                    "WSIS_DB_PASSWORD", EmbeddedPostgresServer.PASSWORD,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "WSIS_SMTP_HOST", "127.0.0.1",
                    "WSIS_SMTP_PORT", Integer.toString(proxyPort)));
            if (traces != null) {
                env.put("WSIS_OTLP_ENDPOINT", traces.endpoint());
                // The batch processor exports every 5 s by default; a test that waits for a trace's last span
                // would spend most of its wait on that. Only these processes: production keeps the default.
                env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            }
            for (String name : SERVICES) {
                Map<String, String> serviceEnv = new java.util.HashMap<>(env);
                serviceEnv.putAll(keyEnvironment(stack.keys(), name));
                stack.environments.put(name, serviceEnv);
                int count = options.instancesOf(name);
                List<ServiceProcess> instances = new ArrayList<>();
                for (int n = 1; n <= count; n++) {
                    ServiceProcess service = new ServiceProcess(name, n,
                            root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), freePort(), serviceEnv,
                            options.systemProperties().getOrDefault(name, List.of()),
                            runDir.resolve((count == 1 ? name : name + "-" + n) + ".log"));
                    instances.add(service);
                    started.add(service);
                }
                stack.services.put(name, instances);
            }
            if (options.web()) {
                ServiceProcess web = new ServiceProcess(WEB, 1,
                        root.resolve(WEB).resolve("target/quarkus-app/quarkus-run.jar"), webPort, Map.of(
                        "WSIS_INVITATION_URL", stack.service("invitation-service").baseUrl(),
                        "WSIS_REGISTRATION_URL", stack.service("registration-service").baseUrl(),
                        "WSIS_SPEAKING_URL", stack.service("speaking-request-service").baseUrl(),
                        // Forms are accepted from this origin only: the one the emails' links open.
                        "WSIS_WEB_PUBLIC_URL", "http://127.0.0.1:" + webPort),
                        options.systemProperties().getOrDefault(WEB, List.of()), runDir.resolve(WEB + ".log"));
                stack.services.put(WEB, List.of(web));
                started.add(web);
            }
            // A test JVM stopped by Ctrl-C or SIGTERM must not leave the services and a broker behind.
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-system-stack"));
            stack.all().forEach(ServiceProcess::start);
            stack.all().forEach(s -> s.awaitReady(Duration.ofSeconds(180)));
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
        // Numbered after the stack's own instances' range so that logs and instance ids never collide.
        ServiceProcess extra = new ServiceProcess(name, 100 + extraInstances.size(),
                root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), freePort(), env, List.of(),
                runDir.resolve(name + "-extra-" + extraInstances.size() + ".log"));
        extraInstances.add(extra);
        return extra;
    }

    /** The first instance of a service (the only one unless the stack runs several). */
    public ServiceProcess service(String name) {
        return instances(name).get(0);
    }

    /** Every instance of a service, dead or alive, in instance order. */
    public List<ServiceProcess> instances(String name) {
        List<ServiceProcess> instances = services.get(name);
        if (instances == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        return instances;
    }

    /**
     * An instance that is running, taken in turn as a load balancer would: callers spread over the instances, and a
     * killed one is passed over.
     */
    public ServiceProcess pick(String name) {
        List<ServiceProcess> instances = instances(name);
        if (instances.size() == 1) {
            return instances.get(0);
        }
        int start = nextPick.computeIfAbsent(name, n -> new AtomicInteger()).getAndIncrement();
        for (int i = 0; i < instances.size(); i++) {
            ServiceProcess candidate = instances.get(Math.floorMod(start + i, instances.size()));
            if (candidate.isAlive()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no instance of " + name + " is running");
    }

    /** Every process of the four services (all instances), then the invitee pages if they run. */
    public List<ServiceProcess> all() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    public GreenMail smtp() {
        return smtp;
    }

    /** The SMTP front the services talk to; it relays faithfully unless told otherwise. */
    public FaultySmtpProxy smtpProxy() {
        return proxy;
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /**
     * SMTP unreachable: the port the services use refuses connections, and the server behind it is down, until
     * {@link #restoreSmtp()}. Received mail is kept.
     */
    public synchronized void cutSmtp() {
        proxy.close();
        archivedMail.addAll(List.of(smtp.getReceivedMessages()));
        smtp.stop();
    }

    /** The server and its front on their ports again; the front relays faithfully. */
    public synchronized void restoreSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        proxy = FaultySmtpProxy.onPort(proxyPort, smtpPort);
    }

    /** Every message the SMTP server accepted since the stack started, across outages. */
    public synchronized List<MimeMessage> receivedMail() {
        List<MimeMessage> all = new ArrayList<>(archivedMail);
        all.addAll(List.of(smtp.getReceivedMessages()));
        return all;
    }

    // ------------------------------------------------------------------------------------- PostgreSQL faults

    /**
     * A database outage as a restart or a failover looks to its clients, with the server itself up: new connections
     * to {@code databases} are refused ({@code allow_connections false}) and the open ones are terminated, until
     * {@link #allowConnections(String...)}. Returns how many connections were terminated.
     */
    public long refuseConnections(String... databases) {
        long terminated = 0;
        try (Connection c = admin("postgres"); Statement statement = c.createStatement()) {
            for (String database : databases) {
                requireServiceDatabase(database);
                statement.execute("alter database " + database + " allow_connections false");
            }
            for (String database : databases) {
                try (PreparedStatement terminate = c.prepareStatement("select count(pg_terminate_backend(pid))"
                        + " from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
                    terminate.setString(1, database);
                    try (ResultSet rs = terminate.executeQuery()) {
                        rs.next();
                        terminated += rs.getLong(1);
                    }
                }
            }
            return terminated;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot refuse connections to " + List.of(databases), e);
        }
    }

    public void allowConnections(String... databases) {
        try (Connection c = admin("postgres"); Statement statement = c.createStatement()) {
            for (String database : databases) {
                requireServiceDatabase(database);
                statement.execute("alter database " + database + " allow_connections true");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot allow connections to " + List.of(databases), e);
        }
    }

    /**
     * The whole PostgreSQL server frozen, as a paused VM or a stalled disk looks to its clients: SIGSTOP to the
     * postmaster and every backend. Connections stay open and nothing answers, neither errors nor results, until
     * {@link #thawPostgres()}. Returns the processes stopped.
     */
    public synchronized List<Long> freezePostgres() {
        if (!frozen.isEmpty()) {
            throw new IllegalStateException("PostgreSQL is already frozen");
        }
        long postmaster = postmasterPid();
        List<Long> pids = new ArrayList<>();
        // The postmaster first, so that it forks no new backend that would escape the signal.
        pids.add(postmaster);
        ProcessHandle.of(postmaster).orElseThrow(() -> new IllegalStateException("no postmaster " + postmaster))
                .descendants().forEach(p -> pids.add(p.pid()));
        signal("STOP", pids);
        frozen = List.copyOf(pids);
        return frozen;
    }

    public synchronized void thawPostgres() {
        List<Long> pids = frozen;
        if (pids.isEmpty()) {
            return;
        }
        List<Long> all = new ArrayList<>(pids);
        ProcessHandle.of(pids.get(0)).ifPresent(p -> p.descendants()
                .filter(d -> !all.contains(d.pid())).forEach(d -> all.add(d.pid())));
        signal("CONT", all);
        frozen = List.of();
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the postmaster's pid", e);
        }
    }

    private static void signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes());
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }

    private static void requireServiceDatabase(String database) {
        // Database names go into DDL: only the services' own.
        if (!EmbeddedPostgresServer.DATABASES.contains(database)) {
            throw new IllegalArgumentException("not a service database: " + database);
        }
    }

    // ------------------------------------------------------------------------------------------------- Kafka

    /**
     * Sets the committed offsets of {@code groupId} to the earliest offset of every partition it has committed, so
     * that its consumers get every event again. The group must have no live member: stop the service first (Kafka
     * refuses to alter a group that has one). Returns the partitions that were reset.
     */
    public Map<TopicPartition, Long> resetConsumerOffsets(String groupId) {
        try (Admin admin = kafkaAdmin()) {
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
        try (Admin admin = kafkaAdmin()) {
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
        try (Admin admin = kafkaAdmin()) {
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

    /**
     * Every record on {@code topic} from the beginning up to its current end, all partitions, with their headers:
     * what a consumer that starts now would be given.
     */
    public List<ConsumerRecord<String, String>> records(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(20)) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** The value of a record's last header {@code name} (e.g. the CloudEvents id {@code ce_id}), or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The live members of a consumer group and the partitions each is assigned, keyed by member id (the client id
     * and host are the same for every instance on this machine, so they would not tell the instances apart).
     */
    public Map<String, Set<TopicPartition>> groupAssignment(String groupId) {
        try (Admin admin = kafkaAdmin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
            Map<String, Set<TopicPartition>> members = new TreeMap<>();
            for (MemberDescription member : group.members()) {
                members.put(member.consumerId(), Set.copyOf(member.assignment().topicPartitions()));
            }
            return members;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe group " + groupId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Admin kafkaAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    public Path runDir() {
        return runDir;
    }

    /** The collector the services export their spans to; only with {@link Options#withTraces()}. */
    public OtlpReceiver traces() {
        if (traces == null) {
            throw new IllegalStateException("this stack was started without Options.withTraces()");
        }
        return traces;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // A frozen server would never stop; a service would wait for it.
        thawPostgres();
        extraInstances.forEach(ServiceProcess::close);
        all().forEach(ServiceProcess::close);
        try {
            kafka.close();
        } finally {
            proxy.close();
            smtp.stop();
            if (traces != null) {
                traces.close();
            }
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The broker's two ports are probed free here and bound by its own JVM a second later, and any outgoing connection
     * of the machine takes its local port from the same range: a port can be taken in between, and the broker then
     * exits at start (seen once in a CI run, ForumScenarioIT, exit 1). Another pair is tried, at most three times in
     * all; the log of each attempt stays in the run directory. A broker that fails for another reason fails three
     * times and the run with it.
     */
    private static KafkaBrokerProcess startKafka(Path runDir) {
        IllegalStateException exited = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            String name = attempt == 1 ? "kafka" : "kafka-" + attempt;
            try {
                return KafkaBrokerProcess.start(runDir.resolve(name), freePort(), freePort(), runDir.resolve(name + ".log"));
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).startsWith("Kafka broker exited during startup")) {
                    throw e;
                }
                exited = e;
            }
        }
        throw exited;
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
