package itu.wsis.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A deadline as the letter states it ("by 15 April", a local date in the forum's zone) and the exact instant it
 * ends. Both travel so that no consumer has to redo the time-zone arithmetic.
 *
 * <p>This record is also the one home of the two rules every service applies to a deadline: where a local day ends
 * ({@link #endOf}) and when a deadline has passed ({@link #hasPassed}).
 */
public record Deadline(LocalDate date, String timeZone, Instant endsAt) {

    /** "Reply by 15 April" in a letter from Geneva: until the end of 15 April in Geneva. */
    public static Deadline byEndOf(LocalDate date, ZoneId zone) {
        return new Deadline(date, zone.getId(), endOf(date, zone));
    }

    /**
     * The end of a local day is the instant the next local day starts. {@code atStartOfDay} (not
     * {@code atTime(MIDNIGHT)}) stays right on days of 23 or 25 hours and where a switch to summer time skips
     * midnight.
     */
    public static Instant endOf(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** A deadline is met by anything strictly before its end: at its end instant it has passed. */
    public static boolean hasPassed(Instant endsAt, Instant now) {
        return !now.isBefore(endsAt);
    }

    public boolean hasPassedAt(Instant now) {
        return hasPassed(endsAt, now);
    }
}
