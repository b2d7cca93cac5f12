package itu.wsis.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import itu.wsis.events.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static itu.wsis.deploy.Manifests.APPS;
import static itu.wsis.deploy.Manifests.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The production overlay as `kubectl apply -k` would send it (rendered offline by `kubectl kustomize`, with
 * placeholder secret files), checked against what deploy/README.md promises: probes, resources from the bench,
 * instances, disruption budgets and autoscalers, settings and secrets, topics, databases and the public ingress.
 */
class ManifestInvariantsTest {

    static final String OVERLAY = "production";
    /** bench/results/2026-12-02-9610947.md, phase 7: RSS after the load phases with a 256 MiB heap cap. */
    static final Map<String, Integer> MEASURED_RSS_MIB = Map.of("invitation-service", 426, "registration-service", 366,
            "speaking-request-service", 364, "notification-service", 576,
            // Measured for this deployment (deploy/README.md, Resources): peak RSS after 24,000 requests.
            "invitee-web", 246);
    static final int BENCH_HEAP_MIB = 256;
    static final double HEADROOM = 1.15;
    /** notification-service's retention of personal data (docs/notifications.md, default P400D). */
    static final Duration PERSONAL_DATA_RETENTION = Duration.ofDays(400);
    /** Quarkus's default quarkus.datasource.reactive.max-size, where a service does not set its own. */
    static final int QUARKUS_REACTIVE_POOL_DEFAULT = 20;
    /** Connections kept free for the superuser and CloudNativePG's own (replication, instance manager). */
    static final int POSTGRES_RESERVED_CONNECTIONS = 20;

    static List<HasMetadata> resources;

    @BeforeAll
    static void render() {
        Path work = Path.of(System.getProperty("java.io.tmpdir"));
        resources = Manifests.parse(Manifests.render(OVERLAY, work));
        assertThat(resources).as("rendered resources").hasSizeGreaterThan(40);
    }

    // ---- everything committed parses ------------------------------------------------------------------------

    @Test
    void everyCommittedManifestIsAKubernetesResourceAndNoneIsASecret() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(Manifests.DEPLOY)) {
            files = paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !Manifests.DEPLOY.relativize(p).startsWith("target"))
                    .filter(p -> !Manifests.DEPLOY.relativize(p).startsWith("src"))
                    .filter(p -> !p.getFileName().toString().startsWith("kustomiz"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("patches"))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        for (Path file : files) {
            List<HasMetadata> parsed = Manifests.parse(Files.readString(file));
            assertThat(parsed).as(file.toString()).isNotEmpty();
            for (HasMetadata resource : parsed) {
                assertThat(resource.getApiVersion()).as(file + ": apiVersion").isNotBlank();
                assertThat(resource.getMetadata().getName()).as(file + ": name").isNotBlank();
                assertThat(resource.getKind()).as(file + ": a committed Secret would hold a value").isNotEqualTo("Secret");
            }
        }
    }

    @Test
    void noSecretFileIsTrackedByGit() {
        String tracked = Manifests.run(List.of("git", "-C", Manifests.ROOT.toString(), "ls-files", "deploy"));
        List<String> secretFiles = tracked.lines().filter(f -> f.contains("/secrets/"))
                .filter(f -> !f.endsWith("/README.md") && !f.endsWith("/.gitignore")).toList();
        assertThat(secretFiles).as("files under a secrets/ folder in git").isEmpty();
        assertThat(Manifests.DEPLOY.resolve("overlays/" + OVERLAY + "/secrets/.gitignore")).content()
                .startsWith("*\n");
    }

    // ---- apps: from the Quarkus build, probes, resources -----------------------------------------------------

    @Test
    void everyAppIsAGeneratedDeploymentWithItsService() {
        for (String app : APPS) {
            Deployment deployment = deployment(app);
            assertThat(deployment.getMetadata().getLabels())
                    .as("%s comes from quarkus-kubernetes", app).containsEntry("app.kubernetes.io/managed-by", "quarkus");
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).as(app).hasSize(1);
            Service service = one(Service.class, app);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).as("%s: the Service selects its pods", app)
                    .containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .as("%s: no version in the immutable selector", app).doesNotContainKey("app.kubernetes.io/version");
            ServicePort http = service.getSpec().getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(app + ": Service port http"));
            int containerPort = container(app).getPorts().stream().filter(p -> "http".equals(p.getName()))
                    .findFirst().orElseThrow().getContainerPort();
            assertThat(http.getTargetPort()).isIn(new IntOrString(containerPort), new IntOrString("http"));
            assertThat(containerPort).as("%s: the port of its application.properties", app)
                    .isEqualTo(Integer.parseInt(Manifests.applicationProperties(app).getProperty("quarkus.http.port")));
        }
    }

    @Test
    void readinessAndLivenessProbeTheHealthEndpoints() {
        for (String app : APPS) {
            Container c = container(app);
            int port = c.getPorts().get(0).getContainerPort();
            assertProbe(app + " readiness", c.getReadinessProbe(), "/q/health/ready", port);
            assertProbe(app + " liveness", c.getLivenessProbe(), "/q/health/live", port);
            assertProbe(app + " startup", c.getStartupProbe(), "/q/health/started", port);
            Probe startup = c.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as("%s: startup may take well over the bench's 13 s on a busy machine", app)
                    .isGreaterThanOrEqualTo(120);
        }
    }

    private static void assertProbe(String what, Probe probe, String path, int port) {
        assertThat(probe).as(what).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(what + ": HTTP GET").isNotNull();
        assertThat(get.getPath()).as(what).isEqualTo(path);
        assertThat(get.getPort()).as(what).isIn(new IntOrString(port), new IntOrString("http"));
    }

    @Test
    void resourcesFollowTheBenchAndTheHeapFollowsTheLimit() {
        for (String app : APPS) {
            Container c = container(app);
            Map<String, Quantity> requests = c.getResources().getRequests();
            Map<String, Quantity> limits = c.getResources().getLimits();
            assertThat(requests).as(app + " requests").containsKeys("cpu", "memory");
            assertThat(limits).as(app + " limits").containsKeys("cpu", "memory");
            long limit = bytes(limits.get("memory"));
            assertThat(bytes(requests.get("memory"))).as("%s: memory request = limit", app).isEqualTo(limit);
            assertThat(Quantity.getAmountInBytes(requests.get("cpu"))).as("%s: cpu request within its limit", app)
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("cpu")));
            assertThat(limit).as("%s: limit above the measured RSS with headroom", app)
                    .isGreaterThanOrEqualTo((long) (MEASURED_RSS_MIB.get(app) * HEADROOM * MIB));

            String toolOptions = env(app, "JAVA_TOOL_OPTIONS").orElseThrow();
            Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(toolOptions);
            assertThat(percentage.find()).as(app + ": JAVA_TOOL_OPTIONS sets MaxRAMPercentage").isTrue();
            assertThat(env(app, "JAVA_MAX_MEM_RATIO")).as("%s: run-java.sh's ratio is the same", app)
                    .contains(percentage.group(1));
            assertThat(toolOptions).doesNotContain("-Xmx").doesNotContainPattern("-XX:\\+Use\\w+GC");
            if (SERVICES.contains(app)) {
                // One collector, through run-java.sh's own variable (which replaces its default instead of adding a
                // second collector flag, which would stop the JVM), and glibc held to two malloc arenas.
                assertThat(env(app, "GC_CONTAINER_OPTIONS")).as("%s: the serial collector", app)
                        .contains("-XX:+UseSerialGC");
                assertThat(env(app, "MALLOC_ARENA_MAX")).as("%s: malloc arenas bounded", app).contains("2");
            }
            long heap = limit * Integer.parseInt(percentage.group(1)) / 100;
            if (SERVICES.contains(app)) {
                assertThat(heap).as("%s: the heap the bench measured with", app).isGreaterThanOrEqualTo(BENCH_HEAP_MIB * MIB);
                long nonHeapMeasured = (MEASURED_RSS_MIB.get(app) - BENCH_HEAP_MIB) * MIB;
                assertThat(limit - heap).as("%s: room beside the heap", app)
                        .isGreaterThanOrEqualTo((long) (nonHeapMeasured * HEADROOM));
            }
        }
    }

    // ---- instances -------------------------------------------------------------------------------------------

    @Test
    void everyAppRunsTwiceAtLeastAndTheKafkaConsumersAreTheFourServices() {
        for (String app : APPS) {
            assertThat(minReplicas(app)).as(app + ": instances").isGreaterThanOrEqualTo(2);
        }
        for (String service : SERVICES) {
            assertThat(incomingChannels(service)).as(service + " consumes Kafka").isNotEmpty();
        }
    }

    @Test
    void aDisruptionBudgetPerAppLetsOneInstanceGoAtATime() {
        for (String app : APPS) {
            Map<String, String> podLabels = deployment(app).getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = all(PodDisruptionBudget.class).stream()
                    .filter(pdb -> podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()))
                    .toList();
            assertThat(budgets).as(app + ": its PodDisruptionBudget").hasSize(1);
            PodDisruptionBudget pdb = budgets.get(0);
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).containsKey("app.kubernetes.io/name");
            int allowed = pdb.getSpec().getMaxUnavailable() != null
                    ? pdb.getSpec().getMaxUnavailable().getIntVal()
                    : minReplicas(app) - pdb.getSpec().getMinAvailable().getIntVal();
            assertThat(allowed).as(app + ": one eviction at a time, never none (a drain would hang)").isEqualTo(1);
        }
    }

    @Test
    void registrationAndNotificationScaleOnCpuAndOwnTheirReplicaCount() {
        for (String app : List.of("registration-service", "notification-service")) {
            HorizontalPodAutoscaler hpa = autoscaler(app).orElseThrow(() -> new AssertionError(app + ": no autoscaler"));
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
            assertThat(hpa.getSpec().getMetrics()).anySatisfy(m -> {
                assertThat(m.getResource().getName()).isEqualTo("cpu");
                assertThat(m.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
            });
            assertThat(deployment(app).getSpec().getReplicas())
                    .as("%s: no spec.replicas for kubectl apply to reset", app).isNull();
        }
        for (HorizontalPodAutoscaler hpa : all(HorizontalPodAutoscaler.class)) {
            assertThat(APPS).contains(hpa.getSpec().getScaleTargetRef().getName());
        }
    }

    @Test
    void everyConsumerGroupHasAPartitionForEachInstance() {
        Map<String, Integer> partitions = topicPartitions();
        for (String service : SERVICES) {
            for (String topic : consumedTopics(service)) {
                assertThat(partitions).as("%s consumes %s", service, topic).containsKey(topic);
                assertThat(partitions.get(topic)).as("%s: partitions of %s for up to %d instances", service, topic,
                        maxReplicas(service)).isGreaterThanOrEqualTo(maxReplicas(service));
            }
        }
        assertThat(configValue("wsis-common", "WSIS_TOPICS_PARTITIONS"))
                .as("topics a service creates itself get as many partitions as the declared domain topics")
                .isEqualTo(String.valueOf(partitions.get(Topic.INVITATION.topicName())));
    }

    // ---- configuration: settings in ConfigMaps, keys and passwords in Secrets --------------------------------

    @Test
    void configMapsHoldNoSecret() {
        Pattern secretName = Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE|_KEY$|CSRF).*");
        for (ConfigMap configMap : all(ConfigMap.class)) {
            configMap.getData().forEach((key, value) -> {
                assertThat(key).as(configMap.getMetadata().getName()).doesNotMatch(secretName);
                assertThat(value).as(configMap.getMetadata().getName() + " " + key)
                        .doesNotContain("-----BEGIN").doesNotContainIgnoringCase("password=");
            });
        }
        Set<String> mustBeSecret = Set.of("WSIS_DB_USER", "WSIS_DB_PASSWORD", "WSIS_WEB_CSRF_KEY",
                "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD");
        for (String app : APPS) {
            for (EnvVar var : container(app).getEnv()) {
                if (mustBeSecret.contains(var.getName())) {
                    assertThat(var.getValue()).as(app + " " + var.getName()).isNull();
                    assertThat(var.getValueFrom().getSecretKeyRef()).as(app + " " + var.getName() + " from a Secret")
                            .isNotNull();
                }
            }
        }
        assertThat(env("invitee-web", "WSIS_WEB_CSRF_KEY")).as("the CSRF key is required in production").isPresent();
    }

    @Test
    void oneContainersConfigMapsShareNoKeySoTheirOrderDoesNotMatter() {
        for (String app : APPS) {
            Map<String, String> owner = new HashMap<>();
            for (EnvFromSource source : container(app).getEnvFrom()) {
                assertThat(source.getSecretRef()).as(app + ": secrets by key, not whole").isNull();
                ConfigMap configMap = one(ConfigMap.class, source.getConfigMapRef().getName());
                for (String key : configMap.getData().keySet()) {
                    String before = owner.put(key, configMap.getMetadata().getName());
                    assertThat(before).as("%s: %s in two ConfigMaps", app, key).isNull();
                }
            }
        }
    }

    @Test
    void everySecretReferenceResolvesToAKeyThatExists() {
        for (String app : APPS) {
            Container c = container(app);
            for (EnvVar var : c.getEnv()) {
                if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                    var ref = var.getValueFrom().getSecretKeyRef();
                    assertThat(secretData(ref.getName())).as("%s %s: Secret %s", app, var.getName(), ref.getName())
                            .containsKey(ref.getKey());
                }
            }
            for (Volume volume : pod(app).getVolumes()) {
                if (volume.getSecret() != null) {
                    assertThat(secretData(volume.getSecret().getSecretName())).as(app + " volume " + volume.getName())
                            .isNotEmpty();
                    assertThat(volume.getSecret().getDefaultMode()).as("readable by owner and group only")
                            .isEqualTo(0440);
                }
            }
            for (EnvVar var : c.getEnv()) {
                if (var.getName().endsWith("_LOCATION")) {
                    assertThat(secretFileAt(app, var.getValue()))
                            .as("%s: %s=%s is a key of a mounted Secret", app, var.getName(), var.getValue()).isPresent();
                }
            }
        }
        for (String service : SERVICES) {
            assertThat(env(service, "WSIS_JWT_PUBLIC_KEY_LOCATION")).as(service).isPresent();
        }
    }

    @Test
    void theLinkPrivateKeyReachesNotificationServiceOnlyAndThePublicKeyTheVerifiers() {
        Map<String, Set<String>> holders = new TreeMap<>();
        for (String app : APPS) {
            for (Volume volume : pod(app).getVolumes()) {
                if (volume.getSecret() != null) {
                    for (String key : secretData(volume.getSecret().getSecretName()).keySet()) {
                        holders.computeIfAbsent(key, k -> new TreeSet<>()).add(app);
                    }
                }
            }
        }
        assertThat(holders.get("link-signing-private-key.pem")).containsExactly("notification-service");
        assertThat(holders.get("link-signing-public-key.pem"))
                .containsExactlyInAnyOrder("invitation-service", "registration-service", "speaking-request-service");
        assertThat(holders.get("jwt-public-key.pem")).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(env("notification-service", "WSIS_LINK_PRIVATE_KEY_LOCATION")).isPresent();
        for (String app : APPS) {
            if (!app.equals("notification-service")) {
                assertThat(env(app, "WSIS_LINK_PRIVATE_KEY_LOCATION")).as(app).isEmpty();
            }
        }
    }

    // ---- PostgreSQL: a database and a role per service ------------------------------------------------------

    @Test
    void eachServiceHasItsOwnDatabaseRoleAndSecret() {
        GenericKubernetesResource cluster = single("Cluster");
        assertThat(cluster.getApiVersion()).startsWith("postgresql.cnpg.io/");
        Map<String, Object> spec = spec(cluster);
        assertThat(spec.get("instances")).isEqualTo(3);
        assertThat(configValue("wsis-common", "WSIS_DB_HOST")).isEqualTo(cluster.getMetadata().getName() + "-rw");
        List<Map<String, Object>> roles = list(map(spec.get("managed")).get("roles"));
        Set<String> secrets = new HashSet<>();
        Set<String> databases = new HashSet<>();
        for (String service : SERVICES) {
            String user = secretRef(service, "WSIS_DB_USER");
            String password = secretRef(service, "WSIS_DB_PASSWORD");
            assertThat(user).as(service + ": user and password from one Secret").isEqualTo(password);
            assertThat(secrets.add(user)).as(service + ": a Secret of its own").isTrue();
            Secret secret = one(Secret.class, user);
            assertThat(secret.getType()).isEqualTo("kubernetes.io/basic-auth");
            assertThat(secret.getMetadata().getLabels()).containsEntry("cnpg.io/reload", "true");
            String role = decode(secret.getData().get("username"));
            Map<String, Object> managed = roles.stream().filter(r -> role.equals(r.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(service + ": no managed role " + role));
            assertThat(managed).containsEntry("login", true).containsEntry("ensure", "present");
            assertThat(map(managed.get("passwordSecret"))).as(service + ": the role's password is the service's")
                    .containsEntry("name", user);
            assertThat(managed).doesNotContainKeys("superuser", "createdb", "createrole");

            String database = databaseOf(service);
            assertThat(databases.add(database)).as(service + ": a database of its own").isTrue();
            List<GenericKubernetesResource> declared = generic("Database").stream()
                    .filter(d -> database.equals(spec(d).get("name"))).toList();
            assertThat(declared).as(service + ": Database " + database).hasSize(1);
            Map<String, Object> db = spec(declared.get(0));
            assertThat(db.get("owner")).as(database + " owner").isEqualTo(role);
            assertThat(map(db.get("cluster")).get("name")).isEqualTo(cluster.getMetadata().getName());
            assertThat(db.get("databaseReclaimPolicy")).isEqualTo("retain");
        }
        assertThat(generic("Database")).hasSize(SERVICES.size());
    }

    @Test
    void theRolesConnectionLimitsCoverEveryInstanceAndFitTheServer() {
        Map<String, Object> spec = spec(single("Cluster"));
        List<Map<String, Object>> roles = list(map(spec.get("managed")).get("roles"));
        int jdbcPool = Integer.parseInt(Manifests.sharedServiceProperties().getProperty("quarkus.datasource.jdbc.max-size"));
        int sum = 0;
        for (String service : SERVICES) {
            String role = decode(one(Secret.class, secretRef(service, "WSIS_DB_USER")).getData().get("username"));
            int limit = (Integer) roles.stream().filter(r -> role.equals(r.get("name"))).findFirst().orElseThrow()
                    .get("connectionLimit");
            int reactivePool = Integer.parseInt(Manifests.applicationProperties(service)
                    .getProperty("quarkus.datasource.reactive.max-size", String.valueOf(QUARKUS_REACTIVE_POOL_DEFAULT)));
            int instances = maxReplicas(service) + 1; // one more while a rolling update surges
            assertThat(limit).as("%s: %d instances x (%d + %d) connections", service, instances, reactivePool, jdbcPool)
                    .isGreaterThanOrEqualTo(instances * (reactivePool + jdbcPool));
            sum += limit;
        }
        int max = Integer.parseInt((String) map(map(spec.get("postgresql")).get("parameters")).get("max_connections"));
        assertThat(sum + POSTGRES_RESERVED_CONNECTIONS).as("max_connections").isLessThanOrEqualTo(max);
    }

    // ---- Kafka ----------------------------------------------------------------------------------------------

    @Test
    void kafkaHasThreeBrokersAndAQuorumAndRefusesUnderReplicatedWrites() {
        GenericKubernetesResource kafka = single("Kafka");
        assertThat(kafka.getApiVersion()).isEqualTo("kafka.strimzi.io/v1");
        Map<String, Object> spec = map(spec(kafka).get("kafka"));
        Map<String, Object> config = map(spec.get("config"));
        assertThat(config.get("min.insync.replicas")).isEqualTo(2);
        assertThat(config.get("default.replication.factor")).isEqualTo(3);
        assertThat(config.get("offsets.topic.replication.factor")).isEqualTo(3);
        assertThat(config.get("auto.create.topics.enable")).isEqualTo(false);
        int brokers = 0;
        int controllers = 0;
        for (GenericKubernetesResource pool : generic("KafkaNodePool")) {
            assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
            List<?> poolRoles = (List<?>) spec(pool).get("roles");
            int replicas = (Integer) spec(pool).get("replicas");
            brokers += poolRoles.contains("broker") ? replicas : 0;
            controllers += poolRoles.contains("controller") ? replicas : 0;
        }
        assertThat(brokers).isEqualTo(3);
        assertThat(controllers).as("an odd KRaft quorum").isIn(3, 5);
        Map<String, Object> listener = list(spec.get("listeners")).stream()
                .filter(l -> Integer.valueOf(9092).equals(l.get("port"))).findFirst().orElseThrow();
        assertThat(configValue("wsis-common", "KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.get("port"));
    }

    @Test
    void theTopicsAreDeclaredReplicatedAndKeep400Days() {
        Set<String> expected = new TreeSet<>();
        Arrays.stream(Topic.values()).map(Topic::topicName).forEach(expected::add);
        SERVICES.stream().map(Topic::deadLetterTopicOf).forEach(expected::add);
        for (String service : SERVICES) {
            expected.addAll(consumedTopics(service));
            expected.addAll(deadLetterTopics(service));
        }
        String kafka = single("Kafka").getMetadata().getName();
        Map<String, GenericKubernetesResource> topics = new TreeMap<>();
        for (GenericKubernetesResource topic : generic("KafkaTopic")) {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka);
            topics.put((String) spec(topic).get("topicName"), topic);
        }
        assertThat(topics.keySet()).isEqualTo(expected);
        long retention400 = PERSONAL_DATA_RETENTION.toMillis();
        for (var entry : topics.entrySet()) {
            Map<String, Object> spec = spec(entry.getValue());
            Map<String, Object> config = map(spec.get("config"));
            assertThat(spec.get("replicas")).as(entry.getKey()).isEqualTo(3);
            assertThat(config.get("min.insync.replicas")).as(entry.getKey()).isEqualTo(2);
            assertThat((Integer) spec.get("partitions")).as(entry.getKey()).isPositive();
            long retention = ((Number) config.get("retention.ms")).longValue();
            // wsis.notification-events carries no personal data, but invitation-service rebuilds its audit
            // trail from it (NotificationResent.v1), so it keeps as long as the other sources of that trail.
            assertThat(retention).as(entry.getKey() + " keeps personal data or audit sources").isEqualTo(retention400);
            assertThat(((Number) config.get("segment.ms")).longValue()).as(entry.getKey() + ": expired data goes within a day")
                    .isLessThanOrEqualTo(Duration.ofDays(1).toMillis());
        }
    }

    @Test
    void producersWaitForTheInSyncReplicas() {
        Properties shared = Manifests.sharedServiceProperties();
        assertThat(shared.getProperty("mp.messaging.outgoing.wsis-outbox.acks")).isEqualTo("all");
        assertThat(shared.getProperty("mp.messaging.outgoing.wsis-outbox.enable.idempotence")).isEqualTo("true");
        for (String service : SERVICES) {
            Properties own = Manifests.applicationProperties(service);
            assertThat(own.stringPropertyNames()).as(service + " must not weaken acks")
                    .noneMatch(k -> k.endsWith(".acks") && !"all".equals(own.getProperty(k)));
        }
        // acks=all with min.insync.replicas 2 of 3: an acknowledged event is on two brokers, and one broker may be
        // down without refusing writes (checked per topic above).
    }

    // ---- traffic --------------------------------------------------------------------------------------------

    @Test
    void thePublicIngressServesTheInviteePagesAndThePublicApisAndNothingElse() {
        Ingress ingress = one(Ingress.class, "wsis-public");
        String id = UUID.randomUUID().toString();
        String invitee = inviteeHost(ingress);
        Map<String, String> mustRoute = new LinkedHashMap<>();
        mustRoute.put(invitee + " /", "invitee-web");
        mustRoute.put(invitee + " /r/abc.def", "invitee-web");
        mustRoute.put(invitee + " /invitation", "invitee-web");
        mustRoute.put(invitee + " /invitation/accept", "invitee-web");
        mustRoute.put(invitee + " /invitation/speaking-request", "invitee-web");
        mustRoute.put(invitee + " /css/site.css", "invitee-web");
        mustRoute.put(host(ingress, "registration-service") + " /invitations/" + id + "/accept", "registration-service");
        mustRoute.put(host(ingress, "registration-service") + " /invitations/" + id + "/replies", "registration-service");
        mustRoute.put(host(ingress, "speaking-request-service") + " /invitations/" + id + "/speaking-request",
                "speaking-request-service");
        mustRoute.put(host(ingress, "speaking-request-service") + " /sessions/" + id + "/speakers.csv",
                "speaking-request-service");
        mustRoute.put(host(ingress, "invitation-service") + " /invitations/" + id + "/letter", "invitation-service");
        mustRoute.forEach((request, backend) -> {
            String[] hostPath = request.split(" ");
            assertThat(route(ingress, hostPath[0], hostPath[1])).as(request).contains(backend);
        });
        List<String> neverPublic = List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi",
                "/q/swagger-ui/", "/ops/clock", "/ops/clock/advance", "/ops/demo-data", "/ops/notifications/dispatch",
                "/ops/notifications/retention/purge", "/staff/forums/" + id + "/statistics",
                "/staff/invitations/" + id + "/replies", "/forums", "/letters", "/invitees/import", "/member-states",
                "/forums/" + id + "/allocation/publish");
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertThat(rule.getHost()).as("every rule names its host").isNotBlank();
            for (String path : neverPublic) {
                assertThat(route(ingress, rule.getHost(), path)).as(rule.getHost() + path + " is not public").isEmpty();
            }
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                String backend = path.getBackend().getService().getName();
                Service service = one(Service.class, backend);
                assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName)
                        .contains(path.getBackend().getService().getPort().getName());
            }
        }
        assertThat(route(ingress, invitee, "/invitations/" + id + "/accept")).as("APIs only on their own hosts").isEmpty();
    }

    @Test
    void thePublicHostsUseTlsAndTheEmailedLinkOpensTheInviteePages() {
        Ingress ingress = one(Ingress.class, "wsis-public");
        Set<String> tlsHosts = ingress.getSpec().getTls() == null ? Set.of() : ingress.getSpec().getTls().stream()
                .map(IngressTLS::getHosts).flatMap(List::stream).collect(Collectors.toSet());
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertThat(tlsHosts).as("TLS for " + rule.getHost()).contains(rule.getHost());
        }
        assertThat(configValue("notification-service-config", "WSIS_LINK_BASE_URL"))
                .isEqualTo("https://" + inviteeHost(ingress) + "/r/");
    }

    @Test
    void theStaffIngressIsOnAnotherClassThanThePublicOne() {
        Ingress staff = one(Ingress.class, "wsis-staff");
        Ingress pub = one(Ingress.class, "wsis-public");
        assertThat(staff.getSpec().getIngressClassName()).isNotBlank().isNotEqualTo(pub.getSpec().getIngressClassName());
        Set<String> publicHosts = pub.getSpec().getRules().stream().map(IngressRule::getHost).collect(Collectors.toSet());
        assertThat(staff.getSpec().getRules()).extracting(IngressRule::getHost).doesNotContainAnyElementsOf(publicHosts);
        assertThat(all(Ingress.class)).hasSize(2);
    }

    // ---- pods -----------------------------------------------------------------------------------------------

    @Test
    void podsMeetTheRestrictedPodSecurityStandard() {
        for (String app : APPS) {
            PodSpec pod = pod(app);
            assertThat(pod.getAutomountServiceAccountToken()).as(app).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(app).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(app).isEqualTo("RuntimeDefault");
            var security = container(app).getSecurityContext();
            assertThat(security.getAllowPrivilegeEscalation()).as(app).isFalse();
            assertThat(security.getReadOnlyRootFilesystem()).as(app).isTrue();
            assertThat(security.getCapabilities().getDrop()).as(app).containsExactly("ALL");
            VolumeMount tmp = container(app).getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(app + ": a writable /tmp"));
            assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(tmp.getName()))
                    .singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
            assertThat(container(app).getLifecycle().getPreStop()).as(app + ": drains before shutdown").isNotNull();
        }
    }

    @Test
    void imagesComeFromTheSitesRegistryWithAFixedTag() {
        for (String app : APPS) {
            String image = container(app).getImage();
            assertThat(image).as(app).doesNotStartWith("registry.invalid/").endsWith("/" + app + image.substring(
                    image.lastIndexOf(':')));
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as(app).isNotBlank().isNotEqualTo("latest").doesNotContain("SNAPSHOT");
            assertThat(container(app).getImagePullPolicy()).isEqualTo("IfNotPresent");
        }
    }

    @Test
    void everythingIsInTheNamespaceAndLabelledWithItsApplyStage() {
        Set<String> stages = Set.of("engines", "secrets", "apps", "monitoring");
        for (HasMetadata resource : resources) {
            if (!resource.getKind().equals("Namespace")) {
                assertThat(resource.getMetadata().getNamespace()).as(describe(resource)).isEqualTo("wsis");
            }
            assertThat(resource.getMetadata().getLabels()).as(describe(resource))
                    .containsEntry("app.kubernetes.io/part-of", "wsis");
            assertThat(resource.getMetadata().getLabels().get("wsis.itu.int/stage")).as(describe(resource)).isIn(stages);
        }
        assertThat(all(Secret.class)).allSatisfy(s ->
                assertThat(s.getMetadata().getLabels()).containsEntry("wsis.itu.int/stage", "secrets"));
        assertThat(all(Deployment.class)).allSatisfy(d ->
                assertThat(d.getMetadata().getLabels()).containsEntry("wsis.itu.int/stage", "apps"));
        for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Database")) {
            assertThat(generic(kind)).allSatisfy(r ->
                    assertThat(r.getMetadata().getLabels()).containsEntry("wsis.itu.int/stage", "engines"));
        }
    }

    /** The alert rules and the dashboard are applied last, once the Prometheus Operator's CRDs exist (MonitoringTest). */
    @Test
    void theAlertRulesAndTheDashboardAreDeployedForThePrometheusOperatorAndGrafana() {
        GenericKubernetesResource rules = single("PrometheusRule");
        assertThat(rules.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rules.getMetadata().getLabels()).containsEntry("wsis.itu.int/stage", "monitoring");
        ConfigMap dashboard = one(ConfigMap.class, "wsis-flow-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1")
                .containsEntry("wsis.itu.int/stage", "monitoring");
        assertThat(dashboard.getData()).containsKey("wsis-flow.json");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static final long MIB = 1024L * 1024L;

    static <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> found = all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).toList();
        assertThat(found).as(type.getSimpleName() + " " + name).hasSize(1);
        return found.get(0);
    }

    static List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    static GenericKubernetesResource single(String kind) {
        List<GenericKubernetesResource> found = generic(kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    static Deployment deployment(String app) {
        return one(Deployment.class, app);
    }

    static PodSpec pod(String app) {
        return deployment(app).getSpec().getTemplate().getSpec();
    }

    static Container container(String app) {
        return pod(app).getContainers().get(0);
    }

    static Optional<String> env(String app, String name) {
        return container(app).getEnv().stream().filter(v -> v.getName().equals(name)).findFirst()
                .map(v -> v.getValue() != null ? v.getValue() : "<from " + v.getValueFrom() + ">");
    }

    static String secretRef(String app, String name) {
        EnvVar var = container(app).getEnv().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(app + ": no " + name));
        return var.getValueFrom().getSecretKeyRef().getName();
    }

    static Map<String, String> secretData(String name) {
        Secret secret = one(Secret.class, name);
        return secret.getData() == null ? Map.of() : secret.getData();
    }

    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** The ConfigMap a generator made from a base name (the rendered name carries a hash suffix). */
    static String configValue(String baseName, String key) {
        List<ConfigMap> found = all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().matches(Pattern.quote(baseName) + "-[a-z0-9]{10}")).toList();
        assertThat(found).as("ConfigMap " + baseName).hasSize(1);
        return found.get(0).getData().get(key);
    }

    static Optional<String> secretFileAt(String app, String location) {
        Path file = Path.of(location);
        for (VolumeMount mount : container(app).getVolumeMounts()) {
            if (file.getParent().equals(Path.of(mount.getMountPath()))) {
                Volume volume = pod(app).getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
                        .findFirst().orElseThrow();
                if (volume.getSecret() != null
                        && secretData(volume.getSecret().getSecretName()).containsKey(file.getFileName().toString())) {
                    return Optional.of(volume.getSecret().getSecretName());
                }
            }
        }
        return Optional.empty();
    }

    static Optional<HorizontalPodAutoscaler> autoscaler(String app) {
        return all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(app)).findFirst();
    }

    static int minReplicas(String app) {
        return autoscaler(app).map(h -> h.getSpec().getMinReplicas())
                .orElseGet(() -> Objects.requireNonNullElse(deployment(app).getSpec().getReplicas(), 1));
    }

    static int maxReplicas(String app) {
        return autoscaler(app).map(h -> h.getSpec().getMaxReplicas()).orElseGet(() -> minReplicas(app));
    }

    static Map<String, Integer> topicPartitions() {
        Map<String, Integer> partitions = new TreeMap<>();
        for (GenericKubernetesResource topic : generic("KafkaTopic")) {
            partitions.put((String) spec(topic).get("topicName"), (Integer) spec(topic).get("partitions"));
        }
        return partitions;
    }

    static Set<String> incomingChannels(String service) {
        Pattern channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
        Set<String> channels = new TreeSet<>();
        for (String key : Manifests.applicationProperties(service).stringPropertyNames()) {
            Matcher m = channel.matcher(key);
            if (m.matches()) {
                channels.add(m.group(1));
            }
        }
        return channels;
    }

    static Set<String> consumedTopics(String service) {
        Properties p = Manifests.applicationProperties(service);
        Set<String> topics = new TreeSet<>();
        for (String channel : incomingChannels(service)) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            String list = p.getProperty(prefix + "topics", p.getProperty(prefix + "topic", channel));
            Arrays.stream(list.split(",")).map(String::trim).forEach(topics::add);
        }
        return topics;
    }

    static Set<String> deadLetterTopics(String service) {
        Properties p = Manifests.applicationProperties(service);
        return incomingChannels(service).stream()
                .map(c -> p.getProperty("mp.messaging.incoming." + c + ".dead-letter-queue.topic"))
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    }

    static String databaseOf(String service) {
        String url = Manifests.applicationProperties(service).getProperty("quarkus.datasource.jdbc.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static String inviteeHost(Ingress ingress) {
        return ingress.getSpec().getRules().stream()
                .filter(r -> r.getHttp().getPaths().stream().anyMatch(p -> p.getPath().equals("/r/")
                        && p.getBackend().getService().getName().equals("invitee-web")))
                .map(IngressRule::getHost).findFirst().orElseThrow(() -> new AssertionError("no /r/ rule"));
    }

    static String host(Ingress ingress, String service) {
        return ingress.getSpec().getRules().stream()
                .filter(r -> r.getHttp().getPaths().stream()
                        .allMatch(p -> p.getBackend().getService().getName().equals(service)))
                .map(IngressRule::getHost).findFirst().orElseThrow(() -> new AssertionError("no host for " + service));
    }

    /** The backend an Ingress sends host+path to: Kubernetes' Exact and (element-wise) Prefix matching. */
    static Optional<String> route(Ingress ingress, String host, String requestPath) {
        String best = null;
        int bestLength = -1;
        for (IngressRule rule : ingress.getSpec().getRules()) {
            if (rule.getHost() != null && !rule.getHost().equals(host)) {
                continue;
            }
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                String p = path.getPath();
                boolean matches = switch (path.getPathType()) {
                    case "Exact" -> p.equals(requestPath);
                    case "Prefix" -> prefixMatches(p, requestPath);
                    default -> fail("pathType " + path.getPathType() + " is controller-specific");
                };
                int length = "Exact".equals(path.getPathType()) ? Integer.MAX_VALUE : p.length();
                if (matches && length > bestLength) {
                    best = path.getBackend().getService().getName();
                    bestLength = length;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    static boolean prefixMatches(String prefix, String path) {
        List<String> want = elements(prefix);
        List<String> have = elements(path);
        return have.size() >= want.size() && have.subList(0, want.size()).equals(want);
    }

    static List<String> elements(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    static long bytes(Quantity quantity) {
        BigDecimal amount = Quantity.getAmountInBytes(quantity);
        return amount.longValue();
    }

    static String describe(HasMetadata resource) {
        return resource.getKind() + " " + resource.getMetadata().getName();
    }
}
