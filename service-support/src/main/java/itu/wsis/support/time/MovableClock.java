package itu.wsis.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Business time as the wall clock plus a shift, which ops can move forward. It lets the demo live in March 2022 and
 * lets a system test carry all four services past a deadline together. The shift alone defines the clock, so
 * services that share it (see {@link ClockSync}) read the same time, and a restarted one reads it again.
 */
public final class MovableClock extends Clock {

    private final Clock wall;
    private final AtomicReference<Duration> shift;

    /** Starts at {@code start} now and runs on at real speed. */
    public MovableClock(Instant start) {
        this(Clock.systemUTC(), start);
    }

    MovableClock(Clock wall, Instant start) {
        this.wall = wall;
        this.shift = new AtomicReference<>(Duration.between(wall.instant(), start));
    }

    @Override
    public Instant instant() {
        return wall.instant().plus(shift.get());
    }

    /** How far business time is ahead of (or, when negative, behind) the wall clock. */
    public Duration shift() {
        return shift.get();
    }

    /** Time only moves forward: a deadline that has passed must not un-pass. */
    public Instant advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + by);
        }
        shift.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** Moves to {@code target}, which must not lie in this clock's past. */
    public Instant advanceTo(Instant target) {
        Duration by = Duration.between(instant(), target);
        return advance(by);
    }

    /**
     * Takes another service's shift if it is ahead of this one's: shared time converges on the furthest, and never
     * moves back. True when this clock moved.
     */
    public boolean adopt(Duration otherShift) {
        Duration before = shift.getAndAccumulate(otherShift, (mine, theirs) -> theirs.compareTo(mine) > 0 ? theirs : mine);
        return otherShift.compareTo(before) > 0;
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
