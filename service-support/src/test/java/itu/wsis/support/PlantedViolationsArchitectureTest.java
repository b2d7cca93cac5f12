package itu.wsis.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of {@link ArchitectureTest} holds on a planted service-support ({@code itu.wsis.planted.support}: one
 * class per layer) and fails once one planted violation is added to it, naming the violating class.
 */
class PlantedViolationsArchitectureTest {

    static final String BASE = "itu.wsis.planted.support";
    static final List<Class<?>> CONFORMING = List.of(Words.class, Json.class, Problems.class, ProblemsResource.class,
            Outbox.class, Clocks.class);

    static JavaClasses conformingWith(Class<?>... planted) {
        return new ClassFileImporter().importClasses(
                Stream.concat(CONFORMING.stream(), Stream.of(planted)).toArray(Class<?>[]::new));
    }

    static void holdsButFailsWith(ArchRule rule, Class<?>... violations) {
        assertThatCode(() -> rule.check(conformingWith())).doesNotThrowAnyException();
        for (Class<?> violation : violations) {
            assertThatThrownBy(() -> rule.check(conformingWith(violation)))
                    .as("%s against %s", rule.getDescription(), violation.getSimpleName())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(violation.getName());
        }
    }

    @Test
    void layers() {
        holdsButFailsWith(ArchitectureTest.layers(BASE), JsonReachingWords.class, ProblemReachingJson.class,
                OutboxReachingProblems.class, ClockReachingOutbox.class);
    }

    @Test
    void anEmptyLayerFails() {
        JavaClasses withoutClock = new ClassFileImporter().importClasses(CONFORMING.stream()
                .filter(c -> c != Clocks.class).toArray(Class<?>[]::new));
        assertThatThrownBy(() -> ArchitectureTest.layers(BASE).check(withoutClock))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Layer 'Clock' is empty");
    }

    @Test
    void everyClassIsInALayer() {
        holdsButFailsWith(ArchitectureTest.everyClassIsInALayer(BASE), Stray.class);
    }

    @Test
    void resourcesAreNamedResource() {
        holdsButFailsWith(ArchitectureTest.resourceSuffix(), ProblemEndpoint.class);
    }
}
