package itu.wsis.bench;

import java.util.function.Predicate;

/**
 * Reading a service's /q/metrics (Prometheus text). A counter's sample line may end with an OpenMetrics exemplar,
 * {@code name{labels} 42.0 # {span_id="…",trace_id="…"} 1.0 1796453654.585}, whose last number is a timestamp, not
 * the sample's value: every reader of a sample goes through {@link #value}.
 */
final class Scrape {

    private Scrape() {
    }

    /** The value of one sample line, its exemplar (if any) left out. */
    static double value(String sampleLine) {
        int exemplar = sampleLine.indexOf(" # ");
        String sample = exemplar < 0 ? sampleLine : sampleLine.substring(0, exemplar);
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    /** The sum of the values of the sample lines {@code wanted} accepts (comment lines never are samples). */
    static double sum(String metrics, Predicate<String> wanted) {
        return metrics.lines().filter(line -> !line.startsWith("#") && wanted.test(line))
                .mapToDouble(Scrape::value).sum();
    }
}
