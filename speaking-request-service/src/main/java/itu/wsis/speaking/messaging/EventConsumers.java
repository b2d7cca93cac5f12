package itu.wsis.speaking.messaging;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.PersonalDataErasureRequested;
import itu.wsis.speaking.service.PersonalDataErasure;
import itu.wsis.speaking.service.InvitationProjection;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The invitation and registration topics feed the read models; the inbox makes each event count once. */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final InvitationProjection readModel;
    private final PersonalDataErasure erasure;

    public EventConsumers(Inbox inbox, InvitationProjection readModel, PersonalDataErasure erasure) {
        this.inbox = inbox;
        this.readModel = readModel;
        this.erasure = erasure;
    }

    /** An erasure request erases this service's data about the person and reports it. */
    @Incoming("invitation-events")
    public Uni<Void> invitationEvents(Message<String> message) {
        return inbox.consume(message, readModel::applyDirect,
                event -> event instanceof PersonalDataErasureRequested request
                        ? erasure.erase(request) : readModel.apply(event));
    }

    @Incoming("registration-events")
    public Uni<Void> registrationEvents(Message<String> message) {
        return inbox.consume(message, readModel::acceptanceDirect, readModel::apply);
    }
}
