package itu.wsis.speaking;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import itu.wsis.support.links.LinkStates;
import itu.wsis.testing.ServiceArchitecture;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The shared rules of {@link ServiceArchitecture}, and this service's own: the layers of docs/architecture.md, one
 * suffix per role, and transactions opened by services only. None of these rules may pass by matching nothing: every
 * layer must exist, and every "that" must select classes (ArchUnit's default), so a renamed package fails them.
 */
class ArchitectureTest extends ServiceArchitecture {

    static final String BASE = "itu.wsis.speaking";

    final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    ArchitectureTest() {
        super(BASE);
    }

    /**
     * rest → service → domain; the repository is the services' alone; messaging hands events to the services.
     * Entities and the configuration carry the domain's enums, so the repository and config may use the domain;
     * config is read by the services.
     */
    @Test
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(false)
                .layer("Rest").definedBy(BASE + ".rest..")
                .layer("Messaging").definedBy(BASE + ".messaging..")
                .layer("Service").definedBy(BASE + ".service..")
                .layer("Repository").definedBy(BASE + ".repository..")
                .layer("Config").definedBy(BASE + ".config..")
                .layer("Domain").definedBy(BASE + ".domain..")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Rest", "Messaging")
                .whereLayer("Repository").mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Rest", "Service", "Repository", "Config")
                .check(main);
    }

    /** Every class of the service sits in one of the layers above: nothing escapes the layering at the root. */
    @Test
    void everyClassIsInALayer() {
        classes().should().resideInAnyPackage(BASE + ".rest..", BASE + ".messaging..", BASE + ".service..",
                        BASE + ".repository..", BASE + ".config..", BASE + ".domain..")
                .check(main);
    }

    @Test
    void theDomainKnowsNoLayerAbove() {
        noClasses().that().resideInAPackage(BASE + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".rest..", BASE + ".service..",
                        BASE + ".repository..", BASE + ".messaging..", BASE + ".config..")
                .check(main);
    }

    @Test
    void transactionsAndSessionsAreOpenedByServicesOnly() {
        methods().that().areAnnotatedWith(WithTransaction.class)
                .should().beDeclaredInClassesThat().resideInAPackage(BASE + ".service..")
                .check(main);
        methods().that().areAnnotatedWith(WithSession.class)
                .should().beDeclaredInClassesThat().resideInAPackage(BASE + ".service..")
                .check(main);
        noClasses().should().beAnnotatedWith(WithTransaction.class).orShould().beAnnotatedWith(WithSession.class)
                .check(main);
    }

    @Test
    void resourcesAreNamedResourceAndLiveInRest() {
        classes().that().areAnnotatedWith(Path.class)
                .should().haveSimpleNameEndingWith("Resource").andShould().resideInAPackage(BASE + ".rest..")
                .check(main);
    }

    @Test
    void entitiesAreNamedEntityAndLiveInTheRepository() {
        classes().that().areAnnotatedWith(Entity.class)
                .should().haveSimpleNameEndingWith("Entity").andShould().resideInAPackage(BASE + ".repository..")
                .check(main);
        classes().that().haveSimpleNameEndingWith("Entity")
                .should().beAnnotatedWith(Entity.class)
                .check(main);
    }

    /** Queries live in {@code *Repository} beans; the personal-link state keeps service-support's SPI name. */
    @Test
    void repositoryBeansAreNamedRepository() {
        classes().that().resideInAPackage(BASE + ".repository..").and().areAnnotatedWith(ApplicationScoped.class)
                .and().doNotImplement(LinkStates.class)
                .should().haveSimpleNameEndingWith("Repository")
                .check(main);
    }

    @Test
    void eventConsumersLiveInMessaging() {
        methods().that().areAnnotatedWith(Incoming.class)
                .should().beDeclaredInClassesThat().resideInAPackage(BASE + ".messaging..")
                .check(main);
    }

    /** Problem documents are the wire's concern: the domain refuses with its own exception, rest maps it. */
    @Test
    void exceptionMappersLiveInRest() {
        methods().that().areAnnotatedWith(ServerExceptionMapper.class)
                .should().beDeclaredInClassesThat().resideInAPackage(BASE + ".rest..")
                .check(main);
        noClasses().that().resideInAPackage(BASE + ".domain..")
                .should().dependOnClassesThat().resideInAPackage("itu.wsis.support.problem..")
                .check(main);
    }
}
