package itu.wsis.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of docs/architecture.md, enforced for one service: extend it in the service's tests and name the
 * service's base package.
 */
public abstract class ServiceArchitecture {

    private final String base;
    private final JavaClasses classes;

    protected ServiceArchitecture(String basePackage) {
        this.base = basePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /**
     * Of service-support, the domain may use only the plain-Java text rules ({@code itu.wsis.support.text}: the one
     * e-mail rule, single-line text), which service-support's own tests keep free of any framework.
     */
    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "org.hibernate..",
                        "org.eclipse.microprofile..", "org.apache.kafka..")
                .orShould().dependOnClassesThat(DescribedPredicate.describe(
                        "are in service-support outside itu.wsis.support.text",
                        (JavaClass c) -> c.getPackageName().startsWith("itu.wsis.support")
                                && !c.getPackageName().startsWith("itu.wsis.support.text")))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void resourcesDoNotReachIntoRepositoriesOrMessaging() {
        noClasses().that().resideInAPackage(base + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".repository..", base + ".messaging..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void entitiesNeverLeaveThroughTheRestLayer() {
        noClasses().that().resideInAPackage(base + ".rest..")
                .should().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
                .allowEmptyShould(true)
                .check(classes);
    }
}
