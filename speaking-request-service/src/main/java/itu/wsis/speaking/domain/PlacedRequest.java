package itu.wsis.speaking.domain;

import itu.wsis.events.SessionKind;

import java.util.Objects;

/**
 * A request with its place in the forum's allocation: the slot it holds (null when it waits or has ended) and the
 * line that explains its outcome (null once it has ended).
 */
public record PlacedRequest(SpeakingRequest request, Slot slot, String explanation, SessionKind sessionKind) {

    public PlacedRequest {
        Objects.requireNonNull(request, "request");
        sessionKind = sessionKind == null ? SessionKind.HIGH_LEVEL_POLICY_SESSION : sessionKind;
    }

    /** A request for speaking time at the high-level policy sessions. */
    public PlacedRequest(SpeakingRequest request, Slot slot, String explanation) {
        this(request, slot, explanation, SessionKind.HIGH_LEVEL_POLICY_SESSION);
    }
}
