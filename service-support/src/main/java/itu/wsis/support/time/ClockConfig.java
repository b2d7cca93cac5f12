package itu.wsis.support.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.OffsetDateTime;
import java.util.Optional;

@ConfigMapping(prefix = "wsis.clock")
public interface ClockConfig {

    /** {@code system} in production; {@code running-from} starts at {@link #start()} and runs on from there. */
    @WithDefault("system")
    Mode mode();

    /** Where a {@code running-from} clock starts, e.g. the letter's date for the demo. Default: now. */
    Optional<OffsetDateTime> start();

    /** Whether ops may move the clock forward over HTTP. Only the test and local-stack profiles turn it on. */
    @WithDefault("false")
    boolean opsEndpoint();

    /**
     * How a movable clock is shared with the other services: {@code kafka} through the compacted topic
     * {@link #topic()}, so that every service reads the same business time and a restarted one comes back at it;
     * {@code none} keeps it to this process. Production's system clock needs neither.
     */
    @WithDefault("none")
    Sync sync();

    @WithDefault("wsis.ops.clock")
    String topic();

    enum Sync {
        NONE, KAFKA
    }

    enum Mode {
        SYSTEM, RUNNING_FROM
    }
}
