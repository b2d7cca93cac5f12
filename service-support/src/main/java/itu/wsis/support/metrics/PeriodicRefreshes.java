package itu.wsis.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Starts the timer of every gauge that is read from the database, at {@code wsis.metrics.refresh-interval}, and stops
 * them all at shutdown, so that a gauge class only says what its query is (the gauge classes are {@code @Startup}
 * beans: a gauge that nobody injects must still be registered and refreshed).
 */
@ApplicationScoped
public class PeriodicRefreshes {

    private final Vertx vertx;
    private final MeterRegistry registry;
    private final MetricsConfig config;
    private final List<PeriodicRefresh> started = new CopyOnWriteArrayList<>();

    public PeriodicRefreshes(Vertx vertx, MeterRegistry registry, MetricsConfig config) {
        this.vertx = vertx;
        this.registry = registry;
        this.config = config;
    }

    /** {@code refresh} runs the query and stores its result where the gauges read it; it first runs one interval from now. */
    public PeriodicRefresh start(String name, Supplier<Uni<Void>> refresh) {
        PeriodicRefresh periodic = new PeriodicRefresh(name, vertx, registry, config.refreshInterval(), refresh);
        started.add(periodic);
        periodic.start();
        return periodic;
    }

    void stopAll(@Observes ShutdownEvent shutdown) {
        started.forEach(PeriodicRefresh::stop);
    }
}
