package itu.wsis.registration.messaging;

import io.smallrye.mutiny.Uni;
import itu.wsis.registration.service.InvitationProjection;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Applies each invitation event once, whatever the broker redelivers; poison goes to wsis.dlq.registration-service. */
@ApplicationScoped
public class InvitationEventsConsumer {

    private final Inbox inbox;
    private final InvitationProjection projection;

    public InvitationEventsConsumer(Inbox inbox, InvitationProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("invitation-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, projection::apply);
    }
}
