package itu.wsis.support.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import itu.wsis.support.instance.InstanceIdentity;
import itu.wsis.support.topics.TopicProvisioner;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Shares a movable business clock between the services of a test or local stack through one compacted topic,
 * {@code wsis.ops.clock}. Its records carry the clock's shift from the wall clock; since that shift alone defines
 * the clock, every service that read the latest record reads the same business time, and a restarted service
 * comes back at it instead of at its configured start. A service moves the clock by publishing a larger shift;
 * each takes the largest it has seen, so time never moves back and concurrent moves converge.
 * <p>
 * Off in production, where the clock is the system clock (and the ops endpoint does not exist).
 */
@ApplicationScoped
public class ClockSync {

    private static final Logger LOG = Logger.getLogger(ClockSync.class);
    private static final String KEY = "business-clock";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final ClockConfig config;
    private final TopicProvisioner topics;
    private final Map<String, Object> kafka;
    private final String source;
    private volatile KafkaProducer<String, String> producer;
    private volatile Thread follower;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean synced;
    private volatile boolean stopping;

    public ClockSync(Clock clock, ClockConfig config, TopicProvisioner topics,
                     @Identifier("default-kafka-broker") Map<String, Object> kafka, InstanceIdentity instance,
                     @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.clock = clock;
        this.config = config;
        this.topics = topics;
        this.kafka = kafka;
        this.source = serviceName + " " + instance.id();
    }

    /** Whether business time is shared at all in this profile. */
    public boolean enabled() {
        return config.sync() == ClockConfig.Sync.KAFKA && clock instanceof MovableClock;
    }

    /** Ready once the shared time has been read (or when there is nothing to share). */
    public boolean synced() {
        return !enabled() || synced;
    }

    /** After the topics exist, before the consumers start: the first event must already see the shared time. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) StartupEvent startup) {
        if (!enabled()) {
            return;
        }
        topics.ensure(List.of(new NewTopic(config.topic(), Optional.of(1), Optional.empty()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))), 10_000);
        producer = new KafkaProducer<>(clientConfig(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)), new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(clientConfig(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)),
                new StringDeserializer(), new StringDeserializer());
        this.consumer = consumer;
        TopicPartition partition = new TopicPartition(config.topic(), 0);
        consumer.assign(Set.of(partition));
        consumer.seekToBeginning(Set.of(partition));
        try {
            readToTheEnd(consumer, partition, Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the shared business clock yet (%s); following it in the background",
                    e.getClass().getName());
        }
        follower = new Thread(() -> follow(consumer, partition), "wsis-clock-sync");
        follower.setDaemon(true);
        follower.start();
    }

    /**
     * Reads every record up to the current end and takes the furthest shift. On an empty topic this service's own
     * clock (its configured start) becomes the shared one.
     */
    private void readToTheEnd(KafkaConsumer<String, String> consumer, TopicPartition partition, Duration timeout) {
        long end = consumer.endOffsets(Set.of(partition), timeout).get(partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(partition, timeout) < end && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::apply);
        }
        if (end == 0) {
            publish(((MovableClock) clock).shift());
        }
        synced = true;
        LOG.infof("Business time is shared through %s: %s", config.topic(), clock.instant());
    }

    private void follow(KafkaConsumer<String, String> consumer, TopicPartition partition) {
        try (consumer) {
            while (!stopping) {
                try {
                    if (!synced) {
                        readToTheEnd(consumer, partition, Duration.ofSeconds(10));
                    }
                    consumer.poll(Duration.ofMillis(500)).forEach(this::apply);
                } catch (WakeupException | InterruptException e) {
                    // Shutting down: stop() woke the consumer up.
                    return;
                } catch (RuntimeException e) {
                    if (!stopping) {
                        LOG.debugf("Following the shared clock: %s", e.getClass().getName());
                        sleep();
                    }
                }
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (!KEY.equals(record.key()) || record.value() == null) {
            return;
        }
        try {
            JsonNode value = JSON.readTree(record.value());
            Duration shift = Duration.ofMillis(value.path("shiftMillis").asLong());
            if (((MovableClock) clock).adopt(shift)) {
                LOG.infof("Business time moved to %s (by %s)", clock.instant(), value.path("source").asText("?"));
            }
        } catch (Exception e) {
            LOG.warnf("Ignoring an unreadable record on %s at offset %d", config.topic(), record.offset());
        }
    }

    /**
     * Moves the business time of every service forward by {@code by}: this one at once, the others as soon as they
     * read the record (milliseconds). Returns the new time here.
     */
    public synchronized Instant advance(Duration by) {
        MovableClock movable = (MovableClock) clock;
        if (!enabled()) {
            return movable.advance(by);
        }
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + by);
        }
        Duration shift = movable.shift().plus(by);
        publish(shift);
        movable.adopt(shift);
        return movable.instant();
    }

    private void publish(Duration shift) {
        String value = JSON.createObjectNode()
                .put("shiftMillis", shift.toMillis())
                .put("businessTime", Instant.now().plus(shift).toString())
                .put("source", source)
                .toString();
        try {
            producer.send(new ProducerRecord<>(config.topic(), KEY, value)).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not share the business clock on " + config.topic(), e);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        Thread t = follower;
        if (t != null) {
            // A wake-up, not an interrupt: an interrupted thread cannot close its consumer (Kafka logs the close as
            // failed and the thread dies with an InterruptException).
            KafkaConsumer<String, String> c = consumer;
            if (c != null) {
                c.wakeup();
            }
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(2));
        }
    }

    private Map<String, Object> clientConfig(Map<String, Object> overrides) {
        Map<String, Object> client = new HashMap<>();
        Set<String> known = overrides.containsKey(ProducerConfig.ACKS_CONFIG)
                ? ProducerConfig.configNames() : ConsumerConfig.configNames();
        kafka.forEach((key, value) -> {
            if (known.contains(key)) {
                client.put(key, value);
            }
        });
        client.putAll(overrides);
        // Assigned, never subscribed: no consumer group of its own, and not the service's.
        client.remove(ConsumerConfig.GROUP_ID_CONFIG);
        client.put(ProducerConfig.CLIENT_ID_CONFIG, "wsis-clock-" + source.replaceAll("[^A-Za-z0-9._-]", "_"));
        return client;
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
