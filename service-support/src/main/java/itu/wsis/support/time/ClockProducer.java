package itu.wsis.support.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** The one Clock every business decision about time goes through: deadlines, lateness, reminders, expiry. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(ClockConfig config) {
        if (config.mode() == ClockConfig.Mode.SYSTEM && !config.opsEndpoint()) {
            return Clock.systemUTC();
        }
        Instant start = config.mode() == ClockConfig.Mode.RUNNING_FROM
                ? config.start().map(java.time.OffsetDateTime::toInstant).orElseGet(Instant::now)
                : Instant.now();
        return new MovableClock(start);
    }
}
