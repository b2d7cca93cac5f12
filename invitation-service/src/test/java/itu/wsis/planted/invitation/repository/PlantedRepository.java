package itu.wsis.planted.invitation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.repository.InvitationEntity;

import java.util.UUID;

/** Planted: a repository, where queries belong (the rule does not look here). */
public class PlantedRepository {

    public Uni<InvitationEntity> findById(UUID id) {
        return InvitationEntity.findById(id);
    }

    public Uni<Void> flush() {
        return Panache.flush();
    }
}
