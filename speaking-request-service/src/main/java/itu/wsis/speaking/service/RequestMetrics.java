package itu.wsis.speaking.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import itu.wsis.speaking.domain.RequestStatus;
import itu.wsis.speaking.repository.RequestStatusRepository;
import itu.wsis.support.metrics.MetricsConfig;
import itu.wsis.support.metrics.PeriodicRefresh;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speaking requests by outcome, {@code wsis_speaking_requests{status}} (ALLOCATED, WAITLISTED, WITHDRAWN, REJECTED;
 * docs/metrics.md). A gauge of the requests' current state rather than a counter of transitions: a request moves
 * between ALLOCATED and WAITLISTED whenever a list is recomputed (in many places, each in its transaction), and the
 * table is the one place that always says where every request stands. Read every {@code wsis.metrics.refresh-interval}.
 */
@ApplicationScoped
public class RequestMetrics {

    private final RequestStatusRepository requests;
    private final PeriodicRefresh refresh;
    private final Map<RequestStatus, Double> byStatus = new ConcurrentHashMap<>();

    public RequestMetrics(RequestStatusRepository requests, Vertx vertx, MeterRegistry registry, MetricsConfig config) {
        this.requests = requests;
        this.refresh = new PeriodicRefresh("speaking-requests", vertx, registry, config.refreshInterval(), this::query);
        for (RequestStatus status : RequestStatus.values()) {
            byStatus.put(status, 0.0);
            Gauge.builder("wsis.speaking.requests", byStatus, m -> m.get(status)).tag("status", status.name())
                    .description("Speaking requests by status, as of the last refresh").register(registry);
        }
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
        return requests.countsByStatus().invoke(counts -> {
            for (RequestStatus status : RequestStatus.values()) {
                byStatus.put(status, counts.getOrDefault(status.name(), 0L).doubleValue());
            }
        }).replaceWithVoid();
    }
}
