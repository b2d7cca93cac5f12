package itu.wsis.support.ratelimit;

import itu.wsis.support.problem.ProblemException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a link, a client address), bounded in memory: the least recently used keys are dropped
 * first, which at worst forgives an old abuser. It measures real elapsed time, not the business clock, since a
 * moved demo clock must not refill buckets.
 */
public final class RateLimiter {

    private final int capacity;
    private final double tokensPerNano;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final Map<String, double[]> buckets;

    public RateLimiter(int permits, Duration per, int maxKeys) {
        this(permits, per, maxKeys, System::nanoTime);
    }

    RateLimiter(int permits, Duration per, int maxKeys, LongSupplier nanoTime) {
        if (permits <= 0 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate needs permits > 0 over a positive duration");
        }
        this.capacity = permits;
        this.tokensPerNano = permits / (double) per.toNanos();
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > RateLimiter.this.maxKeys;
            }
        };
    }

    /** Takes one permit for {@code key}, or answers 429 with the time until the next one. */
    public void acquire(String key) {
        long waitNanos = tryAcquire(key);
        if (waitNanos > 0) {
            throw ProblemException.tooManyRequests(Duration.ofNanos(waitNanos));
        }
    }

    /** 0 when a permit was taken; otherwise the nanoseconds until one will be available. */
    public synchronized long tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[]{capacity, now});
        double tokens = Math.min(capacity, bucket[0] + (now - (long) bucket[1]) * tokensPerNano);
        bucket[1] = now;
        if (tokens >= 1) {
            bucket[0] = tokens - 1;
            return 0;
        }
        bucket[0] = tokens;
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }
}
