package itu.wsis.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "wsis.outbox")
public interface OutboxConfig {

    @WithDefault("true")
    boolean relayEnabled();

    /** How often an idle relay looks for new rows. Short, because it bounds the latency of every email. */
    @WithDefault("100ms")
    Duration pollInterval();

    @WithDefault("250")
    int batchSize();

    /**
     * How long the relay's lease lasts, in the database's time; a crashed leader is replaced after this. It must be
     * longer than the longest a batch can take to be acknowledged (the producer's {@code max.block.ms} plus its
     * {@code delivery.timeout.ms}, plus a margin), or a second instance could take the lease while the first one's
     * sends are still in flight and publish the same rows again, out of order. The relay checks this at start.
     */
    @WithDefault("30s")
    Duration leaseDuration();

    /** Slack on top of the producer's own limits when the relay bounds a batch's sends. */
    @WithDefault("5s")
    Duration sendMargin();

    /** Published rows are kept this long for ops, then purged. */
    @WithDefault("P7D")
    Duration retention();
}
