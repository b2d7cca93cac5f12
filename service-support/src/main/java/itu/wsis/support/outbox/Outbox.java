package itu.wsis.support.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.events.AttributedEvent;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.EventCodec;
import itu.wsis.support.tracing.TraceContexts;
import itu.wsis.support.sql.SqlFile;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records events in the caller's transaction. Nothing is sent from here: the relay publishes after commit, so a
 * rolled-back change publishes nothing and a committed one is never lost.
 *
 * <p>An event that records an action ({@link AttributedEvent}) and that its producer left without an actor gets the
 * current caller's ({@link CurrentActor}): the staff member's JWT subject, the invitee, or the system outside a
 * request. So no producer can publish an action without saying who took it; a producer that knows better (the
 * invitee's reply, recorded on the pool) passes the actor itself.
 */
@ApplicationScoped
public class Outbox {

    private final CurrentActor actors;

    public Outbox(CurrentActor actors) {
        this.actors = actors;
    }

    /** The row {@link OutboxMessage} maps, written directly by {@link #append(SqlConnection, DomainEvent)}. */
    static final String INSERT = SqlFile.load("sql/outbox-append.sql").statement("append");

    public Uni<Void> append(DomainEvent event) {
        return requireTransaction().chain(() -> toMessage(attributed(event)).persist()).replaceWithVoid();
    }

    /**
     * Appends the event on a connection of the reactive pool whose transaction the caller opened
     * ({@code Pool.withTransaction}), for a hot path that writes its own change with plain prepared statements rather
     * than through a Hibernate session. The same row as {@link #append(DomainEvent)}; the relay cannot tell them apart.
     * The connection must be in a transaction: the caller's change and its event commit or roll back together.
     */
    public Uni<Void> append(SqlConnection transaction, DomainEvent event) {
        if (transaction.transaction() == null) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "Outbox.append(SqlConnection, ...) must run inside the transaction of the state change"));
        }
        OutboxMessage message = toMessage(attributed(event));
        return transaction.preparedQuery(INSERT)
                .execute(Tuple.tuple().addValue(message.eventId).addValue(message.eventType)
                        .addValue(message.messageKey).addValue(OffsetDateTime.ofInstant(message.occurredAt, ZoneOffset.UTC))
                        .addValue(message.payload).addValue(message.topic).addValue(message.traceParent))
                .replaceWithVoid();
    }

    /** Appends several events in one statement batch, in the given order. */
    public Uni<Void> appendAll(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return requireTransaction()
                .chain(() -> OutboxMessage.persist(events.stream().map(this::attributed).map(Outbox::toMessage)))
                .replaceWithVoid();
    }

    private DomainEvent attributed(DomainEvent event) {
        return event instanceof AttributedEvent attributed && attributed.actor() == null
                ? AttributedEvent.attribute(event, actors.get()) : event;
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
        // The trace of the state change (an HTTP request, a consumed event): the relay publishes in it, later.
        message.traceParent = TraceContexts.current();
        return message;
    }
}
