package itu.wsis.support.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "wsis.inbox")
public interface InboxConfig {

    /** Attempts at applying one event before it is sent to the dead-letter topic. */
    @WithDefault("4")
    int maxAttempts();

    @WithDefault("200ms")
    Duration firstBackoff();

    @WithDefault("5s")
    Duration maxBackoff();
}
