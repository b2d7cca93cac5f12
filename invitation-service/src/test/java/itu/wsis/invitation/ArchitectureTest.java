package itu.wsis.invitation;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import itu.wsis.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layers and names of docs/architecture.md ({@link ServiceArchitecture}); this service has every layer. Its
 * services also leave every query to the repositories ({@link #servicesLeaveQueriesToRepositories}), shown failing on
 * planted services in {@link PlantedViolationsArchitectureTest}.
 */
class ArchitectureTest extends ServiceArchitecture {

    static final String BASE = "itu.wsis.invitation";
    static final String PANACHE_ENTITY = "io.quarkus.hibernate.reactive.panache.PanacheEntityBase";
    static final String PANACHE = "io.quarkus.hibernate.reactive.panache.Panache";
    static final String SESSION = "org.hibernate.reactive.mutiny.Mutiny$Session";

    ArchitectureTest() {
        super(BASE);
    }

    /**
     * A service loads, calls the domain and stores through the repositories: it calls no method of a Panache entity
     * (neither the static queries, {@code find}, {@code list}, {@code count}, {@code findById}, {@code delete},
     * {@code update}, nor {@code persist} on one), nothing of {@code Panache} ({@code getSession}, {@code flush},
     * {@code withSession}) and nothing of a reactive session ({@code createQuery}, {@code createNativeQuery}).
     * Reading and setting an entity's fields stays the service's: that is how it stores a change.
     */
    static ArchRule servicesLeaveQueriesToRepositories(String base) {
        return noClasses().that().resideInAPackage(base + ".service..")
                .should().callMethodWhere(DescribedPredicate.describe(
                        "the target is a Panache entity's, Panache's or a Mutiny session's method",
                        (JavaMethodCall call) -> queries(call.getTargetOwner())))
                .because("docs/architecture.md: queries live in the repository's *Repository beans; a service"
                        + " loads, calls the domain and stores");
    }

    private static boolean queries(JavaClass owner) {
        return owner.isAssignableTo(PANACHE_ENTITY) || owner.getName().equals(PANACHE)
                || owner.isAssignableTo(SESSION);
    }

    @Test
    void servicesLeaveQueriesToRepositories() {
        servicesLeaveQueriesToRepositories(BASE).check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE));
    }
}
