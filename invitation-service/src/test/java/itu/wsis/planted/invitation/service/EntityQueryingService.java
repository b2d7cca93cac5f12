package itu.wsis.planted.invitation.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.repository.InvitationEntity;

import java.util.UUID;

/** Planted violation: a static query of a Panache entity in a service. */
public class EntityQueryingService {

    public Uni<Long> countFor(UUID letterId) {
        return InvitationEntity.count("letterId", letterId);
    }
}
