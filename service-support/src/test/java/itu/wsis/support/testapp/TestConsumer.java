package itu.wsis.support.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.InvitationEvent;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

@ApplicationScoped
public class TestConsumer {

    private final Inbox inbox;

    public TestConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("invitation-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, event -> {
            if (event instanceof InvitationRevoked revoked && "always-fail".equals(revoked.reason())) {
                return Panache.getSession()
                        .chain(s -> s.createNativeQuery("insert into test_effect (invitation_id) values (:id)")
                                .setParameter("id", revoked.invitationId()).executeUpdate())
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("effect keeps failing")));
            }
            InvitationEvent invitationEvent = (InvitationEvent) event;
            return Panache.getSession()
                    .chain(s -> s.createNativeQuery("insert into test_effect (invitation_id) values (:id)")
                            .setParameter("id", invitationEvent.invitationId()).executeUpdate())
                    .replaceWithVoid();
        });
    }
}
