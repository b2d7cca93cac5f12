package itu.wsis.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How an architecture rule is shown to be able to fail: a small set of planted classes that follow every rule, and
 * for each rule the planted classes that break it. The rule must hold on the conforming set and fail, naming the
 * violating class, once any one of them is added.
 */
public final class PlantedViolations {

    private final List<Class<?>> conforming;

    public PlantedViolations(Class<?>... conforming) {
        this.conforming = List.of(conforming);
    }

    /** The conforming classes and {@code planted}, imported as ArchUnit sees a module. */
    public JavaClasses with(Class<?>... planted) {
        return new ClassFileImporter().importClasses(
                Stream.concat(conforming.stream(), Stream.of(planted)).toArray(Class<?>[]::new));
    }

    /** The conforming classes but {@code left}: a layer left empty, for instance. */
    public JavaClasses without(Class<?> left) {
        return new ClassFileImporter().importClasses(
                conforming.stream().filter(c -> c != left).toArray(Class<?>[]::new));
    }

    public void holdsButFailsWith(ArchRule rule, Class<?>... violations) {
        assertThatCode(() -> rule.check(with())).doesNotThrowAnyException();
        for (Class<?> violation : violations) {
            assertThatThrownBy(() -> rule.check(with(violation)))
                    .as("%s against %s", rule.getDescription(), violation.getSimpleName())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(violation.getName());
        }
    }
}
