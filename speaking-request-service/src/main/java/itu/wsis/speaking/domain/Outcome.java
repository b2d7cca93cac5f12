package itu.wsis.speaking.domain;

import java.util.UUID;

/** Where the allocation puts one request. */
public sealed interface Outcome {

    /** A slot: the 1-based position in the session's order of speakers. */
    record Allocated(UUID sessionId, int position) implements Outcome {
    }

    /** The forum's waiting list, 1-based. */
    record Waiting(int position) implements Outcome {
    }
}
