package itu.wsis.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import itu.wsis.support.metrics.PeriodicRefresh;
import itu.wsis.support.metrics.PeriodicRefreshes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The outbox's backlog as gauges: how many rows wait to be published, and how long the oldest of them has waited (on
 * the database's clock, from {@code created_at}: the business clock can be moved in tests and must not make it jump).
 * A relay that has stopped publishing (lost broker, lost lease, stuck) shows as both growing; see docs/metrics.md.
 */
@Startup
@ApplicationScoped
public class OutboxBacklog {

    private final Pool pool;
    private final PeriodicRefresh refresh;
    private volatile double rows;
    private volatile double oldestAgeSeconds;

    public OutboxBacklog(Pool pool, MeterRegistry registry, PeriodicRefreshes refreshes) {
        this.pool = pool;
        Gauge.builder("wsis.outbox.backlog", this, b -> b.rows)
                .description("Outbox rows not yet published, as of the last refresh").register(registry);
        Gauge.builder("wsis.outbox.oldest.unpublished.age", this, b -> b.oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest unpublished outbox row has waited (0 when none)").register(registry);
        // Last, so that the first refresh finds every gauge registered.
        this.refresh = refreshes.start("outbox-backlog", this::query);
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
