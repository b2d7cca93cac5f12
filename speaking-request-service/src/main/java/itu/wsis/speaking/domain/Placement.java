package itu.wsis.speaking.domain;

import java.util.Objects;
import java.util.UUID;

/** How a request takes part in the allocation: by the rule, or by a secretariat decision that the rule respects. */
public sealed interface Placement {

    /** Placed by the order of precedence and its preferences. */
    record Automatic() implements Placement {
    }

    /**
     * Pinned to one session: by a secretariat assignment, or kept there after a substitution (see
     * docs/allocation.md). Pinned requests take their seats before the automatic ones.
     */
    record Pinned(UUID sessionId, String why) implements Placement {
        public Pinned {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Kept on the waiting list and never promoted automatically (secretariat hold, or a late request). */
    record Held(String why) implements Placement {
        public Held {
            Objects.requireNonNull(why, "why");
        }
    }

    Placement AUTOMATIC = new Automatic();
}
