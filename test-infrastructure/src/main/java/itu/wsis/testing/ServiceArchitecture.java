package itu.wsis.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The layering and the naming of docs/architecture.md, enforced for one service: extend it in the service's tests and
 * name the service's base package.
 *
 * <p>No rule may pass by matching nothing (ArchUnit's default {@code failOnEmptyShould} holds everywhere): every layer
 * must have classes, so a renamed or emptied package fails the build. Every service has all six layers; the static
 * factories take the layers a module lacks only so that their own tests can show what an absent layer does.
 *
 * <p>The rules are also public factories, so that test-infrastructure's own tests show each of them failing on a
 * planted violation; invitee-web and service-support use {@link #transactionsOnlyIn} for their own layouts.
 *
 * <p>Annotations are named by string: this module does not depend on Hibernate, RESTEasy or the messaging API.
 */
public abstract class ServiceArchitecture {

    public static final String WITH_TRANSACTION = "io.quarkus.hibernate.reactive.panache.common.WithTransaction";
    public static final String WITH_SESSION = "io.quarkus.hibernate.reactive.panache.common.WithSession";
    public static final String PATH = "jakarta.ws.rs.Path";
    public static final String ENTITY = "jakarta.persistence.Entity";
    public static final String APPLICATION_SCOPED = "jakarta.enterprise.context.ApplicationScoped";
    public static final String INCOMING = "org.eclipse.microprofile.reactive.messaging.Incoming";
    public static final String CONFIG_MAPPING = "io.smallrye.config.ConfigMapping";
    public static final String EXCEPTION_MAPPER = "org.jboss.resteasy.reactive.server.ServerExceptionMapper";
    public static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    public static final String API_RESPONSE = "org.eclipse.microprofile.openapi.annotations.responses.APIResponse";
    public static final String API_RESPONSES = "org.eclipse.microprofile.openapi.annotations.responses.APIResponses";
    /** service-support's SPI for the personal-link state: a repository bean that keeps the SPI's name. */
    public static final String LINK_STATES = "itu.wsis.support.links.LinkStates";

    /** The layers of a service, each one subpackage of its base package. */
    public enum Layer {
        REST("rest"), MESSAGING("messaging"), SERVICE("service"), REPOSITORY("repository"), CONFIG("config"),
        DOMAIN("domain");

        private final String subpackage;

        Layer(String subpackage) {
            this.subpackage = subpackage;
        }

        public String in(String base) {
            return base + "." + subpackage + "..";
        }
    }

    private final String base;
    private final JavaClasses classes;

    protected ServiceArchitecture(String basePackage) {
        this.base = basePackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /**
     * rest → service → domain; the repository is the services' alone; messaging hands events to the services. The
     * configuration may be read by every layer but the domain; the domain by all, and it uses no other layer (it is
     * plain Java, and config and repository already use it: the other way would be a cycle). Only dependencies
     * between the layers count: framework and service-support classes are the other rules' business.
     */
    public static ArchRule layers(String base, Set<Layer> absent) {
        if (absent.contains(Layer.SERVICE) || absent.contains(Layer.DOMAIN)) {
            throw new IllegalArgumentException("a service always has a service and a domain layer");
        }
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(false);
        for (Layer layer : present(absent)) {
            rule = rule.layer(layer.name()).definedBy(layer.in(base));
        }
        if (!absent.contains(Layer.REST)) {
            rule = rule.whereLayer(Layer.REST.name()).mayNotBeAccessedByAnyLayer();
        }
        if (!absent.contains(Layer.MESSAGING)) {
            rule = rule.whereLayer(Layer.MESSAGING.name()).mayNotBeAccessedByAnyLayer();
        }
        String[] callers = present(absent).stream().filter(l -> l == Layer.REST || l == Layer.MESSAGING)
                .map(Layer::name).toArray(String[]::new);
        rule = callers.length == 0
                ? rule.whereLayer(Layer.SERVICE.name()).mayNotBeAccessedByAnyLayer()
                : rule.whereLayer(Layer.SERVICE.name()).mayOnlyBeAccessedByLayers(callers);
        if (!absent.contains(Layer.REPOSITORY)) {
            rule = rule.whereLayer(Layer.REPOSITORY.name()).mayOnlyBeAccessedByLayers(Layer.SERVICE.name());
        }
        return rule.whereLayer(Layer.DOMAIN.name()).mayNotAccessAnyLayer()
                .because("docs/architecture.md: rest -> service -> domain, the repository is used by services only,"
                        + " messaging hands events to services; config is read by all but the domain");
    }

    /** Nothing escapes the layering at the root of the base package or in a package of its own. */
    public static ArchRule everyClassIsInALayer(String base, Set<Layer> absent) {
        return classes().should().resideInAnyPackage(
                present(absent).stream().map(l -> l.in(base)).toArray(String[]::new));
    }

    /**
     * Of service-support, the domain may use only the plain-Java text rules ({@code itu.wsis.support.text}: the one
     * e-mail rule, single-line text), which service-support's own tests keep free of any framework.
     */
    public static ArchRule theDomainIsPlainJava(String base) {
        return noClasses().that().resideInAPackage(Layer.DOMAIN.in(base))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "org.hibernate..",
                        "org.eclipse.microprofile..", "org.apache.kafka..")
                .orShould().dependOnClassesThat(DescribedPredicate.describe(
                        "are in service-support outside itu.wsis.support.text",
                        (JavaClass c) -> c.getPackageName().startsWith("itu.wsis.support")
                                && !c.getPackageName().startsWith("itu.wsis.support.text")));
    }

    public static ArchRule entitiesNeverLeaveThroughTheRestLayer(String base) {
        return noClasses().that().resideInAPackage(Layer.REST.in(base))
                .should().dependOnClassesThat().areAnnotatedWith(ENTITY);
    }

    /**
     * {@code @WithTransaction} and {@code @WithSession} sit on methods of classes in the given packages only, and never
     * on a class: a class-wide transaction would make every method of it, helpers included, open one, and hide which
     * entry points do. With no package, they may sit nowhere (invitee-web has no database; service-support's inbox
     * opens its transaction with {@code Panache.withTransaction} around the consumer's effect, and its outbox joins
     * the caller's).
     */
    public static ArchRule transactionsOnlyIn(String... packages) {
        String where = packages.length == 0 ? "nowhere" : "only on methods in " + String.join(", ", packages);
        ArchRule methods = (packages.length == 0
                ? noMethods().should().beAnnotatedWith(WITH_TRANSACTION)
                : noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackages(packages)
                        .should().beAnnotatedWith(WITH_TRANSACTION))
                .orShould().beAnnotatedWith(WITH_SESSION);
        ArchRule types = noClasses().should().beAnnotatedWith(WITH_TRANSACTION)
                .orShould().beAnnotatedWith(WITH_SESSION);
        return CompositeArchRule.of(methods).and(types)
                .because("transactions and sessions are opened by services (" + where + ")");
    }

    public static ArchRule resourcesAreNamedResourceAndLiveInRest(String base) {
        return CompositeArchRule.of(classes().that().areAnnotatedWith(PATH)
                        .should().haveSimpleNameEndingWith("Resource").andShould().resideInAPackage(Layer.REST.in(base)))
                .and(noClasses().that().resideOutsideOfPackage(Layer.REST.in(base))
                        .should().haveSimpleNameEndingWith("Resource"));
    }

    public static ArchRule entitiesLiveInTheRepository(String base) {
        return classes().that().areAnnotatedWith(ENTITY).should().resideInAPackage(Layer.REPOSITORY.in(base));
    }

    /** Every persistence class is a {@code *Entity}, and every {@code *Entity} is one. */
    public static ArchRule persistenceClassesAreNamedEntity() {
        return CompositeArchRule.of(classes().that().areAnnotatedWith(ENTITY).should().haveSimpleNameEndingWith("Entity"))
                .and(noClasses().that().areNotAnnotatedWith(ENTITY).should().haveSimpleNameEndingWith("Entity"));
    }

    /** Queries live in {@code *Repository} beans; the personal-link state keeps service-support's SPI name. */
    public static ArchRule repositoryBeansAreNamedRepository(String base) {
        return CompositeArchRule.of(classes().that().resideInAPackage(Layer.REPOSITORY.in(base))
                        .and().areAnnotatedWith(APPLICATION_SCOPED)
                        .should().haveSimpleNameEndingWith("Repository").orShould().implement(LINK_STATES))
                .and(noClasses().that().resideOutsideOfPackage(Layer.REPOSITORY.in(base))
                        .should().haveSimpleNameEndingWith("Repository"));
    }

    public static ArchRule eventConsumersLiveInMessaging(String base) {
        return CompositeArchRule.of(noMethods().that().areDeclaredInClassesThat()
                        .resideOutsideOfPackage(Layer.MESSAGING.in(base))
                        .should().beAnnotatedWith(INCOMING))
                .and(classes().that().resideInAPackage(Layer.MESSAGING.in(base)).and().areTopLevelClasses()
                        .should().haveSimpleNameEndingWith("Consumer").orShould().haveSimpleNameEndingWith("Consumers"));
    }

    /** {@code @ConfigMapping} interfaces are {@code *Config}, in the given package (every module's convention). */
    public static ArchRule configMappingsAreNamedConfigAndLiveIn(String... packages) {
        return classes().that().areAnnotatedWith(CONFIG_MAPPING)
                .should().haveSimpleNameEndingWith("Config").andShould().resideInAnyPackage(packages);
    }

    /** Problem documents are the wire's concern: the domain refuses with its own exception, rest maps it. */
    public static ArchRule exceptionMappersLiveInRest(String base) {
        return noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage(Layer.REST.in(base))
                .should().beAnnotatedWith(EXCEPTION_MAPPER);
    }

    /**
     * docs/api/README.md, Naming: the records of the wire (in {@code wirePackages}) are named for their role, since
     * the OpenAPI schema names, and partners' generated classes, are theirs. A record a resource method takes as its
     * body, or that is nested in one, ends in {@code Request}; a record it answers with (the return type, through
     * {@code Uni}, {@code List} and the like, or an {@code @APIResponse} schema's {@code implementation}), or that is
     * nested in one, ends in {@code Response}. A record both sides share (a letter's {@code Signatory}) and a generic
     * record (its schema is named after its type argument) are exempt; enums and types outside the packages are not
     * looked at.
     */
    public static ArchRule wireRecordsAreNamedForTheirRole(String... wirePackages) {
        PackageMatchers wire = PackageMatchers.of(wirePackages);
        return classes().that().areAnnotatedWith(PATH).should(new ArchCondition<>(
                "name the records they take \"*Request\" and those they answer with \"*Response\"") {
            private final Set<JavaClass> requestSide = new HashSet<>();
            private final Set<JavaClass> responseSide = new HashSet<>();

            @Override
            public void init(Collection<JavaClass> resources) {
                for (JavaClass resource : resources) {
                    for (JavaMethod method : endpoints(resource)) {
                        requestSide.addAll(reachable(bodies(method), wire));
                        responseSide.addAll(reachable(answers(method), wire));
                    }
                }
            }

            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                for (JavaMethod method : endpoints(resource)) {
                    for (JavaClass record : reachable(bodies(method), wire)) {
                        if (!responseSide.contains(record) && !record.getSimpleName().endsWith("Request")) {
                            events.add(SimpleConditionEvent.violated(method, record.getName()
                                    + " is (in) the request body of " + method.getFullName()
                                    + " and does not end in Request"));
                        }
                    }
                    for (JavaClass record : reachable(answers(method), wire)) {
                        if (!requestSide.contains(record) && !record.getSimpleName().endsWith("Response")) {
                            events.add(SimpleConditionEvent.violated(method, record.getName()
                                    + " is (in) an answer of " + method.getFullName()
                                    + " and does not end in Response"));
                        }
                    }
                }
            }
        });
    }

    /** Named as well as meta-annotated: the meta-annotation is only seen when jakarta.ws.rs is on the class path. */
    private static List<JavaMethod> endpoints(JavaClass resource) {
        return resource.getMethods().stream().filter(m -> m.isMetaAnnotatedWith(HTTP_METHOD)
                || HTTP_METHODS.stream().anyMatch(name -> m.isAnnotatedWith("jakarta.ws.rs." + name))).toList();
    }

    /** The parameters JAX-RS fills from the body: those without a jakarta.ws.rs or RESTEasy annotation. */
    private static List<JavaType> bodies(JavaMethod method) {
        List<JavaType> bodies = new java.util.ArrayList<>();
        for (JavaParameter parameter : method.getParameters()) {
            boolean bound = parameter.getAnnotations().stream().map(a -> a.getRawType().getPackageName())
                    .anyMatch(p -> p.startsWith("jakarta.ws.rs") || p.startsWith("org.jboss.resteasy.reactive"));
            if (!bound) {
                bodies.add(parameter.getType());
            }
        }
        return bodies;
    }

    private static List<JavaType> answers(JavaMethod method) {
        List<JavaType> answers = new java.util.ArrayList<>();
        answers.add(method.getReturnType());
        for (JavaAnnotation<JavaMethod> annotation : method.getAnnotations()) {
            String type = annotation.getRawType().getName();
            if (type.equals(API_RESPONSE)) {
                answers.addAll(implementations(annotation));
            } else if (type.equals(API_RESPONSES)) {
                annotation.get("value").filter(JavaAnnotation[].class::isInstance)
                        .ifPresent(all -> Arrays.stream((JavaAnnotation<?>[]) all)
                                .forEach(one -> answers.addAll(implementations(one))));
            }
        }
        return answers;
    }

    /** {@code @APIResponse(content = @Content(schema = @Schema(implementation = X.class)))}: X. */
    private static List<JavaType> implementations(JavaAnnotation<?> response) {
        List<JavaType> types = new java.util.ArrayList<>();
        response.get("content").filter(JavaAnnotation[].class::isInstance).ifPresent(contents -> {
            for (JavaAnnotation<?> content : (JavaAnnotation<?>[]) contents) {
                content.get("schema").filter(JavaAnnotation.class::isInstance)
                        .flatMap(schema -> ((JavaAnnotation<?>) schema).get("implementation"))
                        .filter(JavaClass.class::isInstance).ifPresent(c -> types.add((JavaClass) c));
            }
        });
        return types;
    }

    /** The records of the wire packages among the types, their type arguments and, transitively, their components. */
    private static Set<JavaClass> reachable(List<JavaType> roots, PackageMatchers wire) {
        Set<JavaClass> records = new LinkedHashSet<>();
        Set<JavaClass> seen = new HashSet<>();
        Deque<JavaType> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            JavaType type = pending.pop();
            if (type instanceof JavaParameterizedType parameterized) {
                pending.addAll(parameterized.getActualTypeArguments());
            } else if (type instanceof JavaWildcardType wildcard) {
                pending.addAll(wildcard.getUpperBounds());
            }
            JavaClass raw = type.toErasure();
            if (raw.isArray()) {
                pending.add(raw.getBaseComponentType());
                continue;
            }
            if (!raw.isRecord() || !wire.test(raw.getPackageName()) || !seen.add(raw)) {
                continue;
            }
            if (raw.getTypeParameters().isEmpty()) {
                records.add(raw);
            }
            for (JavaField field : raw.getFields()) {
                if (!field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)) {
                    pending.add(field.getType());
                }
            }
        }
        return records;
    }

    private static List<Layer> present(Set<Layer> absent) {
        return Stream.of(Layer.values()).filter(l -> !absent.contains(l)).toList();
    }

    @Test
    void layers() {
        layers(base, EnumSet.noneOf(Layer.class)).check(classes);
    }

    @Test
    void everyClassIsInALayer() {
        everyClassIsInALayer(base, EnumSet.noneOf(Layer.class)).check(classes);
    }

    @Test
    void theDomainIsPlainJava() {
        theDomainIsPlainJava(base).check(classes);
    }

    @Test
    void transactionsAndSessionsAreOpenedByServiceMethodsOnly() {
        transactionsOnlyIn(Layer.SERVICE.in(base)).check(classes);
    }

    @Test
    void entitiesNeverLeaveThroughTheRestLayer() {
        entitiesNeverLeaveThroughTheRestLayer(base).check(classes);
    }

    @Test
    void resourcesAreNamedResourceAndLiveInRest() {
        resourcesAreNamedResourceAndLiveInRest(base).check(classes);
    }

    @Test
    void exceptionMappersLiveInRest() {
        exceptionMappersLiveInRest(base).check(classes);
    }

    @Test
    void entitiesLiveInTheRepository() {
        entitiesLiveInTheRepository(base).check(classes);
    }

    @Test
    void entitiesAreNamedEntity() {
        persistenceClassesAreNamedEntity().check(classes);
    }

    @Test
    void repositoryBeansAreNamedRepository() {
        repositoryBeansAreNamedRepository(base).check(classes);
    }

    @Test
    void eventConsumersLiveInMessaging() {
        eventConsumersLiveInMessaging(base).check(classes);
    }

    @Test
    void wireRecordsAreNamedForTheirRole() {
        wireRecordsAreNamedForTheirRole(Layer.REST.in(base)).check(classes);
    }

    @Test
    void configMappingsAreNamedConfigAndLiveInConfig() {
        configMappingsAreNamedConfigAndLiveIn(Layer.CONFIG.in(base)).check(classes);
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
}
