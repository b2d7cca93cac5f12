package itu.wsis.registration.domain;

import itu.wsis.events.Deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Decides whether a reply is on time, against the invitation's own deadline (extensions included), with the time
 * taken from an injected clock so that tests and the demo can move it.
 */
public final class DeadlinePolicy {

    private final Clock clock;

    public DeadlinePolicy(Clock clock) {
        this.clock = clock;
    }

    /** A reply received now, through the web. */
    public Timeliness now(ResponseDeadline deadline) {
        return at(clock.instant(), deadline);
    }

    /** The deadline's end instant itself is already late: "by 15 April" means before 16 April begins. */
    public static Timeliness at(Instant receivedAt, ResponseDeadline deadline) {
        return Deadline.hasPassed(deadline.endsAt(), receivedAt) ? Timeliness.LATE : Timeliness.ON_TIME;
    }

    /**
     * A reply by correspondence is judged by the date of the document, as the letter asks to "confirm before" a
     * date: a note verbale dated on the deadline day is on time even if it is registered days later.
     */
    public static Timeliness ofDocument(LocalDate documentDate, ResponseDeadline deadline) {
        return documentDate.isAfter(deadline.date()) ? Timeliness.LATE : Timeliness.ON_TIME;
    }

    /** Today in the forum's zone, so that a document dated "tomorrow" there can be refused. */
    public LocalDate today(ResponseDeadline deadline) {
        return LocalDate.ofInstant(clock.instant(), deadline.zone());
    }
}
