package itu.wsis.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes committed outbox rows to Kafka, outside any database transaction, then marks them published.
 * <p>
 * Only the holder of a lease row publishes, so with several instances of a service the rows of one key still
 * leave in id order; a crashed holder is replaced when its lease runs out. Delivery is at least once (a crash
 * between the broker's ack and the update re-sends a row), which the consumers' inbox makes harmless.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final URI source;
    private final String instanceId;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Counter published;
    private final Counter failed;
    private volatile long timerId = -1;
    private volatile long lastPurge;
    private volatile long leaseRenewAfter = System.nanoTime();

    public OutboxRelay(Pool pool,
                       @Channel("wsis-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                       MutinyEmitter<String> emitter,
                       OutboxConfig config, Vertx vertx, MeterRegistry registry,
                       @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.vertx = vertx;
        this.source = URI.create("urn:wsis:" + serviceName);
        this.instanceId = config.instanceId().orElseGet(() -> hostName() + "/" + UUID.randomUUID());
        this.published = registry.counter("wsis.outbox.published");
        this.failed = registry.counter("wsis.outbox.publish.failures");
        registry.gauge("wsis.outbox.draining", draining, d -> d.get() ? 1 : 0);
    }

    void start(@Observes StartupEvent startup) {
        if (config.relayEnabled()) {
            timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void tick() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        drain().subscribe().with(
                count -> draining.set(false),
                failure -> {
                    draining.set(false);
                    failed.increment();
                    LOG.warnf("Outbox relay will retry: %s", failure.toString());
                });
    }

    /** Publishes everything pending, batch after batch, while this instance holds the lease. Returns the count. */
    public Uni<Integer> drain() {
        return holdLease().chain(leader -> leader ? drainBatches(0) : Uni.createFrom().item(0));
    }

    private Uni<Integer> drainBatches(int sentSoFar) {
        return publishOneBatch().chain(sent -> {
            if (sent < config.batchSize()) {
                return purgeOldRows().replaceWith(sentSoFar + sent);
            }
            return holdLease().chain(leader -> leader ? drainBatches(sentSoFar + sent)
                    : Uni.createFrom().item(sentSoFar + sent));
        });
    }

    /**
     * Renewing on every 100 ms tick would write the lease row ten times a second per idle service; the holder renews
     * only once half the lease has gone, measured from when the database confirmed it, so it never acts on a lease
     * the database already considers expired.
     */
    private Uni<Boolean> holdLease() {
        if (System.nanoTime() - leaseRenewAfter < 0) {
            return Uni.createFrom().item(true);
        }
        return pool.preparedQuery("""
                        update outbox_relay_lease
                           set owner = $1, lease_until = now() + ($2 * interval '1 millisecond')
                         where name = 'relay' and (owner = $1 or lease_until < now())""")
                .execute(Tuple.of(instanceId, config.leaseDuration().toMillis()))
                .map(rows -> {
                    boolean held = rows.rowCount() == 1;
                    leaseRenewAfter = held ? System.nanoTime() + config.leaseDuration().toNanos() / 2
                            : System.nanoTime();
                    return held;
                });
    }

    private Uni<Integer> publishOneBatch() {
        return pool.preparedQuery("""
                        select id, event_id, topic, message_key, event_type, payload, occurred_at
                          from outbox_event
                         where published_at is null
                         order by id
                         limit $1""")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return sendInOrder(batch);
                });
    }

    /**
     * All sends are handed to the producer at once and in id order; the idempotent producer keeps that order per
     * partition. Only rows the broker acknowledged are marked; the others are tried again on the next tick.
     */
    private Uni<Integer> sendInOrder(List<Row> batch) {
        List<Uni<Long>> sends = batch.stream().map(row -> send(row)
                        .replaceWith(row.getLong("id"))
                        .onFailure().recoverWithItem(failure -> {
                            recordFailure(row.getLong("id"), failure);
                            return -1L;
                        }))
                .toList();
        return Uni.join().all(sends).andFailFast().chain(ids -> {
            List<Long> acked = ids.stream().filter(id -> id >= 0).toList();
            Uni<Void> marked = acked.isEmpty() ? Uni.createFrom().voidItem() : pool
                    .preparedQuery("update outbox_event set published_at = now(), attempts = attempts + 1 where id = any($1)")
                    .execute(Tuple.of(acked.toArray(Long[]::new)))
                    .invoke(() -> published.increment(acked.size()))
                    .replaceWithVoid();
            return marked.chain(() -> acked.size() == batch.size()
                    ? Uni.createFrom().item(acked.size())
                    : Uni.createFrom().failure(new IllegalStateException(
                    (batch.size() - acked.size()) + " of " + batch.size() + " outbox rows were not acknowledged")));
        });
    }

    private Uni<Void> send(Row row) {
        String key = row.getString("message_key");
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(key)
                .build();
        OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.getUUID("event_id").toString())
                .withType("itu.wsis." + row.getString("event_type"))
                .withSource(source)
                .withSubject(key)
                .withTimestamp(occurredAt.atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        return emitter.sendMessage(Message.of(row.getString("payload"), Metadata.of(kafka, cloudEvent)));
    }

    private void recordFailure(long id, Throwable failure) {
        String reason = String.valueOf(failure.getMessage());
        pool.preparedQuery("update outbox_event set attempts = attempts + 1, last_error = $2 where id = $1")
                .execute(Tuple.of(id, reason.length() > 2000 ? reason.substring(0, 2000) : reason))
                .subscribe().with(ignored -> { }, e -> LOG.debugf("could not record outbox failure: %s", e));
    }

    private Uni<Void> purgeOldRows() {
        long now = System.currentTimeMillis();
        if (now - lastPurge < 3_600_000L) {
            return Uni.createFrom().voidItem();
        }
        lastPurge = now;
        return pool.preparedQuery("delete from outbox_event where published_at < now() - ($1 * interval '1 millisecond')")
                .execute(Tuple.of(config.retention().toMillis()))
                .replaceWithVoid();
    }

    /** Rows not yet published, for health and metrics. */
    public Uni<Long> backlog() {
        return pool.query("select count(*) from outbox_event where published_at is null").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
