package itu.wsis.speaking.messaging;

import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.service.ReadModelService;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The invitation and registration topics feed the read models; the inbox makes each event count once. */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final ReadModelService readModel;

    public EventConsumers(Inbox inbox, ReadModelService readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming("invitation-events")
    public Uni<Void> invitationEvents(Message<String> message) {
        return inbox.consume(message, readModel::apply);
    }

    @Incoming("registration-events")
    public Uni<Void> registrationEvents(Message<String> message) {
        return inbox.consume(message, readModel::apply);
    }
}
