package itu.wsis.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "wsis.outbox")
public interface OutboxConfig {

    @WithDefault("true")
    boolean relayEnabled();

    /** How often an idle relay looks for new rows. Short, because it bounds the latency of every email. */
    @WithDefault("100ms")
    Duration pollInterval();

    @WithDefault("250")
    int batchSize();

    /** Long enough to outlive a slow batch; a crashed leader is replaced after this. */
    @WithDefault("15s")
    Duration leaseDuration();

    /** Published rows are kept this long for ops, then purged. */
    @WithDefault("P7D")
    Duration retention();

    /** Distinguishes the instances of one service in the lease; defaults to host name plus a random suffix. */
    Optional<String> instanceId();
}
