package itu.wsis.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that starts at a chosen instant and then runs at real speed, and that ops can move forward. It lets the
 * demo live in March 2022 and lets a system test carry all four services past a deadline together.
 */
public final class MovableClock extends Clock {

    private final Instant anchor;
    private final long anchorNanos;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public MovableClock(Instant start) {
        this.anchor = start;
        this.anchorNanos = System.nanoTime();
    }

    @Override
    public Instant instant() {
        return anchor.plusNanos(System.nanoTime() - anchorNanos).plus(offset.get());
    }

    /** Time only moves forward: a deadline that has passed must not un-pass. */
    public Instant advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** Moves to {@code target}, which must not lie in this clock's past. */
    public Instant advanceTo(Instant target) {
        Duration by = Duration.between(instant(), target);
        return advance(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
