package itu.wsis.support.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the gauges that need a database query are kept fresh (docs/metrics.md). */
@ConfigMapping(prefix = "wsis.metrics")
public interface MetricsConfig {

    /**
     * How often each such gauge's query runs. A scrape only reads the last value, so Prometheus sees data at most this
     * old; each query is one short statement on the reactive pool per interval and instance.
     */
    @WithDefault("10s")
    Duration refreshInterval();
}
