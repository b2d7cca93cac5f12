package itu.wsis.planted.invitation.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.repository.InvitationEntity;

/** Planted violation: a service persisting an entity itself. */
public class EntityPersistingService {

    public Uni<InvitationEntity> store(InvitationEntity invitation) {
        return invitation.persist();
    }
}
