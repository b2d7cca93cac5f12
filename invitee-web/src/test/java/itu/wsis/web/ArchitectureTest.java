package itu.wsis.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import itu.wsis.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * invitee-web's layering (docs/architecture.md, "invitee-web"). It has no database and no events, so the services'
 * layers do not fit it; its own are:
 * <ul>
 *   <li>the base package: the one JAX-RS resource ({@code InviteePages}) and its exception mapper, which tie the
 *       others together;</li>
 *   <li>{@code security}: request filters (CSRF, trusted proxy, failure limits); they may render a refusal page;</li>
 *   <li>{@code page}: page models and forms, built from the client's models and the messages;</li>
 *   <li>{@code client}: the three services' APIs; it knows nothing of pages, languages or security;</li>
 *   <li>{@code i18n}: languages and messages, used by all, using nothing;</li>
 *   <li>{@code config}: {@code @ConfigMapping}, read by all.</li>
 * </ul>
 * No layer is optional, so a renamed package fails the build. The rules are factories over a base package so that
 * {@link PlantedViolationsArchitectureTest} shows each failing on planted classes.
 */
class ArchitectureTest {

    static final String BASE = "itu.wsis.web";
    static final String PATH = ServiceArchitecture.PATH;
    static final String REQUEST_FILTER = "org.jboss.resteasy.reactive.server.ServerRequestFilter";
    static final String RESPONSE_FILTER = "org.jboss.resteasy.reactive.server.ServerResponseFilter";
    static final String UNCHECKED_TEMPLATE = "io.quarkus.qute.Template";

    final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    static ArchRule layers(String base) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(false)
                .layer("Pages").definedBy(base)
                .layer("Security").definedBy(base + ".security..")
                .layer("Page").definedBy(base + ".page..")
                .layer("Client").definedBy(base + ".client..")
                .layer("I18n").definedBy(base + ".i18n..")
                .layer("Config").definedBy(base + ".config..")
                .whereLayer("Pages").mayNotBeAccessedByAnyLayer()
                .whereLayer("Security").mayOnlyBeAccessedByLayers("Pages")
                .whereLayer("Security").mayOnlyAccessLayers("Page", "I18n", "Config")
                .whereLayer("Page").mayOnlyBeAccessedByLayers("Pages", "Security")
                .whereLayer("Client").mayOnlyBeAccessedByLayers("Pages", "Page")
                .whereLayer("Client").mayOnlyAccessLayers("Config")
                .whereLayer("I18n").mayNotAccessAnyLayer()
                .whereLayer("Config").mayNotAccessAnyLayer();
    }

    static ArchRule everyClassIsInALayer(String base) {
        return classes().should().resideInAnyPackage(base, base + ".security..", base + ".page..",
                base + ".client..", base + ".i18n..", base + ".config..");
    }

    /** The one server resource sits in the base package; the REST-client interfaces are {@code *Api} in client. */
    static ArchRule resourcesAndApis(String base) {
        return CompositeArchRule.of(classes().that().areAnnotatedWith(PATH).and().areNotInterfaces()
                        .should().resideInAPackage(base))
                .and(classes().that().areAnnotatedWith(PATH).and().areInterfaces()
                        .should().haveSimpleNameEndingWith("Api").andShould().resideInAPackage(base + ".client.."));
    }

    static ArchRule exceptionMappersSitWithTheResource(String base) {
        return noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage(base)
                .should().beAnnotatedWith(ServiceArchitecture.EXCEPTION_MAPPER);
    }

    static ArchRule filtersLiveInSecurity(String base) {
        return noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage(base + ".security..")
                .should().beAnnotatedWith(REQUEST_FILTER).orShould().beAnnotatedWith(RESPONSE_FILTER);
    }

    /**
     * Pages are rendered through {@code @CheckedTemplate}s only (issue #19): an injected untyped {@code Template}
     * would be filled from a map that Qute cannot check at build time.
     */
    static ArchRule templatesAreChecked(String base) {
        return noClasses().that().resideInAPackage(base + "..").should().dependOnClassesThat()
                .haveFullyQualifiedName(UNCHECKED_TEMPLATE);
    }

    @Test
    void layers() {
        layers(BASE).check(main);
    }

    @Test
    void everyClassIsInALayer() {
        everyClassIsInALayer(BASE).check(main);
    }

    @Test
    void resourcesAndApis() {
        resourcesAndApis(BASE).check(main);
    }

    @Test
    void exceptionMappersSitWithTheResource() {
        exceptionMappersSitWithTheResource(BASE).check(main);
    }

    @Test
    void filtersLiveInSecurity() {
        filtersLiveInSecurity(BASE).check(main);
    }

    @Test
    void templatesAreChecked() {
        templatesAreChecked(BASE).check(main);
    }

    @Test
    void configMappingsAreNamedConfigAndLiveInConfig() {
        ServiceArchitecture.configMappingsAreNamedConfigAndLiveIn(BASE + ".config..").check(main);
    }

    /** invitee-web reads and writes only through the three services' APIs. */
    @Test
    void noTransactionIsOpenedHere() {
        ServiceArchitecture.transactionsOnlyIn().check(main);
    }
}
