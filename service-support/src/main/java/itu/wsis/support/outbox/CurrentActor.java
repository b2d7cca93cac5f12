package itu.wsis.support.outbox;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import itu.wsis.events.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The actor of the request being served, for the {@link Outbox} to stamp onto an action's event that its producer
 * left without one. Outside a request (a Kafka consumer, a scheduled sweep) there is no caller: the system acted.
 * The identity lives in the request context, which Quarkus keeps on the request's Vert.x context, the same one the
 * reactive session continues on, so it is still there when the outbox row is written.
 */
@ApplicationScoped
public class CurrentActor {

    private static final Logger LOG = Logger.getLogger(CurrentActor.class);

    private final CurrentIdentityAssociation identities;

    public CurrentActor(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** The caller as an actor, or null when it cannot be told (the event then reads as unknown, never misattributed). */
    public Actor get() {
        if (!Arc.container().requestContext().isActive()) {
            return Actor.system();
        }
        try {
            SecurityIdentity identity = identities.getIdentity();
            return Actors.of(identity);
        } catch (RuntimeException unknown) {
            LOG.debugf("no actor for an event: %s", unknown.toString());
            return null;
        }
    }
}
