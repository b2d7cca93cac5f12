package itu.wsis.planted.support.problem;

import itu.wsis.planted.support.outbox.Outbox;

/** Planted violation: the HTTP edge uses events. */
public record OutboxReachingProblems(Outbox outbox) {
}
