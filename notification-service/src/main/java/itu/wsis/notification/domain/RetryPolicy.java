package itu.wsis.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a transiently failed email again: exponential backoff from {@code first}, capped at {@code max}, and
 * no more than {@code maxAttempts} attempts in all. An outage of minutes is thus bridged by a few retries.
 */
public record RetryPolicy(Duration first, Duration max, int maxAttempts) {

    public RetryPolicy {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("need 0 < first <= max and maxAttempts >= 1");
        }
    }

    /** The next attempt after {@code attemptsSoFar} failed attempts, or empty when it is time to give up. */
    public Optional<Instant> nextAttempt(int attemptsSoFar, Instant now) {
        if (attemptsSoFar >= maxAttempts) {
            return Optional.empty();
        }
        int exponent = Math.max(0, Math.min(attemptsSoFar - 1, 30));
        long millis = first.toMillis() << exponent;
        Duration delay = millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
        return Optional.of(now.plus(delay));
    }
}
