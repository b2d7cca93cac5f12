package itu.wsis.support.links;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * The one thing each service that answers personal links provides to the shared admission policy: its own read
 * model's view of an invitation's link, in one query, reactively (it runs on the event loop before the endpoint).
 * Nothing may be cached: a revocation must count from the moment the service has consumed it.
 */
public interface LinkStates {

    /** The invitation's link state, or a null item when this service does not know the invitation (yet). */
    Uni<LinkState> find(UUID invitationId);
}
