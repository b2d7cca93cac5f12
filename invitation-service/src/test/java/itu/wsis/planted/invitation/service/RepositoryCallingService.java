package itu.wsis.planted.invitation.service;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.repository.InvitationEntity;
import itu.wsis.invitation.repository.InvitationLinkStates;
import itu.wsis.planted.invitation.repository.PlantedRepository;

import java.util.UUID;

/** Planted, conforming: loads through the repository, changes the entity's fields, stores through the repository. */
public class RepositoryCallingService {

    private final PlantedRepository repository = new PlantedRepository();

    public Uni<Void> revoke(UUID id) {
        return repository.findById(id).invoke(invitation -> invitation.revocationReason = "planted")
                .chain(repository::flush);
    }

    /** A new entity is built here and handed over: constructing one is not a query. */
    public InvitationEntity draft() {
        return new InvitationEntity();
    }

    /** Not an entity, a session or Panache: a repository bean keeping service-support's SPI name. */
    public Class<?> other() {
        return InvitationLinkStates.class;
    }
}
