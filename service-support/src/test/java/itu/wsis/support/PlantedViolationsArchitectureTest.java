package itu.wsis.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import itu.wsis.planted.support.json.Json;
import itu.wsis.planted.support.json.ProblemReachingJson;
import itu.wsis.planted.support.misc.Stray;
import itu.wsis.planted.support.outbox.ClockReachingOutbox;
import itu.wsis.planted.support.outbox.Outbox;
import itu.wsis.planted.support.problem.OutboxReachingProblems;
import itu.wsis.planted.support.problem.ProblemEndpoint;
import itu.wsis.planted.support.problem.Problems;
import itu.wsis.planted.support.problem.ProblemsResource;
import itu.wsis.planted.support.text.JsonReachingWords;
import itu.wsis.planted.support.text.Words;
import itu.wsis.planted.support.time.Clocks;
import itu.wsis.testing.PlantedViolations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of {@link ArchitectureTest} holds on a planted service-support ({@code itu.wsis.planted.support}: one
 * class per layer) and fails once one planted violation is added to it, naming the violating class.
 */
class PlantedViolationsArchitectureTest {

    static final String BASE = "itu.wsis.planted.support";
    static final PlantedViolations PLANTED = new PlantedViolations(Words.class, Json.class, Problems.class,
            ProblemsResource.class,
            Outbox.class, Clocks.class);

    @Test
    void layers() {
        PLANTED.holdsButFailsWith(ArchitectureTest.layers(BASE), JsonReachingWords.class, ProblemReachingJson.class,
                OutboxReachingProblems.class, ClockReachingOutbox.class);
    }

    @Test
    void anEmptyLayerFails() {
        JavaClasses withoutClock = PLANTED.without(Clocks.class);
        assertThatThrownBy(() -> ArchitectureTest.layers(BASE).check(withoutClock))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Layer 'Clock' is empty");
    }

    @Test
    void everyClassIsInALayer() {
        PLANTED.holdsButFailsWith(ArchitectureTest.everyClassIsInALayer(BASE), Stray.class);
    }

    @Test
    void resourcesAreNamedResource() {
        PLANTED.holdsButFailsWith(ArchitectureTest.resourceSuffix(), ProblemEndpoint.class);
    }
}
