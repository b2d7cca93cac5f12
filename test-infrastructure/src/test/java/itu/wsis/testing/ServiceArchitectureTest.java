package itu.wsis.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import itu.wsis.planted.shop.Stray;
import itu.wsis.planted.shop.config.GoodConfig;
import itu.wsis.planted.shop.config.PlantedSettings;
import itu.wsis.planted.shop.domain.ConfigReadingThing;
import itu.wsis.planted.shop.domain.FrameworkThing;
import itu.wsis.planted.shop.domain.PlainEntity;
import itu.wsis.planted.shop.domain.ServiceReachingThing;
import itu.wsis.planted.shop.domain.Thing;
import itu.wsis.planted.shop.messaging.RepositoryReachingConsumer;
import itu.wsis.planted.shop.messaging.SessionConsumer;
import itu.wsis.planted.shop.messaging.ThingEventsConsumer;
import itu.wsis.planted.shop.messaging.ThingEventsHandler;
import itu.wsis.planted.shop.repository.ServiceReachingRepository;
import itu.wsis.planted.shop.repository.ThingEntity;
import itu.wsis.planted.shop.repository.ThingRecord;
import itu.wsis.planted.shop.repository.ThingRepository;
import itu.wsis.planted.shop.repository.ThingStore;
import itu.wsis.planted.shop.rest.BodyTakingResource;
import itu.wsis.planted.shop.rest.DeclaredAnswerResource;
import itu.wsis.planted.shop.rest.DtoAnsweringResource;
import itu.wsis.planted.shop.rest.EntityLeakingResource;
import itu.wsis.planted.shop.rest.RepositoryReachingResource;
import itu.wsis.planted.shop.rest.SharedPartResource;
import itu.wsis.planted.shop.rest.ThingEndpoint;
import itu.wsis.planted.shop.rest.ThingProblemMappers;
import itu.wsis.planted.shop.rest.ThingResource;
import itu.wsis.planted.shop.rest.TransactionalResource;
import itu.wsis.planted.shop.rest.ViewNestingResource;
import itu.wsis.planted.shop.service.OutOfPlaceResource;
import itu.wsis.planted.shop.service.RestReachingService;
import itu.wsis.planted.shop.service.StrayConfig;
import itu.wsis.planted.shop.service.StrayEntity;
import itu.wsis.planted.shop.service.StrayListener;
import itu.wsis.planted.shop.service.StrayProblemMappers;
import itu.wsis.planted.shop.service.ThingLookupRepository;
import itu.wsis.planted.shop.service.ThingService;
import itu.wsis.planted.shop.service.TransactionalService;
import itu.wsis.testing.ServiceArchitecture.Layer;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of {@link ServiceArchitecture} holds on a small planted service that follows docs/architecture.md
 * ({@code itu.wsis.planted.shop}: one resource, service, entity, repository, consumer, configuration and domain
 * record) and fails once one planted violation is added to it, naming the violating class.
 */
class ServiceArchitectureTest {

    static final String BASE = "itu.wsis.planted.shop";
    static final Set<Layer> NONE_ABSENT = EnumSet.noneOf(Layer.class);
    static final PlantedViolations PLANTED = new PlantedViolations(ThingResource.class, ThingProblemMappers.class,
            ThingEventsConsumer.class, ThingService.class, ThingRepository.class, ThingEntity.class, GoodConfig.class,
            Thing.class);

    @Test
    void layersRefuseEveryDependencyAgainstTheDirection() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.layers(BASE, NONE_ABSENT),
                RepositoryReachingResource.class, RepositoryReachingConsumer.class, RestReachingService.class,
                ServiceReachingThing.class, ConfigReadingThing.class, ServiceReachingRepository.class);
    }

    @Test
    void anEmptyLayerFailsUnlessTheServiceDeclaresItAbsent() {
        JavaClasses withoutMessaging = PLANTED.without(ThingEventsConsumer.class);
        assertThatThrownBy(() -> ServiceArchitecture.layers(BASE, NONE_ABSENT).check(withoutMessaging))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Layer 'MESSAGING' is empty");
        assertThatCode(() -> ServiceArchitecture.layers(BASE, EnumSet.of(Layer.MESSAGING)).check(withoutMessaging))
                .doesNotThrowAnyException();
        assertThatCode(() -> ServiceArchitecture.everyClassIsInALayer(BASE, EnumSet.of(Layer.MESSAGING))
                .check(withoutMessaging)).doesNotThrowAnyException();
    }

    @Test
    void aLayerDeclaredAbsentMustHaveNoClass() {
        assertThatThrownBy(() -> ServiceArchitecture.everyClassIsInALayer(BASE, EnumSet.of(Layer.MESSAGING))
                .check(PLANTED.with()))
                .isInstanceOf(AssertionError.class).hasMessageContaining(ThingEventsConsumer.class.getName());
    }

    @Test
    void aServiceAlwaysHasItsServiceAndDomainLayers() {
        assertThatThrownBy(() -> ServiceArchitecture.layers(BASE, EnumSet.of(Layer.DOMAIN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyClassIsInALayer() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.everyClassIsInALayer(BASE, NONE_ABSENT), Stray.class);
    }

    @Test
    void theDomainIsPlainJava() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.theDomainIsPlainJava(BASE), FrameworkThing.class);
    }

    @Test
    void entitiesNeverLeaveThroughTheRestLayer() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.entitiesNeverLeaveThroughTheRestLayer(BASE),
                EntityLeakingResource.class);
    }

    @Test
    void transactionsAndSessionsAreOpenedByServiceMethodsOnly() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.transactionsOnlyIn(Layer.SERVICE.in(BASE)),
                TransactionalResource.class, SessionConsumer.class, TransactionalService.class);
    }

    @Test
    void withNoPackageTransactionsMayBeOpenedNowhere() {
        ArchRule nowhere = ServiceArchitecture.transactionsOnlyIn();
        assertThatCode(() -> nowhere.check(new ClassFileImporter().importClasses(ThingResource.class, Thing.class)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> nowhere.check(PLANTED.with()))
                .isInstanceOf(AssertionError.class).hasMessageContaining(ThingService.class.getName());
    }

    @Test
    void resourcesAreNamedResourceAndLiveInRest() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.resourcesAreNamedResourceAndLiveInRest(BASE),
                OutOfPlaceResource.class, ThingEndpoint.class);
    }

    @Test
    void exceptionMappersLiveInRest() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.exceptionMappersLiveInRest(BASE), StrayProblemMappers.class);
    }

    @Test
    void entitiesLiveInTheRepository() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.entitiesLiveInTheRepository(BASE), StrayEntity.class);
    }

    @Test
    void entitiesAreNamedEntity() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.persistenceClassesAreNamedEntity(), ThingRecord.class,
                PlainEntity.class);
    }

    @Test
    void repositoryBeansAreNamedRepository() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.repositoryBeansAreNamedRepository(BASE),
                ThingStore.class, ThingLookupRepository.class);
    }

    @Test
    void eventConsumersLiveInMessaging() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.eventConsumersLiveInMessaging(BASE),
                StrayListener.class, ThingEventsHandler.class);
    }

    @Test
    void wireRecordsAreNamedForTheirRole() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.wireRecordsAreNamedForTheirRole(Layer.REST.in(BASE)),
                DtoAnsweringResource.class, ViewNestingResource.class, BodyTakingResource.class,
                DeclaredAnswerResource.class);
    }

    @Test
    void aRecordTheRequestAndTheAnswerShareNeedsNoSuffix() {
        ArchRule rule = ServiceArchitecture.wireRecordsAreNamedForTheirRole(Layer.REST.in(BASE));
        assertThatThrownBy(() -> rule.check(PLANTED.with(ViewNestingResource.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ViewNestingResource.PartView.class.getName() + " is (in) an answer")
                .hasMessageNotContaining(ViewNestingResource.ThingResponse.class.getName() + " is");
        assertThatThrownBy(() -> rule.check(PLANTED.with(DeclaredAnswerResource.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(DeclaredAnswerResource.ThingResult.class.getName())
                .hasMessageNotContaining(DeclaredAnswerResource.ThingRequest.class.getName() + " is");
        assertThatCode(() -> rule.check(PLANTED.with(SharedPartResource.class))).doesNotThrowAnyException();
    }

    @Test
    void configMappingsAreNamedConfigAndLiveInConfig() {
        PLANTED.holdsButFailsWith(ServiceArchitecture.configMappingsAreNamedConfigAndLiveIn(Layer.CONFIG.in(BASE)),
                StrayConfig.class, PlantedSettings.class);
    }
}
