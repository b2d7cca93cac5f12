package itu.wsis.invitation.messaging;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.service.ErasureService;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * wsis.speaking-request-events and wsis.notification-events, for the erasure reports (PersonalDataErased) of those
 * two services; every other event on them is recorded in the inbox and otherwise ignored.
 */
@ApplicationScoped
public class ErasureReportsConsumer {

    private final Inbox inbox;
    private final ErasureService erasures;

    public ErasureReportsConsumer(Inbox inbox, ErasureService erasures) {
        this.inbox = inbox;
        this.erasures = erasures;
    }

    @Incoming("erasure-reports")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, erasures::apply);
    }
}
