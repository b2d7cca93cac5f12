package itu.wsis.speaking.domain;

import itu.wsis.events.SpeakingModality;

import java.util.UUID;

/** One step of the allocation's reasoning about a request, kept so that every outcome can be explained. */
public sealed interface Note {

    record SessionFull(UUID sessionId) implements Note {
    }

    record ModalityNotOffered(UUID sessionId, SpeakingModality modality) implements Note {
    }

    record UnknownSession(UUID sessionId) implements Note {
    }

    record PinnedBy(UUID sessionId, String why) implements Note {
    }

    record HeldBecause(String why) implements Note {
    }

    /** The list is frozen: the request keeps what it had, and nothing new is placed automatically. */
    record Frozen(boolean kept) implements Note {
    }
}
