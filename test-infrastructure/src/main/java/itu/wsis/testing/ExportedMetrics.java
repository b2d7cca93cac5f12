package itu.wsis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric names a module promises to export (its {@code src/test/resources/exported-metrics.txt}), checked against a
 * real {@code /q/metrics} scrape. The deploy module's MonitoringTest checks that every name the alert rules and the
 * dashboard use is promised by one of these lists, so a name nobody exports fails one side or the other.
 */
public final class ExportedMetrics {

    /** The list every service exports through service-support, relative to a service module's directory. */
    public static final Path PLATFORM = Path.of("../service-support/src/test/resources/exported-metrics.txt");
    /** A module's own list, relative to its directory (tests run there). */
    public static final Path OWN = Path.of("src/test/resources/exported-metrics.txt");

    private ExportedMetrics() {
    }

    /** The sample names of a Prometheus text scrape ({@code name{labels} value} or {@code name value}). */
    public static Set<String> sampleNames(String scrape) {
        return scrape.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The sum of the values of every sample of a scrape whose line starts with {@code series} ({@code name{labels}}).
     * The value is the token after the labels: with tracing on, a counter's line goes on with an exemplar
     * ({@code # {trace_id=...} 1.0 <timestamp>}), whose last token is a time, not the count.
     */
    public static double sum(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series))
                .map(line -> line.split(" # ", 2)[0].trim())
                .mapToDouble(sample -> Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The names of a list file: one a line, {@code #} starts a comment. */
    public static List<String> promised(Path list) {
        try {
            return Files.readAllLines(list).stream()
                    .map(line -> line.replaceAll("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Scrapes until every promised name is there, for up to 90 s: Micrometer binds the Kafka clients' per-partition
     * metrics (the consumer lag) at its next refresh of their metric list, up to a minute after the first fetch.
     */
    public static void awaitExported(Supplier<String> scrape, Path... lists) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(
                () -> assertExported(scrape.get(), lists));
    }

    /** Fails naming every promised name the scrape does not have. */
    public static void assertExported(String scrape, Path... lists) {
        Set<String> exported = sampleNames(scrape);
        for (Path list : lists) {
            List<String> promised = promised(list);
            assertThat(promised).as(list + " lists nothing").isNotEmpty();
            assertThat(exported).as("/q/metrics sample names, against " + list).containsAll(promised);
        }
    }
}
