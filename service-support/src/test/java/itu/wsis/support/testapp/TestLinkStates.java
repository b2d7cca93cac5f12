package itu.wsis.support.testapp;

import io.smallrye.mutiny.Uni;
import itu.wsis.support.links.LinkState;
import itu.wsis.support.links.LinkStates;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The test application's read model of invitations: what a service's one query would return. */
@ApplicationScoped
public class TestLinkStates implements LinkStates {

    public static final Map<UUID, LinkState> STATES = new ConcurrentHashMap<>();

    @Override
    public Uni<LinkState> find(UUID invitationId) {
        return Uni.createFrom().item(STATES.get(invitationId));
    }
}
