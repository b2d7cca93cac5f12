package itu.wsis.web.security;

import itu.wsis.web.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages' own budget of failures per client address: links that are not links, pages without a link, refused
 * forms. Only failures count, so a client that keeps failing locks out its own failures and nobody's valid link
 * (requests with a genuine link are limited by the services, per link). A token bucket per address, bounded in
 * memory (the least recently used go first), in real time, per instance (docs/security-auth.md). The services
 * keep a budget of the same kind (service-support's RateLimiter); this module shares no code with them.
 */
@ApplicationScoped
public class FailureLimiter {

    private final int capacity;
    private final double tokensPerNano;
    private final int maxKeys;
    private final Map<String, double[]> buckets;

    public FailureLimiter(WebConfig config) {
        WebConfig.Rate rate = config.failuresPerAddress();
        if (rate.permits() <= 0 || rate.per().isNegative() || rate.per().isZero()) {
            throw new IllegalArgumentException("a rate needs permits > 0 over a positive duration");
        }
        this.capacity = rate.permits();
        this.tokensPerNano = rate.permits() / (double) rate.per().toNanos();
        this.maxKeys = config.maxAddresses();
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > FailureLimiter.this.maxKeys;
            }
        };
    }

    /** Counts one failure of {@code address}: 0 when within budget, else the seconds until the next is allowed. */
    public synchronized long fail(String address) {
        long now = System.nanoTime();
        double[] bucket = buckets.computeIfAbsent(address == null ? "unknown" : address, k -> new double[]{capacity, now});
        double tokens = Math.min(capacity, bucket[0] + (now - (long) bucket[1]) * tokensPerNano);
        bucket[1] = now;
        if (tokens >= 1) {
            bucket[0] = tokens - 1;
            return 0;
        }
        bucket[0] = tokens;
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano / 1e9));
    }
}
