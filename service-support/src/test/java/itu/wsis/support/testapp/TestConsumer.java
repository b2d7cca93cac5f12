package itu.wsis.support.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.InvitationEvent;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.support.inbox.Inbox;
import itu.wsis.support.inbox.RejectedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test app's consumer. The revocation reason steers the effect: {@code always-fail} always throws,
 * {@code reject} breaks a domain rule, {@code fail-until-fixed} throws until a test declares the bug fixed. A reason
 * starting with {@code direct} takes the inbox's direct path (inbox row and effect in one statement on the pool);
 * {@code direct-always-fail} makes that statement fail every time (after its inbox row was written).
 */
@ApplicationScoped
public class TestConsumer {

    /** How often the effect ran per invitation, committed or not. */
    public static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    public static volatile boolean fixed;

    private final Inbox inbox;
    private final Pool pool;

    public TestConsumer(Inbox inbox, Pool pool) {
        this.inbox = inbox;
        this.pool = pool;
    }

    private Uni<Boolean> direct(DomainEvent event, String topic) {
        if (!(event instanceof InvitationRevoked revoked) || !revoked.reason().startsWith("direct")) {
            return null;
        }
        ATTEMPTS.computeIfAbsent(revoked.invitationId(), id -> new AtomicInteger()).incrementAndGet();
        // 1 / 0 fails the statement after its inbox CTE ran: the whole statement must leave nothing.
        int divisor = "direct-always-fail".equals(revoked.reason()) ? 0 : 1;
        return pool.preparedQuery("""
                        with inbox as (insert into inbox_processed_event (event_id, event_type, topic)
                                       values ($1, $2, $3) on conflict (event_id) do nothing returning event_id),
                        effect as (insert into test_effect (invitation_id) select $4 from inbox where 1 / $5::int = 1)
                        select exists (select 1 from inbox) as applied""")
                .execute(Tuple.of(event.eventId(), event.eventType(), topic, revoked.invitationId(), divisor))
                .map(rows -> rows.iterator().next().getBoolean("applied"));
    }

    @Incoming("invitation-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, this::direct, event -> {
            InvitationEvent invitationEvent = (InvitationEvent) event;
            ATTEMPTS.computeIfAbsent(invitationEvent.invitationId(), id -> new AtomicInteger()).incrementAndGet();
            String reason = event instanceof InvitationRevoked revoked ? revoked.reason() : "";
            if ("reject".equals(reason)) {
                return Uni.createFrom().failure(new RejectedEventException("no such invitation here"));
            }
            Uni<Void> effect = Panache.getSession()
                    .chain(s -> s.createNativeQuery("insert into test_effect (invitation_id) values (:id)")
                            .setParameter("id", invitationEvent.invitationId()).executeUpdate())
                    .replaceWithVoid();
            if ("always-fail".equals(reason) || ("fail-until-fixed".equals(reason) && !fixed)) {
                return effect.chain(() -> Uni.createFrom().failure(new IllegalStateException("effect keeps failing")));
            }
            return effect;
        });
    }
}
