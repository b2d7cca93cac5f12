package itu.wsis.speaking.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A request's seat: its session, its 1-based place in the session's order of speakers, when that is planned, and
 * where: the session's room, and its join link only for a remote live speaker (null for any other).
 */
public record Slot(UUID sessionId, int position, Instant plannedStart, String room, String remoteJoinUrl) {
}
