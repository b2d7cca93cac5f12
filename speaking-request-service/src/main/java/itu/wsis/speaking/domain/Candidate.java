package itu.wsis.speaking.domain;

import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingModality;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An active request as the allocation sees it. {@code rank} is the rank of the person who will speak (a
 * substitute's own rank); {@code currentSessionId} is where it sits now, which only matters while the list is
 * frozen.
 */
public record Candidate(UUID requestId, Rank rank, SpeakingModality modality, Instant submittedAt,
                        List<UUID> preferredSessionIds, boolean late, Placement placement, UUID currentSessionId) {

    public Candidate {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(submittedAt, "submittedAt");
        preferredSessionIds = List.copyOf(preferredSessionIds);
        placement = placement == null ? Placement.AUTOMATIC : placement;
    }

    public Candidate withPlacement(Placement newPlacement) {
        return new Candidate(requestId, rank, modality, submittedAt, preferredSessionIds, late, newPlacement,
                currentSessionId);
    }

    public Candidate withCurrentSession(UUID sessionId) {
        return new Candidate(requestId, rank, modality, submittedAt, preferredSessionIds, late, placement, sessionId);
    }

    /** Whether the rule may place this request by itself (not held, not pinned). */
    public boolean automatic() {
        return placement instanceof Placement.Automatic;
    }
}
