package itu.wsis.support.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
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
 * {@code reject} breaks a domain rule, {@code fail-until-fixed} throws until a test declares the bug fixed.
 */
@ApplicationScoped
public class TestConsumer {

    /** How often the effect ran per invitation, committed or not. */
    public static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    public static volatile boolean fixed;

    private final Inbox inbox;

    public TestConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("invitation-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, event -> {
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
