package itu.wsis.support.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Records events in the caller's transaction. Nothing is sent from here: the relay publishes after commit, so a
 * rolled-back change publishes nothing and a committed one is never lost.
 */
@ApplicationScoped
public class Outbox {

    public Uni<Void> append(DomainEvent event) {
        return requireTransaction().chain(() -> toMessage(event).persist()).replaceWithVoid();
    }

    /** Appends several events in one statement batch, in the given order. */
    public Uni<Void> appendAll(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return requireTransaction()
                .chain(() -> OutboxMessage.persist(events.stream().map(Outbox::toMessage)))
                .replaceWithVoid();
    }

    private static Uni<Void> requireTransaction() {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change (@WithTransaction)"))
                .replaceWithVoid();
    }

    static OutboxMessage toMessage(DomainEvent event) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = event.eventId();
        message.topic = event.publishedOn().topicName();
        message.messageKey = event.partitionKey();
        message.eventType = event.eventType();
        message.payload = EventCodec.encode(event);
        message.occurredAt = event.occurredAt();
        return message;
    }
}
