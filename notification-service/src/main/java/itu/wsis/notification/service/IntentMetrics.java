package itu.wsis.notification.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.repository.IntentStatusRepository;
import itu.wsis.support.metrics.PeriodicRefresh;
import itu.wsis.support.metrics.PeriodicRefreshes;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The delivery log as gauges: intents by status, and how long the longest-overdue pending intent has been due
 * ({@code wsis_notifications_intents}, {@code wsis_notifications_oldest_pending_age_seconds}; docs/metrics.md). Read
 * from the database every {@code wsis.metrics.refresh-interval}, never on the scrape; a failed read keeps the last values.
 */
@Startup
@ApplicationScoped
public class IntentMetrics {

    private final IntentStatusRepository intents;
    private final Clock clock;
    private final PeriodicRefresh refresh;
    private final Map<DeliveryStatus, Double> byStatus = new EnumMap<>(DeliveryStatus.class);
    private volatile double oldestPendingSeconds;

    public IntentMetrics(IntentStatusRepository intents, Clock clock, MeterRegistry registry,
                         PeriodicRefreshes refreshes) {
        this.intents = intents;
        this.clock = clock;
        for (DeliveryStatus status : DeliveryStatus.values()) {
            byStatus.put(status, 0.0);
            Gauge.builder("wsis.notifications.intents", byStatus, m -> m.get(status))
                    .tag("status", status.name())
                    .description("Notification intents in the delivery log, by status, as of the last refresh")
                    .register(registry);
        }
        Gauge.builder("wsis.notifications.oldest.pending.age", this, m -> m.oldestPendingSeconds).baseUnit("seconds")
                .description("How long the longest-overdue pending intent has been due (0 when none is)")
                .register(registry);
        // Last, so that the first refresh finds every gauge registered.
        this.refresh = refreshes.start("notification-intents", this::query);
    }

    /** Refreshes the gauges now; for tests, which need not wait for the timer. */
    public Uni<Void> refreshNow() {
        return refresh.refreshNow();
    }

    private Uni<Void> query() {
        return intents.counts(clock.instant()).invoke(counts -> {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                byStatus.put(status, counts.byStatus().getOrDefault(status.name(), 0L).doubleValue());
            }
            oldestPendingSeconds = counts.oldestPendingSeconds();
        }).replaceWithVoid();
    }
}
