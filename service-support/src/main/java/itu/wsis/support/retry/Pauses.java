package itu.wsis.support.retry;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between two attempts without leaving the caller's Vert.x context. Mutiny's own back-off resumes on a
 * worker thread, where Hibernate Reactive has no session and refuses to run: a retry must come back on the
 * context it started from.
 */
@ApplicationScoped
public class Pauses {

    private final Vertx vertx;

    public Pauses(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A pause that resumes on {@code context} (the caller's, captured before the first attempt). */
    public Uni<Void> pause(Duration delay, Context context) {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
            if (context != null) {
                context.runOnContext(ignored -> emitter.complete(null));
            } else {
                emitter.complete(null);
            }
        }));
    }

    /** Exponential from {@code first}, capped at {@code max}, with ±20% jitter so that instances do not retry in step. */
    public static Duration backoff(Duration first, Duration max, int failuresSoFar) {
        long base = first.toMillis() << Math.min(Math.max(failuresSoFar, 0), 20);
        long capped = base <= 0 || base > max.toMillis() ? max.toMillis() : base;
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }
}
