package itu.wsis.support.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.EventCodec;
import itu.wsis.support.deadletter.DeadLetters;
import itu.wsis.support.retry.FailureKind;
import itu.wsis.support.retry.Pauses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The idempotent consumer. An event's id is recorded in the same transaction as its effect, so a redelivered
 * event finds its id and has no second effect.
 * <p>
 * Failures are told apart ({@link FailureKind}): while the database is unreachable the event is retried without
 * limit, holding back the rest of the channel's partitions, which is what keeps their order; an event that cannot
 * be read, or that a domain rule refuses, is nacked at once and the channel's dead-letter strategy moves it aside;
 * any other failure is retried {@code wsis.inbox.max-attempts} times before that. At shutdown a retrying event is
 * neither acked nor nacked: its offset is not committed, so the next consumer of the partition gets it again.
 */
@ApplicationScoped
@Startup // its counters exist, at zero, before the first event: rate() and the dead-letter alert need them
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private enum Outcome { APPLIED, DUPLICATE, ABANDONED }

    private final InboxConfig config;
    private final Pauses pauses;
    private final Counter applied;
    private final Counter duplicates;
    /** Per consumed topic; pre-registered at zero for every topic a dead-lettering channel reads. */
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final Counter transientRetries;
    private final Counter abandoned;
    private final Counter skippedReplays;
    private final String serviceName;
    /** Events currently waiting for the database; a gauge, so that an outage shows on the dashboard at once. */
    private final AtomicInteger waitingForDatabase = new AtomicInteger();
    private volatile boolean stopping;

    public Inbox(InboxConfig config, Pauses pauses, MeterRegistry registry,
                 @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.serviceName = serviceName;
        this.skippedReplays = registry.counter("wsis.inbox.replays.for.others");
        this.config = config;
        this.pauses = pauses;
        this.applied = registry.counter("wsis.inbox.applied");
        this.duplicates = registry.counter("wsis.inbox.duplicates");
        this.registry = registry;
        deadLetteredTopics(ConfigProvider.getConfig()).forEach(this::deadLettered);
        this.transientRetries = registry.counter("wsis.inbox.transient.retries");
        this.abandoned = registry.counter("wsis.inbox.abandoned.at.shutdown");
        registry.gauge("wsis.inbox.waiting.for.database", waitingForDatabase);
    }

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * Applies {@code effect} once per event id, inside one transaction with the inbox row, then acks. The effect
     * must only use the current Panache session, one operation at a time, and throw {@link RejectedEventException}
     * for an event its domain refuses.
     */
    public Uni<Void> consume(Message<String> message, Function<DomainEvent, Uni<Void>> effect) {
        return consume(message, null, effect);
    }

    /**
     * An effect that writes the inbox row itself, beside its change, in one transaction of its own (typically one
     * statement on the reactive pool, for a hot path that must not pay for a Hibernate session). It is offered every
     * event first; null means "not mine", and the event then takes the ORM path of {@code effect}.
     */
    @FunctionalInterface
    public interface DirectEffect {
        /**
         * Null when this event is not handled here; otherwise whether it was applied now (false: its id was in the
         * inbox already, and nothing changed). The inbox row must commit or roll back with the change.
         */
        Uni<Boolean> apply(DomainEvent event, String topic);
    }

    /**
     * As {@link #consume(Message, Function)}, with {@code direct} tried first for each event. The retries, the
     * dead-lettering and the shutdown rule are the same for both paths.
     */
    public Uni<Void> consume(Message<String> message, DirectEffect direct, Function<DomainEvent, Uni<Void>> effect) {
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        String replayFor = kafka.map(m -> m.getHeaders().lastHeader(DeadLetters.REPLAY_FOR_HEADER))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).orElse(null);
        if (replayFor != null && !replayFor.equals(serviceName)) {
            // Another service's dead letter, replayed for that service alone: this one has it already (or its own).
            skippedReplays.increment();
            return Uni.createFrom().completionStage(message.ack());
        }
        DomainEvent event;
        try {
            event = EventCodec.decode(message.getPayload());
        } catch (EventCodec.UnreadableEventException poison) {
            return deadLetter(message, poison, "unreadable event");
        }
        String topic = kafka.map(IncomingKafkaRecordMetadata::getTopic).orElse("unknown");
        // The connector's CONSUMER span (a child of the record's traceparent) is current for the whole consumption:
        // it lives in this message's Vert.x context, so the inbox's transaction, the effect and any outbox row it
        // appends (its traceparent) are in the trace of the request that caused the event (docs/tracing.md).
        Scope trace = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .map(io.opentelemetry.context.Context::makeCurrent).orElseGet(Scope::noop);
        Attempts attempts = new Attempts(event, topic, direct, effect, Vertx.currentContext());
        return attempts.run(0, 0).onTermination().invoke(trace::close).onItemOrFailure().transformToUni((outcome, failure) -> {
            if (failure != null) {
                return deadLetter(message, failure, event.eventType() + " " + event.eventId());
            }
            switch (outcome) {
                case APPLIED -> applied.increment();
                case DUPLICATE -> duplicates.increment();
                case ABANDONED -> {
                    abandoned.increment();
                    LOG.infof("Left %s %s for redelivery: shutting down", event.eventType(), event.eventId());
                    return Uni.createFrom().voidItem();
                }
            }
            return Uni.createFrom().completionStage(message.ack());
        });
    }

    /** The retry loop of one event. Its timers resume on the message's own Vert.x context, where Panache works. */
    private final class Attempts {
        private final DomainEvent event;
        private final String topic;
        private final DirectEffect direct;
        private final Function<DomainEvent, Uni<Void>> effect;
        private final Context context;
        private boolean counted;

        Attempts(DomainEvent event, String topic, DirectEffect direct, Function<DomainEvent, Uni<Void>> effect,
                 Context context) {
            this.event = event;
            this.topic = topic;
            this.direct = direct;
            this.effect = effect;
            this.context = context;
        }

        Uni<Outcome> run(int transientFailures, int otherFailures) {
            return Uni.createFrom().deferred(this::attempt)
                    .onItemOrFailure().transformToUni((outcome, failure) -> {
                        if (failure == null) {
                            stopWaiting(transientFailures);
                            return Uni.createFrom().item(outcome);
                        }
                        return retryOrGiveUp(failure, transientFailures, otherFailures);
                    });
        }

        private Uni<Outcome> attempt() {
            Uni<Boolean> applied = direct == null ? null : direct.apply(event, topic);
            if (applied != null) {
                return applied.map(first -> first ? Outcome.APPLIED : Outcome.DUPLICATE);
            }
            return Panache.withTransaction(() -> claim(event, topic)
                    .chain(first -> first ? effect.apply(event).replaceWith(Outcome.APPLIED)
                            : Uni.createFrom().item(Outcome.DUPLICATE)));
        }

        private Uni<Outcome> retryOrGiveUp(Throwable failure, int transientFailures, int otherFailures) {
            FailureKind kind = FailureKind.of(failure);
            if (kind == FailureKind.REJECTED) {
                stopWaiting(transientFailures);
                return Uni.createFrom().failure(failure);
            }
            if (stopping) {
                stopWaiting(transientFailures);
                return Uni.createFrom().item(Outcome.ABANDONED);
            }
            if (kind == FailureKind.TRANSIENT) {
                transientRetries.increment();
                if (transientFailures == 0) {
                    waitingForDatabase.incrementAndGet();
                    counted = true;
                    // Once per event and outage, with the class only: messages can quote payload values.
                    LOG.warnf("%s %s waits for the database (%s); retrying until it answers", event.eventType(),
                            event.eventId(), failure.getClass().getName());
                }
                Duration pause = Pauses.backoff(config.firstBackoff(), config.transientMaxBackoff(), transientFailures);
                return pauses.pause(pause, context).chain(() -> run(transientFailures + 1, otherFailures));
            }
            if (otherFailures + 1 >= config.maxAttempts()) {
                stopWaiting(transientFailures);
                return Uni.createFrom().failure(failure);
            }
            Duration pause = Pauses.backoff(config.firstBackoff(), config.maxBackoff(), otherFailures);
            return pauses.pause(pause, context).chain(() -> run(transientFailures, otherFailures + 1));
        }

        private void stopWaiting(int transientFailures) {
            if (counted) {
                counted = false;
                waitingForDatabase.decrementAndGet();
                LOG.infof("%s %s: the database answered again after %d attempts", event.eventType(),
                        event.eventId(), transientFailures + 1);
            }
        }
    }

    private Uni<Boolean> claim(DomainEvent event, String topic) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into inbox_processed_event (event_id, event_type, topic)
                        values (:eventId, :eventType, :topic)
                        on conflict (event_id) do nothing""")
                .setParameter("eventId", event.eventId())
                .setParameter("eventType", event.eventType())
                .setParameter("topic", topic)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /**
     * The nack's exception becomes the dead letter's {@code dead-letter-reason} header, which ops read when they
     * decide to replay: it says which rule sent the event there, then what failed.
     */
    private Uni<Void> deadLetter(Message<String> message, Throwable failure, String what) {
        deadLettered(message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic).orElse("unknown")).increment();
        FailureKind kind = FailureKind.of(failure);
        String rule = kind == FailureKind.REJECTED ? "rejected" : "failed " + config.maxAttempts() + " times";
        // The exception text can quote payload values (names, addresses): only its class goes to the log.
        LOG.errorf("Dead-lettering %s (%s): %s", what, rule, failure.getClass().getName());
        String detail = String.valueOf(failure.getMessage());
        DeadLetterReason reason = new DeadLetterReason(rule + ": " + failure.getClass().getSimpleName() + ": "
                + (detail.length() > 500 ? detail.substring(0, 500) : detail), failure);
        return Uni.createFrom().completionStage(message.nack(reason));
    }

    private Counter deadLettered(String topic) {
        // Bounded: only the topics this service subscribes to reach the inbox.
        return deadLettered.computeIfAbsent(topic, t -> registry.counter("wsis.inbox.dead.lettered", "topic", t));
    }

    /**
     * The topics of the channels whose failure strategy is the dead-letter topic, so that their counters exist at zero
     * before the first dead letter: an alert on increase() needs a series to start from.
     */
    static Set<String> deadLetteredTopics(Config config) {
        Set<String> topics = new TreeSet<>();
        String prefix = "mp.messaging.incoming.";
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(prefix) || !name.endsWith(".failure-strategy")) {
                continue;
            }
            String channel = name.substring(prefix.length(), name.length() - ".failure-strategy".length());
            if (!"dead-letter-queue".equals(config.getOptionalValue(name, String.class).orElse(null))) {
                continue;
            }
            config.getOptionalValue(prefix + channel + ".topics", String.class)
                    .or(() -> config.getOptionalValue(prefix + channel + ".topic", String.class))
                    .or(() -> Optional.of(channel))
                    .ifPresent(value -> Arrays.stream(value.split(",")).map(String::trim)
                            .filter(t -> !t.isEmpty()).forEach(topics::add));
        }
        return topics;
    }

    /** Carries the rule and the failure to the dead-letter headers. */
    static final class DeadLetterReason extends RuntimeException {
        DeadLetterReason(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
