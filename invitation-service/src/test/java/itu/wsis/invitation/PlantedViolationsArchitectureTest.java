package itu.wsis.invitation;

import itu.wsis.planted.invitation.repository.PlantedRepository;
import itu.wsis.planted.invitation.service.EntityPersistingService;
import itu.wsis.planted.invitation.service.EntityQueryingService;
import itu.wsis.planted.invitation.service.PanacheCallingService;
import itu.wsis.planted.invitation.service.RepositoryCallingService;
import itu.wsis.planted.invitation.service.SessionQueryingService;
import itu.wsis.testing.PlantedViolations;
import org.junit.jupiter.api.Test;

/**
 * The rule of {@link ArchitectureTest} that is this service's own holds on a planted service that queries through
 * its repository ({@code itu.wsis.planted.invitation}, imported explicitly: no other test looks there), and fails,
 * naming the class, once a planted service calls a Panache entity's static query or its {@code persist}, Panache
 * itself, or a reactive session.
 */
class PlantedViolationsArchitectureTest {

    static final String BASE = "itu.wsis.planted.invitation";
    static final PlantedViolations PLANTED = new PlantedViolations(RepositoryCallingService.class,
            PlantedRepository.class);

    @Test
    void servicesLeaveQueriesToRepositories() {
        PLANTED.holdsButFailsWith(ArchitectureTest.servicesLeaveQueriesToRepositories(BASE),
                EntityQueryingService.class, EntityPersistingService.class, PanacheCallingService.class,
                SessionQueryingService.class);
    }
}
