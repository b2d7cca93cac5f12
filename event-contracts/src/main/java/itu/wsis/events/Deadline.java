package itu.wsis.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline as the letter states it ("by 15 April", a local date in the forum's zone) and the exact instant it
 * ends. Both travel so that no consumer has to redo the time-zone arithmetic.
 */
public record Deadline(LocalDate date, String timeZone, Instant endsAt) {
}
