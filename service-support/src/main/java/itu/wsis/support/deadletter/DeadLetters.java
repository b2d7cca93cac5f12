package itu.wsis.support.deadletter;

import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.events.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * This service's dead letters, read straight from its dead-letter topic, and their replay onto the topics they came
 * from. A replayed record keeps its key, value and headers (the CloudEvents id among them), so every consumer's inbox
 * recognises an event it has already applied; it is marked {@value #REPLAY_FOR_HEADER} so that only this service's
 * consumers take it up, and other services do not dead-letter again an event they had no trouble with.
 * <p>
 * Blocking (Kafka clients): call it from a worker thread.
 */
@ApplicationScoped
public class DeadLetters {

    /** On a replayed record: the service whose dead letter it was. Other services' consumers skip it. */
    public static final String REPLAY_FOR_HEADER = "wsis-replay-for";
    /** On a replayed record: where it was replayed from, {@code <dlq topic>/<partition>/<offset>}. */
    public static final String REPLAY_OF_HEADER = "wsis-replay-of";

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** One dead letter, without its payload: the event's personal data stays on the topic. */
    public record Entry(int partition, long offset, Instant deadLetteredAt, String key, String originalTopic,
                        Integer originalPartition, Long originalOffset, String eventType, String eventId,
                        String reason, String cause, Instant replayedAt, String replayedBy) {
    }

    public record Position(int partition, long offset) {
    }

    private final Map<String, Object> kafka;
    private final Pool pool;
    private final String service;
    private final String topic;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafka, Pool pool,
                       @ConfigProperty(name = "quarkus.application.name") String service) {
        this.kafka = kafka;
        this.pool = pool;
        this.service = service;
        this.topic = Topic.deadLetterTopicOf(service);
    }

    public String topic() {
        return topic;
    }

    /** Every dead letter of this service, oldest first, with whether and when it was replayed. */
    public List<Entry> list() {
        Map<Position, Row> replays = replays();
        return readAll().stream().map(r -> entry(r, replays.get(new Position(r.partition(), r.offset())))).toList();
    }

    /**
     * Replays the chosen dead letters (every one not replayed yet when {@code positions} is null), in the order they
     * were dead-lettered, and records who did it. Returns what was replayed; throws {@link UnknownPositions} and
     * replays nothing when a chosen one does not exist.
     */
    public List<Entry> replay(List<Position> positions, String actor) {
        List<ConsumerRecord<String, String>> all = readAll();
        Map<Position, Row> replays = replays();
        List<ConsumerRecord<String, String>> chosen;
        if (positions == null) {
            chosen = all.stream().filter(r -> !replays.containsKey(new Position(r.partition(), r.offset()))).toList();
        } else {
            Map<Position, ConsumerRecord<String, String>> byPosition = new LinkedHashMap<>();
            all.forEach(r -> byPosition.put(new Position(r.partition(), r.offset()), r));
            List<Position> unknown = positions.stream().filter(p -> !byPosition.containsKey(p)).distinct().toList();
            if (!unknown.isEmpty()) {
                throw new UnknownPositions(unknown);
            }
            chosen = new ArrayList<>(new HashSet<>(positions).stream().map(byPosition::get).toList());
            chosen.sort(Comparator.comparing((ConsumerRecord<String, String> r) -> r.timestamp())
                    .thenComparing(ConsumerRecord::partition).thenComparing(ConsumerRecord::offset));
        }
        List<Entry> replayed = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new StringSerializer())) {
            for (ConsumerRecord<String, String> record : chosen) {
                String original = header(record.headers(), "dead-letter-topic");
                if (original == null) {
                    throw new IllegalStateException("dead letter " + record.partition() + "/" + record.offset()
                            + " does not name its original topic");
                }
                Headers headers = new RecordHeaders();
                for (Header h : record.headers()) {
                    if (!h.key().startsWith("dead-letter-") && !h.key().startsWith("wsis-replay-")) {
                        headers.add(h);
                    }
                }
                headers.add(REPLAY_FOR_HEADER, service.getBytes(StandardCharsets.UTF_8));
                headers.add(REPLAY_OF_HEADER, (topic + "/" + record.partition() + "/" + record.offset())
                        .getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(original, null, record.key(), record.value(), headers))
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                Row at = pool.preparedQuery("""
                                insert into dead_letter_replay (dlq_topic, dlq_partition, dlq_offset, original_topic,
                                                                replayed_at, replayed_by)
                                values ($1, $2, $3, $4, now(), $5)
                                on conflict (dlq_topic, dlq_partition, dlq_offset)
                                do update set replayed_at = now(), replayed_by = $5, replay_count = dead_letter_replay.replay_count + 1
                                returning replayed_at, replayed_by""")
                        .execute(Tuple.of(topic, record.partition(), record.offset(), original, actor))
                        .await().atMost(TIMEOUT).iterator().next();
                replayed.add(entry(record, at));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not take a replayed record", e);
        }
        return replayed;
    }

    /** Chosen dead letters that do not exist. */
    public static final class UnknownPositions extends RuntimeException {
        private final List<Position> positions;

        UnknownPositions(List<Position> positions) {
            super(positions.size() + " dead letters do not exist", null, false, false);
            this.positions = List.copyOf(positions);
        }

        public List<Position> positions() {
            return positions;
        }
    }

    private List<ConsumerRecord<String, String>> readAll() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new StringDeserializer())) {
            Map<String, List<PartitionInfo>> topics = consumer.listTopics(TIMEOUT);
            if (!topics.containsKey(topic)) {
                return records;
            }
            List<TopicPartition> partitions = topics.get(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(Comparator.comparing((ConsumerRecord<String, String> r) -> r.timestamp())
                .thenComparing(ConsumerRecord::partition).thenComparing(ConsumerRecord::offset));
        return records;
    }

    private Map<Position, Row> replays() {
        Map<Position, Row> replays = new HashMap<>();
        pool.preparedQuery("""
                        select dlq_partition, dlq_offset, replayed_at, replayed_by from dead_letter_replay
                         where dlq_topic = $1""")
                .execute(Tuple.of(topic)).await().atMost(TIMEOUT)
                .forEach(row -> replays.put(new Position(row.getInteger("dlq_partition"), row.getLong("dlq_offset")), row));
        return replays;
    }

    private static Entry entry(ConsumerRecord<String, String> r, Row replay) {
        String originalPartition = header(r.headers(), "dead-letter-partition");
        String originalOffset = header(r.headers(), "dead-letter-offset");
        String type = header(r.headers(), "ce_type");
        OffsetDateTime replayedAt = replay == null ? null : replay.getOffsetDateTime("replayed_at");
        return new Entry(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                header(r.headers(), "dead-letter-topic"),
                originalPartition == null ? null : Integer.valueOf(originalPartition),
                originalOffset == null ? null : Long.valueOf(originalOffset),
                type == null ? null : type.replaceFirst("^itu\\.wsis\\.", ""), header(r.headers(), "ce_id"),
                header(r.headers(), "dead-letter-reason"), header(r.headers(), "dead-letter-cause"),
                replayedAt == null ? null : replayedAt.toInstant(),
                replay == null ? null : replay.getString("replayed_by"));
    }

    private static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = filtered(ConsumerConfig.configNames());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = filtered(ProducerConfig.configNames());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letter-replay");
        return config;
    }

    private Map<String, Object> filtered(Set<String> known) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
