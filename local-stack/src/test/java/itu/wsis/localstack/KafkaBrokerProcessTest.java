package itu.wsis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerProcessTest {

    /**
     * Also: the storage is formatted by the broker's own JVM on the first start only (a second format of the same
     * directory fails, so the restart would not come up), and the JVM options given reach the broker's JVM.
     */
    @Test
    void brokerRunsInItsOwnJvmAndSurvivesACrashWithItsData() throws Exception {
        Path dir = Path.of("target", "kafka-test-" + UUID.randomUUID());
        KafkaBrokerProcess.Jvm jvm = new KafkaBrokerProcess.Jvm(KafkaBrokerProcess.Jvm.current().java(),
                List.of("-Dwsis.test.broker-option=given"));
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir, FreePorts.next(), FreePorts.next(),
                dir.resolve("broker.log"), System.getProperty("java.class.path"), jvm)) {
            assertThat(broker.pid()).isNotEqualTo(ProcessHandle.current().pid());
            // ProcessHandle.Info leaves out a command line this long (the class path); /proc has it whole.
            assertThat(Files.readString(Path.of("/proc", Long.toString(broker.pid()), "cmdline")).split("\0"))
                    .contains("-Dwsis.test.broker-option=given");
            assertThat(Files.readString(dir.resolve("broker.log"))).contains("Formatting metadata directory");
            String topic = "local-stack-test";
            // The broker creates no topic implicitly (services create theirs with their partitions): make it here.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            produce(broker, topic, "before-crash");

            long firstPid = broker.pid();
            broker.kill();
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(Files.readString(dir.resolve("broker.ready")).strip())
                    .as("readiness reported by the broker's own JVM").isEqualTo(Long.toString(firstPid));
            broker.restart();
            assertThat(broker.pid()).isNotEqualTo(firstPid);
            assertThat(Files.readString(dir.resolve("broker.ready")).strip())
                    .as("the crashed broker's report is not taken for the new one's").isEqualTo(Long.toString(broker.pid()));
            produce(broker, topic, "after-restart");

            assertThat(consumeAll(broker, topic, 2)).containsExactly("before-crash", "after-restart");
            assertThat(Files.readString(dir.resolve("broker.log")).split("Formatting metadata directory", -1))
                    .as("formatted on the first start only").hasSize(2);
        }
    }

    /**
     * {@code ./wsis up} records the broker's class cache and {@code down} stops it through {@link
     * KafkaBrokerProcess#stop()}: the JVM writes the cache on its way out, so the stop must let it exit once, by the
     * signal, and not also by its watchdog (Process.destroy() closes stdin), whose second exit halted it first.
     * Java 17's AppCDS archive here, written at exit as the AOT cache of Java 25 is (both record classes from jars
     * only); the race itself showed with the AOT cache, whose writing takes seconds.
     */
    @Test
    void aStoppedBrokerWritesTheClassCacheItRecorded() throws Exception {
        Path dir = Path.of("target", "kafka-test-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dir);
        Path main = dir.resolve("broker-main.jar");
        String entry = KafkaBrokerMain.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(main));
             InputStream bytes = KafkaBrokerMain.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            bytes.transferTo(jar);
        }
        String classpath = Stream.concat(Stream.of(main.toString()),
                        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                                .filter(path -> Files.isRegularFile(Path.of(path))))
                .collect(Collectors.joining(File.pathSeparator));
        Path archive = dir.resolve("broker.jsa");
        KafkaBrokerProcess.Jvm jvm = new KafkaBrokerProcess.Jvm(KafkaBrokerProcess.Jvm.current().java(),
                List.of("-XX:ArchiveClassesAtExit=" + archive));
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir, FreePorts.next(), FreePorts.next(),
                dir.resolve("broker.log"), classpath, jvm)) {
            broker.stop();
        }
        assertThat(Files.readString(dir.resolve("broker.log")))
                .as("stopped by the signal alone, its watchdog never woken").doesNotContain("parent process gone");
        assertThat(archive).isNotEmptyFile();
    }

    private static void produce(KafkaBrokerProcess broker, String topic, String value) throws Exception {
        Map<String, Object> cfg = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(cfg)) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static List<String> consumeAll(KafkaBrokerProcess broker, String topic, int expected) {
        Map<String, Object> cfg = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cfg)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
