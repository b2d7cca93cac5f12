package itu.wsis.speaking.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.domain.RequestStatus;
import itu.wsis.speaking.repository.RequestStatusRepository;
import itu.wsis.support.metrics.PeriodicRefresh;
import itu.wsis.support.metrics.PeriodicRefreshes;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speaking requests by outcome, {@code wsis_speaking_requests{status}} (ALLOCATED, WAITLISTED, WITHDRAWN, REJECTED;
 * docs/metrics.md). A gauge of the requests' current state rather than a counter of transitions: a request moves
 * between ALLOCATED and WAITLISTED whenever a list is recomputed (in many places, each in its transaction), and the
 * table is the one place that always says where every request stands. Read every {@code wsis.metrics.refresh-interval}.
 */
@Startup
@ApplicationScoped
public class RequestMetrics {

    private final RequestStatusRepository requests;
    private final PeriodicRefresh refresh;
    private final Map<RequestStatus, Double> byStatus = new ConcurrentHashMap<>();

    public RequestMetrics(RequestStatusRepository requests, MeterRegistry registry, PeriodicRefreshes refreshes) {
        this.requests = requests;
        for (RequestStatus status : RequestStatus.values()) {
            byStatus.put(status, 0.0);
            Gauge.builder("wsis.speaking.requests", byStatus, m -> m.get(status)).tag("status", status.name())
                    .description("Speaking requests by status, as of the last refresh").register(registry);
        }
        // Last, so that the first refresh finds every gauge registered.
        this.refresh = refreshes.start("speaking-requests", this::query);
    }

    /** Refreshes the gauges now; for tests, which need not wait for the timer. */
    public Uni<Void> refreshNow() {
        return refresh.refreshNow();
    }

    private Uni<Void> query() {
        return requests.countsByStatus().invoke(counts -> {
            for (RequestStatus status : RequestStatus.values()) {
                byStatus.put(status, counts.getOrDefault(status.name(), 0L).doubleValue());
            }
        }).replaceWithVoid();
    }
}
