package itu.wsis.support.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * The idempotent consumer. An event's id is recorded in the same transaction as its effect, so a redelivered
 * event finds its id and has no second effect. An event that cannot be read, or keeps failing, is nacked: the
 * channel's dead-letter-queue strategy then moves it aside and the partition goes on.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final InboxConfig config;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;

    public Inbox(InboxConfig config, MeterRegistry registry) {
        this.config = config;
        this.applied = registry.counter("wsis.inbox.applied");
        this.duplicates = registry.counter("wsis.inbox.duplicates");
        this.deadLettered = registry.counter("wsis.inbox.dead.lettered");
    }

    /**
     * Applies {@code effect} once per event id, inside one transaction with the inbox row, then acks. The effect
     * must only use the current Panache session, one operation at a time.
     */
    public Uni<Void> consume(Message<String> message, Function<DomainEvent, Uni<Void>> effect) {
        DomainEvent event;
        try {
            event = EventCodec.decode(message.getPayload());
        } catch (EventCodec.UnreadableEventException poison) {
            return deadLetter(message, poison, "unreadable event");
        }
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic).orElse("unknown");
        return Panache.withTransaction(() -> claim(event, topic)
                        .chain(first -> {
                            if (!first) {
                                duplicates.increment();
                                return Uni.createFrom().voidItem();
                            }
                            applied.increment();
                            return effect.apply(event);
                        }))
                .onFailure().retry()
                .withBackOff(config.firstBackoff(), config.maxBackoff())
                .atMost(Math.max(0, config.maxAttempts() - 1))
                .onItemOrFailure().transformToUni((ok, failure) -> failure == null
                        ? Uni.createFrom().completionStage(message.ack())
                        : deadLetter(message, failure, event.eventType() + " " + event.eventId()));
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

    private Uni<Void> deadLetter(Message<String> message, Throwable reason, String what) {
        deadLettered.increment();
        // The exception text can quote payload values (names, addresses): only its class goes to the log.
        LOG.errorf("Dead-lettering %s: %s", what, reason.getClass().getName());
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
