package itu.wsis.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import itu.wsis.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * service-support's layering. It is a library of mechanisms rather than a service, so its layers are kinds of
 * mechanism, each a set of packages:
 * <ul>
 *   <li>Text ({@code text}): the plain-Java rules that the services' domains may use (TextRulesArchitectureTest keeps
 *       them free of any framework); it uses no other layer;</li>
 *   <li>Basics ({@code json, sql, validation, csv, keys, instance, tracing, metrics}): small tools on top of Text alone
 *       (tracing: the W3C trace context as stored text, and the switch that keeps spans from being exported without an
 *       endpoint);</li>
 *   <li>Http ({@code problem, rest, links, ratelimit, openapi, security}): the HTTP edge, problem documents and the
 *       personal links; it knows nothing of events or of the clock. The problem mappers and the link and parameter
 *       exceptions they map refer to each other, so these packages are one layer, not several;</li>
 *   <li>Events ({@code outbox, inbox, deadletter, retry, topics}): Kafka in and out; the dead-letter endpoint answers
 *       problem documents, so Events may use Http;</li>
 *   <li>Clock ({@code time}): the movable test clock, synchronised over a topic and moved through an ops endpoint,
 *       so it may use every layer below it, and nothing uses it (services inject {@code java.time.Clock}).</li>
 * </ul>
 * No layer is optional, so a renamed package fails the build. The rules are factories over a base package so that
 * {@link PlantedViolationsArchitectureTest} shows each failing on planted classes.
 */
class ArchitectureTest {

    static final String BASE = "itu.wsis.support";

    final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    static String[] packages(String base, String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = base + "." + names[i] + "..";
        }
        return packages;
    }

    static String[] text(String base) {
        return packages(base, "text");
    }

    static String[] basics(String base) {
        return packages(base, "json", "sql", "validation", "csv", "keys", "instance", "tracing", "metrics");
    }

    static String[] http(String base) {
        return packages(base, "problem", "rest", "links", "ratelimit", "openapi", "security");
    }

    static String[] events(String base) {
        return packages(base, "outbox", "inbox", "deadletter", "retry", "topics");
    }

    static String[] clock(String base) {
        return packages(base, "time");
    }

    static ArchRule layers(String base) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(false)
                .layer("Text").definedBy(text(base))
                .layer("Basics").definedBy(basics(base))
                .layer("Http").definedBy(http(base))
                .layer("Events").definedBy(events(base))
                .layer("Clock").definedBy(clock(base))
                .whereLayer("Clock").mayNotBeAccessedByAnyLayer()
                .whereLayer("Events").mayOnlyBeAccessedByLayers("Clock")
                .whereLayer("Http").mayOnlyBeAccessedByLayers("Events", "Clock")
                .whereLayer("Basics").mayOnlyAccessLayers("Text")
                .whereLayer("Text").mayNotAccessAnyLayer();
    }

    static ArchRule everyClassIsInALayer(String base) {
        return classes().should().resideInAnyPackage(java.util.stream.Stream.of(
                        text(base), basics(base), http(base), events(base), clock(base))
                .flatMap(java.util.Arrays::stream).toArray(String[]::new));
    }

    /** The ops endpoints are {@code *Resource}, as in the services; they stay with the mechanism they operate. */
    static ArchRule resourceSuffix() {
        return classes().that().areAnnotatedWith(ServiceArchitecture.PATH).should().haveSimpleNameEndingWith("Resource");
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
    void resourcesAreNamedResource() {
        resourceSuffix().check(main);
    }

    /** The ops endpoints every service serves take *Request and answer *Response records, as the services' do. */
    @Test
    void wireRecordsAreNamedForTheirRole() {
        ServiceArchitecture.wireRecordsAreNamedForTheirRole(BASE + "..").check(main);
    }

    /** Each mechanism's settings sit with it, as {@code *Config}. */
    @Test
    void configMappingsAreNamedConfig() {
        ServiceArchitecture.configMappingsAreNamedConfigAndLiveIn(BASE + "..").check(main);
    }

    /**
     * No annotation opens a transaction here: the inbox opens its own with {@code Panache.withTransaction} around the
     * consumer's effect, and {@code Outbox.append} joins the caller's (the service method's {@code @WithTransaction}).
     */
    @Test
    void noTransactionIsOpenedByAnnotation() {
        ServiceArchitecture.transactionsOnlyIn().check(main);
    }
}
