package itu.wsis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class Infra {

    private Infra() {
    }

    /** {@code -Dwsis.test.infra=testcontainers} picks Docker-based servers where a Docker engine exists. */
    static boolean testcontainersChosen() {
        return "testcontainers".equalsIgnoreCase(System.getProperty("wsis.test.infra",
                System.getenv().getOrDefault("WSIS_TEST_INFRA", "")));
    }

    /** Under the module's target/ (surefire points java.io.tmpdir there), so a clean build removes it. */
    static Path workDir() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "wsis-test-infra");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
