package itu.wsis.speaking.domain;

import itu.wsis.events.SpeakingModality;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A high-level policy session as the allocation sees it: capacity in statements and the modalities it takes. */
public record SessionSlots(UUID sessionId, int capacity, Set<SpeakingModality> modalities, Instant startsAt) {

    public SessionSlots {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(startsAt, "startsAt");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        modalities = Set.copyOf(modalities);
    }

    public boolean accepts(SpeakingModality modality) {
        return modalities.contains(modality);
    }
}
