package itu.wsis.support.ratelimit;

import itu.wsis.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    final AtomicLong now = new AtomicLong();
    final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(30), 2, now::get);

    @Test
    void allowsABurstUpToCapacityThenSaysWhenToRetry() {
        limiter.acquire("link-a");
        limiter.acquire("link-a");
        limiter.acquire("link-a");

        assertThatThrownBy(() -> limiter.acquire("link-a"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.headers()).containsEntry("Retry-After", "10");
                });
    }

    @Test
    void refillsWithTimeAndKeepsKeysApart() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("link-a");
        }
        assertThat(limiter.tryAcquire("link-b")).isZero();
        assertThat(limiter.tryAcquire("link-a")).isPositive();

        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(limiter.tryAcquire("link-a")).isZero();
        assertThat(limiter.tryAcquire("link-a")).isPositive();
    }

    @Test
    void forgetsTheLeastRecentlyUsedKeysBeyondItsBound() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("old");
        }
        limiter.acquire("b");
        limiter.acquire("c");

        assertThat(limiter.tryAcquire("old")).isZero();
    }
}
