package itu.wsis.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import itu.wsis.support.metrics.MetricsConfig;
import itu.wsis.support.metrics.PeriodicRefresh;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The outbox's backlog as gauges: how many rows wait to be published, and how long the oldest of them has waited (on
 * the database's clock, from {@code created_at}: the business clock can be moved in tests and must not make it jump).
 * A relay that has stopped publishing (lost broker, lost lease, stuck) shows as both growing; see docs/metrics.md.
 */
@ApplicationScoped
public class OutboxBacklog {

    private final Pool pool;
    private final PeriodicRefresh refresh;
    private volatile double rows;
    private volatile double oldestAgeSeconds;

    public OutboxBacklog(Pool pool, Vertx vertx, MeterRegistry registry, MetricsConfig config) {
        this.pool = pool;
        this.refresh = new PeriodicRefresh("outbox-backlog", vertx, registry, config.refreshInterval(), this::query);
        Gauge.builder("wsis.outbox.backlog", this, b -> b.rows)
                .description("Outbox rows not yet published, as of the last refresh").register(registry);
        Gauge.builder("wsis.outbox.oldest.unpublished.age", this, b -> b.oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest unpublished outbox row has waited (0 when none)").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        refresh.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        refresh.stop();
    }

    /** Refreshes the gauges now; for tests, which need not wait for the timer. */
    public Uni<Void> refreshNow() {
        return refresh.refreshNow();
    }

    private Uni<Void> query() {
        // Served by the partial index on unpublished rows: the scan is as small as the backlog.
        return pool.query("""
                        select count(*) as backlog,
                               coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as oldest
                          from outbox_event
                         where published_at is null""")
                .execute()
                .invoke(result -> {
                    Row row = result.iterator().next();
                    rows = row.getLong("backlog");
                    oldestAgeSeconds = Math.max(0, row.getDouble("oldest"));
                })
                .replaceWithVoid();
    }
}
