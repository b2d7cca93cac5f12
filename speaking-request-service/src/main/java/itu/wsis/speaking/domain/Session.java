package itu.wsis.speaking.domain;

import itu.wsis.events.Language;
import itu.wsis.events.SpeakingModality;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A high-level policy session: its titles, its time in the forum's time zone ({@code zone}), how many statements it
 * takes ({@code capacity}, of which {@code allocated} are seated) and how long each is.
 */
public record Session(UUID id, UUID forumId, Map<Language, String> titles, Instant startsAt, Instant endsAt,
                      ZoneId zone, int capacity, int allocated, int statementMinutes,
                      Set<SpeakingModality> modalities) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(zone, "zone");
        // Kept in the enums' order, which is the order the answers list them in.
        titles = titles.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(titles));
        modalities = modalities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(modalities));
    }

    /** When the speaker at {@code position} (1-based) is planned to start: one statement after the other. */
    public Instant plannedStart(int position) {
        return plannedStart(startsAt, statementMinutes, position);
    }

    public static Instant plannedStart(Instant startsAt, int statementMinutes, int position) {
        return startsAt.plus(Duration.ofMinutes((long) statementMinutes * (position - 1)));
    }
}
