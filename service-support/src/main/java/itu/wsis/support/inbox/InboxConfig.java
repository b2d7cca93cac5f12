package itu.wsis.support.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "wsis.inbox")
public interface InboxConfig {

    /**
     * Attempts at applying one event whose failure is neither transient nor a rejection (a bug, a constraint race)
     * before it is sent to the dead-letter topic. Transient failures are retried without limit.
     */
    @WithDefault("4")
    int maxAttempts();

    @WithDefault("200ms")
    Duration firstBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * The longest wait between two attempts while the database is unreachable. Short, because it bounds how long
     * the consumer stays idle after the database is back.
     */
    @WithDefault("2s")
    Duration transientMaxBackoff();
}
