package itu.wsis.invitation.messaging;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.PersonalDataErased;
import itu.wsis.invitation.service.ErasureService;
import itu.wsis.invitation.service.ReplyProjection;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * wsis.registration-events: replies to invitations (one statement each, with the inbox row) and registration's erasure
 * reports, applied once per event id.
 */
@ApplicationScoped
public class RegistrationEventsConsumer {

    private final Inbox inbox;
    private final ReplyProjection replies;
    private final ErasureService erasures;

    public RegistrationEventsConsumer(Inbox inbox, ReplyProjection replies, ErasureService erasures) {
        this.inbox = inbox;
        this.replies = replies;
        this.erasures = erasures;
    }

    @Incoming("registration-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, replies::applyDirect, event -> event instanceof PersonalDataErased report
                ? erasures.recordReport(report) : replies.apply(event));
    }
}
