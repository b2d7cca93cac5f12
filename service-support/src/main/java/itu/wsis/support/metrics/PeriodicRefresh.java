package itu.wsis.support.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs a query on a timer and lets gauges read what it last stored, so that a scrape never waits for the database
 * (the scrape thread must not block, and a slow or unreachable database must not make /q/metrics slow or fail).
 * <p>
 * A query still running when the timer fires again is not started twice. A failed or timed-out query keeps the last
 * values (the gauges then show them, stale, rather than nothing or zero) and counts
 * {@code wsis_metrics_refresh_failures_total{query=...}}; it never throws to the timer.
 */
public final class PeriodicRefresh {

    private static final Logger LOG = Logger.getLogger(PeriodicRefresh.class);

    private final String name;
    private final Vertx vertx;
    private final Duration interval;
    private final Supplier<Uni<Void>> refresh;
    private final Counter failures;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;

    /** Made by {@link PeriodicRefreshes#start}, which owns the timer's lifecycle. */
    PeriodicRefresh(String name, Vertx vertx, MeterRegistry registry, Duration interval,
                           Supplier<Uni<Void>> refresh) {
        this.name = name;
        this.vertx = vertx;
        this.interval = interval;
        this.refresh = refresh;
        this.failures = registry.counter("wsis.metrics.refresh.failures", "query", name);
    }

    void start() {
        if (timerId < 0) {
            timerId = vertx.setPeriodic(interval.toMillis(), id -> refreshNow().subscribe().with(ignored -> { }));
        }
    }

    void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    /**
     * One refresh now (unless one is running); completes when it has stored its result or given up, never with a
     * failure. The timer calls it; tests call it to avoid waiting for the timer.
     */
    public Uni<Void> refreshNow() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().<Void>deferred(refresh::get)
                // A query that never answers must not stop every later refresh.
                .ifNoItem().after(interval.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : interval).fail()
                .onFailure().recoverWithUni(failure -> {
                    failures.increment();
                    LOG.debugf("Metrics query %s failed, the gauges keep their last values: %s", name,
                            failure.getClass().getName());
                    return Uni.createFrom().voidItem();
                })
                .onTermination().invoke(() -> running.set(false));
    }
}
