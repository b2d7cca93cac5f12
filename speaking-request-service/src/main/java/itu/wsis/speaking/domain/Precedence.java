package itu.wsis.speaking.domain;

import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingModality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The order of precedence: rank in a configurable order, then (optionally) in person before remote, then
 * submission time (first come, first served), then the request id so that the order is total and deterministic.
 */
public record Precedence(List<Rank> rankOrder, boolean inPersonFirst) {

    public Precedence {
        Objects.requireNonNull(rankOrder, "rankOrder");
        // Ranks the configuration forgets still need a place: they follow the listed ones in protocol order.
        LinkedHashSet<Rank> complete = new LinkedHashSet<>(rankOrder);
        complete.addAll(List.of(Rank.values()));
        rankOrder = List.copyOf(new ArrayList<>(complete));
    }

    public static Precedence protocol() {
        return new Precedence(List.of(Rank.values()), true);
    }

    public int rankIndex(Rank rank) {
        return rankOrder.indexOf(rank);
    }

    /** Lower sorts first, i.e. speaks or is served first. */
    public Comparator<Candidate> comparator() {
        return Comparator.<Candidate>comparingInt(c -> rankIndex(c.rank()))
                .thenComparingInt(c -> inPersonFirst && c.modality() != SpeakingModality.IN_PERSON ? 1 : 0)
                .thenComparing(Candidate::submittedAt)
                .thenComparing(Candidate::requestId);
    }
}
