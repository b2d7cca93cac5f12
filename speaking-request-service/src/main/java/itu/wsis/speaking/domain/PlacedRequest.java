package itu.wsis.speaking.domain;

import java.util.Objects;

/**
 * A request with its place in the forum's allocation: the slot it holds (null when it waits or has ended) and the
 * line that explains its outcome (null once it has ended).
 */
public record PlacedRequest(SpeakingRequest request, Slot slot, String explanation) {

    public PlacedRequest {
        Objects.requireNonNull(request, "request");
    }
}
