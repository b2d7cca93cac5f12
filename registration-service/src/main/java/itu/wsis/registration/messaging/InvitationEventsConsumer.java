package itu.wsis.registration.messaging;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.PersonalDataErasureRequested;
import itu.wsis.registration.service.InvitationProjection;
import itu.wsis.registration.service.PersonalDataErasure;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies each invitation event once, whatever the broker redelivers; poison goes to wsis.dlq.registration-service.
 * An erasure request erases this service's data about the person and reports it.
 */
@ApplicationScoped
public class InvitationEventsConsumer {

    private final Inbox inbox;
    private final InvitationProjection projection;
    private final PersonalDataErasure erasure;

    public InvitationEventsConsumer(Inbox inbox, InvitationProjection projection, PersonalDataErasure erasure) {
        this.inbox = inbox;
        this.projection = projection;
        this.erasure = erasure;
    }

    @Incoming("invitation-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, projection::applyDirect,
                event -> event instanceof PersonalDataErasureRequested request
                        ? erasure.erase(request) : projection.apply(event));
    }
}
