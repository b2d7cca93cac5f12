package itu.wsis.speaking.domain;

import java.time.Instant;
import java.util.UUID;

/** A request's seat: its session, its 1-based place in the session's order of speakers, and when that is planned. */
public record Slot(UUID sessionId, int position, Instant plannedStart) {
}
