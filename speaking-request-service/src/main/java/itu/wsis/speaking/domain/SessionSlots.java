package itu.wsis.speaking.domain;

import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakingModality;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A session as the allocation sees it: capacity (statements of a high-level policy session, seats of a round table),
 * the modalities it takes, and its kind, which decides the pool it is allocated in ({@link AllocationPolicy}).
 */
public record SessionSlots(UUID sessionId, int capacity, Set<SpeakingModality> modalities, Instant startsAt,
                           SessionKind kind) {

    public SessionSlots {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(startsAt, "startsAt");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        modalities = Set.copyOf(modalities);
        kind = kind == null ? SessionKind.HIGH_LEVEL_POLICY_SESSION : kind;
    }

    /** A high-level policy session. */
    public SessionSlots(UUID sessionId, int capacity, Set<SpeakingModality> modalities, Instant startsAt) {
        this(sessionId, capacity, modalities, startsAt, SessionKind.HIGH_LEVEL_POLICY_SESSION);
    }

    public boolean accepts(SpeakingModality modality) {
        return modalities.contains(modality);
    }

    public boolean roundTable() {
        return kind == SessionKind.MINISTERIAL_ROUND_TABLE;
    }
}
