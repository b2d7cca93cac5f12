package itu.wsis.support.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The timers run by themselves once started, keep running after a failed query, and all stop at shutdown. */
class PeriodicRefreshesTest {

    final Vertx vertx = Vertx.vertx();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final PeriodicRefreshes refreshes = new PeriodicRefreshes(vertx, registry, () -> Duration.ofMillis(50));

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void everyQueryRunsOnItsTimerUntilShutdown() throws InterruptedException {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger();
        refreshes.start("first", () -> Uni.createFrom().voidItem().invoke(first::incrementAndGet));
        refreshes.start("failing", () -> {
            failing.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("database gone"));
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> first.get() >= 3 && failing.get() >= 3);
        assertThat(registry.counter("wsis.metrics.refresh.failures", "query", "failing").count()).isGreaterThanOrEqualTo(3);

        refreshes.stopAll(null);
        Thread.sleep(100);
        int afterStop = first.get();
        Thread.sleep(300);
        assertThat(first.get()).as("runs after shutdown").isEqualTo(afterStop);
    }
}
