package itu.wsis.invitation.domain;

import itu.wsis.events.Deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Reply by 15 April" in a letter from Geneva means until the end of 15 April in Geneva. The end of a local day is
 * the instant the next local day starts: this stays right on days that last 23 or 25 hours and on days whose
 * midnight does not exist (zones that switch to summer time at 00:00).
 */
public final class DeadlinePolicy {

    private DeadlinePolicy() {
    }

    public static Deadline byEndOf(LocalDate date, ZoneId zone) {
        return new Deadline(date, zone.getId(), endOf(date, zone));
    }

    public static Instant endOf(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** A deadline is met by anything strictly before its end. */
    public static boolean hasPassed(Deadline deadline, Instant now) {
        return !now.isBefore(deadline.endsAt());
    }
}
