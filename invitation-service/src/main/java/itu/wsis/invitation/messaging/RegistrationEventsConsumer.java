package itu.wsis.invitation.messaging;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.service.ReplyReflection;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** wsis.registration-events: replies to invitations, applied once per event id. */
@ApplicationScoped
public class RegistrationEventsConsumer {

    private final Inbox inbox;
    private final ReplyReflection replies;

    public RegistrationEventsConsumer(Inbox inbox, ReplyReflection replies) {
        this.inbox = inbox;
        this.replies = replies;
    }

    @Incoming("registration-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, replies::apply);
    }
}
