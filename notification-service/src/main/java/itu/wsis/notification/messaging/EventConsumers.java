package itu.wsis.notification.messaging;

import io.smallrye.mutiny.Uni;
import itu.wsis.notification.service.DirectoryProjection;
import itu.wsis.notification.service.DispatchLoop;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes every domain topic (wsis.invitation-events, wsis.registration-events, wsis.speaking-request-events) on
 * one channel. Each event is applied once (the inbox row and the effect share a transaction); an unreadable or
 * always-failing event is dead-lettered to wsis.dlq.notification-service and the partition goes on.
 */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final DirectoryProjection directory;
    private final DispatchLoop sender;

    public EventConsumers(Inbox inbox, DirectoryProjection directory, DispatchLoop sender) {
        this.inbox = inbox;
        this.directory = directory;
        this.sender = sender;
    }

    /** Once the event's intents are committed, the sender is woken so that they leave now, not at its next tick. */
    @Incoming("domain-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(message, directory::applyDirect, directory::apply).invoke(sender::wakeUp);
    }
}
