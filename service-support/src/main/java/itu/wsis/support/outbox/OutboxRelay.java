package itu.wsis.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import itu.wsis.support.instance.InstanceIdentity;
import itu.wsis.support.tracing.TraceContexts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes committed outbox rows to Kafka, outside any database transaction, then marks them published.
 * <p>
 * Only the holder of a lease row publishes, so with several instances of a service the rows of one key still
 * leave in id order; a crashed holder is replaced when its lease runs out. The lease outlasts the longest a batch can
 * take to be acknowledged, and the holder starts a batch only with that much of its lease left, so a live holder's
 * sends are never still in flight when another instance takes over. Delivery is at least once (a crash between the
 * broker's ack and the update re-sends a row), which the consumers' inbox makes harmless.
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
    /** Until when (System.nanoTime) this instance holds the lease, as the database confirmed it; 0 when it does not. */
    private volatile long leaseHeldUntil;
    /** A non-holder asks for the lease at most this often, instead of writing the lease row on every tick. */
    private volatile long nextLeaseAttempt;
    private final Duration sendBound;

    public OutboxRelay(Pool pool,
                       @Channel("wsis-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                       MutinyEmitter<String> emitter,
                       OutboxConfig config, Vertx vertx, MeterRegistry registry, InstanceIdentity instance,
                       @ConfigProperty(name = "quarkus.application.name") String serviceName,
                       @ConfigProperty(name = "mp.messaging.outgoing.wsis-outbox.max.block.ms", defaultValue = "60000")
                       long maxBlockMillis,
                       @ConfigProperty(name = "mp.messaging.outgoing.wsis-outbox.delivery.timeout.ms",
                               defaultValue = "120000")
                       long deliveryTimeoutMillis) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.vertx = vertx;
        this.source = URI.create("urn:wsis:" + serviceName);
        this.instanceId = instance.id();
        this.sendBound = Duration.ofMillis(maxBlockMillis + deliveryTimeoutMillis).plus(config.sendMargin());
        if (config.leaseDuration().compareTo(sendBound) <= 0) {
            throw new IllegalStateException("wsis.outbox.lease-duration (" + config.leaseDuration() + ") must be longer"
                    + " than the producer's max.block.ms + delivery.timeout.ms + wsis.outbox.send-margin (" + sendBound
                    + "): otherwise a second instance can take the lease while a batch is in flight");
        }
        this.published = registry.counter("wsis.outbox.published");
        this.failed = registry.counter("wsis.outbox.publish.failures");
        registry.gauge("wsis.outbox.draining", draining, d -> d.get() ? 1 : 0);
    }

    void start(@Observes StartupEvent startup) {
        if (config.relayEnabled()) {
            timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick());
        }
    }

    /** Hands the lease back, so that another instance (or this one restarted) need not wait for it to run out. */
    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (leaseHeldUntil != 0) {
            try {
                pool.preparedQuery("update outbox_relay_lease set lease_until = 'epoch' where name = 'relay' and owner = $1")
                        .execute(Tuple.of(instanceId)).await().atMost(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("Could not hand the outbox lease back: %s", e.getClass().getName());
            }
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
        return drainBatches(0);
    }

    private Uni<Integer> drainBatches(int sentSoFar) {
        return holdLeaseForOneBatch().chain(leader -> !leader ? Uni.createFrom().item(sentSoFar)
                : publishOneBatch().chain(sent -> sent < config.batchSize()
                        ? purgeOldRows().replaceWith(sentSoFar + sent)
                        : drainBatches(sentSoFar + sent)));
    }

    /**
     * A batch may start only with at least {@link #sendBound} of the lease left, so that it is acknowledged (or
     * given up) before the lease can run out. The lease row is written only when less is left (every
     * lease-duration minus that bound, 5 s by default), and a non-holder asks for it at most once a second.
     */
    private Uni<Boolean> holdLeaseForOneBatch() {
        long now = System.nanoTime();
        if (leaseHeldUntil != 0 && leaseHeldUntil - now > sendBound.toNanos()) {
            return Uni.createFrom().item(true);
        }
        if (leaseHeldUntil == 0 && now - nextLeaseAttempt < 0) {
            return Uni.createFrom().item(false);
        }
        return pool.preparedQuery("""
                        update outbox_relay_lease
                           set owner = $1, lease_until = now() + ($2 * interval '1 millisecond')
                         where name = 'relay' and (owner = $1 or lease_until < now())
                        returning (extract(epoch from lease_until - now()) * 1000)::bigint as millis_left""")
                .execute(Tuple.of(instanceId, config.leaseDuration().toMillis()))
                .map(rows -> {
                    if (rows.rowCount() == 1) {
                        long left = rows.iterator().next().getLong("millis_left");
                        leaseHeldUntil = now + Duration.ofMillis(left).toNanos();
                        return true;
                    }
                    leaseHeldUntil = 0;
                    nextLeaseAttempt = now + Duration.ofSeconds(1).toNanos();
                    return false;
                });
    }

    private Uni<Integer> publishOneBatch() {
        return pool.preparedQuery("""
                        select id, event_id, topic, message_key, event_type, payload, occurred_at, trace_parent
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
        // The producer gives up by itself within max.block.ms + delivery.timeout.ms; this bound only guards against
        // a send that never completes at all, which would otherwise hold the relay past its lease.
        return Uni.join().all(sends).andFailFast().ifNoItem().after(sendBound).fail().chain(ids -> {
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
        // With the stored context as the parent, the connector's PRODUCER span continues the trace of the transaction
        // that wrote the row, and its traceparent header is what each consumer continues (docs/tracing.md).
        Context parent = TraceContexts.parent(row.getString("trace_parent"));
        Metadata metadata = parent == null ? Metadata.of(kafka, cloudEvent)
                : Metadata.of(kafka, cloudEvent, TracingMetadata.withCurrent(parent));
        return emitter.sendMessage(Message.of(row.getString("payload"), metadata));
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
}
