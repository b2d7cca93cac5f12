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

    /**
     * A personal-link endpoint carries the three annotations together (see service-support's
     * PersonalLinkAuthentication): the mechanism selection, the invitee role and the binding of the own-invitation
     * check. Quarkus does not look for the first two inside another annotation, so each must be written out.
     */
    @Test
    void personalLinkEndpointsCarryTheMechanismTheRoleAndTheOwnInvitationCheck() {
        String marker = "itu.wsis.support.links.PersonalLinkAuthentication";
        String mechanism = "io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism";
        String roles = "jakarta.annotation.security.RolesAllowed";
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (com.tngtech.archunit.core.domain.JavaClass type : classes) {
            for (com.tngtech.archunit.core.domain.JavaMethod method : type.getMethods()) {
                boolean marked = method.isAnnotatedWith(marker) || type.isAnnotatedWith(marker);
                boolean selected = method.isAnnotatedWith(mechanism) || type.isAnnotatedWith(mechanism);
                if (marked || selected) {
                    boolean invitee = roleIsInvitee(method, roles) || !method.isAnnotatedWith(roles)
                            && roleIsInvitee(type, roles);
                    if (!(marked && selected && invitee)) {
                        wrong.add(method.getFullName());
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(wrong)
                .as("@PersonalLinkAuthentication, @HttpAuthenticationMechanism(\"personal-link\") and"
                        + " @RolesAllowed(\"invitee\") must go together")
                .isEmpty();
    }

    private static boolean roleIsInvitee(com.tngtech.archunit.core.domain.properties.CanBeAnnotated element,
                                         String roles) {
        if (!element.isAnnotatedWith(roles)) {
            return false;
        }
        Object value = ((com.tngtech.archunit.core.domain.properties.HasAnnotations<?>) element)
                .getAnnotationOfType(roles).get("value").orElse(null);
        return value instanceof Object[] names && java.util.Arrays.asList(names).equals(java.util.List.of("invitee"));
    }

    @Test
    void entitiesNeverLeaveThroughTheRestLayer() {
        noClasses().that().resideInAPackage(base + ".rest..")
                .should().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
                .allowEmptyShould(true)
                .check(classes);
    }
}
