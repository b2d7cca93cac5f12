package itu.wsis.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import itu.wsis.planted.web.Portal;
import itu.wsis.planted.web.PortalFailures;
import itu.wsis.planted.web.client.ApiCalls;
import itu.wsis.planted.web.client.PageReachingCall;
import itu.wsis.planted.web.client.ThingApi;
import itu.wsis.planted.web.client.ThingClient;
import itu.wsis.planted.web.config.PortalConfig;
import itu.wsis.planted.web.i18n.PageReachingWords;
import itu.wsis.planted.web.i18n.Words;
import itu.wsis.planted.web.page.OutOfPlacePages;
import itu.wsis.planted.web.page.PageModel;
import itu.wsis.planted.web.page.PortalReachingPage;
import itu.wsis.planted.web.page.SecurityReachingPage;
import itu.wsis.planted.web.page.StrayFailures;
import itu.wsis.planted.web.page.StrayFilter;
import itu.wsis.planted.web.page.UncheckedPage;
import itu.wsis.planted.web.security.ClientReachingGuard;
import itu.wsis.planted.web.security.Guard;
import itu.wsis.planted.web.util.Stray;
import itu.wsis.testing.PlantedViolations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of {@link ArchitectureTest} holds on a planted invitee-web ({@code itu.wsis.planted.web}) laid out like
 * the real one, and fails once one planted violation is added to it, naming the violating class.
 */
class PlantedViolationsArchitectureTest {

    static final String BASE = "itu.wsis.planted.web";
    static final PlantedViolations PLANTED = new PlantedViolations(Portal.class, PortalFailures.class, Guard.class,
            PageModel.class, ThingApi.class, ApiCalls.class, Words.class, PortalConfig.class);

    @Test
    void layers() {
        PLANTED.holdsButFailsWith(ArchitectureTest.layers(BASE), PageReachingCall.class, SecurityReachingPage.class,
                PortalReachingPage.class, PageReachingWords.class, ClientReachingGuard.class);
    }

    @Test
    void anEmptyLayerFails() {
        JavaClasses withoutSecurity = PLANTED.without(Guard.class);
        assertThatThrownBy(() -> ArchitectureTest.layers(BASE).check(withoutSecurity))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Layer 'Security' is empty");
    }

    @Test
    void everyClassIsInALayer() {
        PLANTED.holdsButFailsWith(ArchitectureTest.everyClassIsInALayer(BASE), Stray.class);
    }

    @Test
    void resourcesAndApis() {
        PLANTED.holdsButFailsWith(ArchitectureTest.resourcesAndApis(BASE), OutOfPlacePages.class, ThingClient.class);
    }

    @Test
    void exceptionMappersSitWithTheResource() {
        PLANTED.holdsButFailsWith(ArchitectureTest.exceptionMappersSitWithTheResource(BASE), StrayFailures.class);
    }

    @Test
    void templatesAreChecked() {
        PLANTED.holdsButFailsWith(ArchitectureTest.templatesAreChecked(BASE), UncheckedPage.class);
    }

    @Test
    void filtersLiveInSecurity() {
        PLANTED.holdsButFailsWith(ArchitectureTest.filtersLiveInSecurity(BASE), StrayFilter.class);
    }
}
