package itu.wsis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The README's way to read a topic really reads one on Kafka 4.1: {@code ./wsis topic} (the console consumer of
 * kafka-tools on local-stack's classpath) prints the key, the CloudEvents headers and the value of an event.
 * And, where Debian's kcat is installed (.ci/run installs it), the ops alternative the README gives does too.
 */
class TopicCommandTest {

    static final Path ROOT = Path.of(System.getProperty("wsis.root", "..")).toAbsolutePath().normalize();
    static final String VALUE = "{\"type\":\"InvitationRevoked.v1\",\"eventId\":\"5b0c1e6a-0d7e-4a55-9a43-3f1d2c9e8b71\","
            + "\"occurredAt\":\"2022-03-21T09:00:00Z\",\"invitationId\":\"8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f\","
            + "\"reason\":\"test\"}";

    @Test
    void wsisTopicPrintsKeyHeadersAndValue() throws Exception {
        Path dir = Path.of("target", "kafka-topic-" + UUID.randomUUID()).toAbsolutePath();
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir, FreePorts.next(), FreePorts.next(),
                dir.resolve("broker.log"))) {
            String topic = "wsis.invitation-events";
            produce(broker, topic);

            String out = run(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                            "WSIS_RUN_DIR", dir.resolve("run").toString()),
                    ROOT.resolve("wsis").toString(), "topic", topic, "--max-messages", "1", "--timeout-ms", "60000");
            assertThat(out).contains("8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f")
                    .contains("ce_type:itu.wsis.InvitationRevoked.v1")
                    .contains("ce_source:urn:wsis:invitation-service")
                    .contains(VALUE)
                    .contains("Processed a total of 1 messages");
        }
    }

    @Test
    void kcatReadsTheSameTopic() throws Exception {
        Path kcat = Path.of("/usr/bin/kcat");
        assertThat(kcat).as("kcat is not installed: ./wsis test (README's test command) installs it").isExecutable();
        Path dir = Path.of("target", "kafka-kcat-" + UUID.randomUUID()).toAbsolutePath();
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir, FreePorts.next(), FreePorts.next(),
                dir.resolve("broker.log"))) {
            String topic = "wsis.invitation-events";
            produce(broker, topic);
            String out = run(Map.of(), kcat.toString(), "-b", broker.bootstrapServers(), "-C", "-t", topic, "-e",
                    "-J");
            assertThat(out).contains("\"key\":\"8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f\"")
                    .contains("\"ce_type\",\"itu.wsis.InvitationRevoked.v1\"")
                    .contains("InvitationRevoked.v1");
        }
    }

    private static void produce(KafkaBrokerProcess broker, String topic) throws Exception {
        // The local-stack broker creates no topic implicitly; the services create theirs at start.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Map<String, Object> cfg = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(cfg)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic,
                    "8f1c2d3e-4b5a-4c6d-9e8f-0a1b2c3d4e5f", VALUE);
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", "itu.wsis.InvitationRevoked.v1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "urn:wsis:invitation-service".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static String run(Map<String, String> env, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        Path log = Files.createTempFile(Path.of("target"), "topic-", ".log");
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String out = Files.readString(log);
        assertThat(done).as("%s finished within 120 s; output:%n%s", String.join(" ", cmd), out).isTrue();
        assertThat(process.exitValue()).as("exit code of %s; output:%n%s", String.join(" ", cmd), out).isZero();
        return out;
    }
}
