package itu.wsis.planted.support.outbox;

import itu.wsis.planted.support.time.Clocks;

/** Planted violation: events use the clock. */
public record ClockReachingOutbox(Clocks clocks) {
}
