package itu.wsis.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of docs/architecture.md, enforced. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("itu.wsis.notification");

    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage("itu.wsis.notification.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "org.hibernate..",
                        "org.eclipse.microprofile..", "org.apache.kafka..", "itu.wsis.support..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotReachIntoRepositoriesOrMessaging() {
        noClasses().that().resideInAPackage("itu.wsis.notification.rest..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "itu.wsis.notification.repository..", "itu.wsis.notification.messaging..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void entitiesNeverLeaveThroughTheRestLayer() {
        noClasses().that().resideInAPackage("itu.wsis.notification.rest..")
                .should().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
