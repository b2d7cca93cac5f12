package itu.wsis.registration.domain;

import itu.wsis.events.Deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The reply deadline as the letter states it ("by 15 April", a date in the forum's zone) and the instant it ends.
 * The instant is what decides; the date is what people read, and what a dated letter is compared with.
 */
public record ResponseDeadline(LocalDate date, ZoneId zone, Instant endsAt) {

    public ResponseDeadline {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(endsAt, "endsAt");
    }

    /** "By 15 April" includes all of 15 April in the forum's zone ({@link Deadline#endOf}). */
    public static ResponseDeadline endOfDay(LocalDate date, ZoneId zone) {
        return new ResponseDeadline(date, zone, Deadline.endOf(date, zone));
    }
}
