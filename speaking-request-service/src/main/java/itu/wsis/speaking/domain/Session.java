package itu.wsis.speaking.domain;

import itu.wsis.events.Language;
import itu.wsis.events.SessionKind;
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
 * A session of a forum, of its {@code kind}: a high-level policy session or a ministerial round table. Its titles, its time in the forum's time zone ({@code zone}), how many statements it
 * takes ({@code capacity}, of which {@code allocated} are seated) and how long each is; where it takes place: the
 * {@code room} at the venue and the {@code remoteJoinUrl} that admits remote live speakers (either may be null).
 */
public record Session(UUID id, UUID forumId, Map<Language, String> titles, Instant startsAt, Instant endsAt,
                      ZoneId zone, int capacity, int allocated, int statementMinutes,
                      Set<SpeakingModality> modalities, String room, String remoteJoinUrl, SessionKind kind) {

    public static final int ROOM_MAX = 200;
    public static final int REMOTE_JOIN_URL_MAX = 500;

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(zone, "zone");
        // Kept in the enums' order, which is the order the answers list them in.
        titles = titles.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(titles));
        modalities = modalities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(modalities));
        kind = kind == null ? SessionKind.HIGH_LEVEL_POLICY_SESSION : kind;
    }

    /** A high-level policy session. */
    public Session(UUID id, UUID forumId, Map<Language, String> titles, Instant startsAt, Instant endsAt, ZoneId zone,
                   int capacity, int allocated, int statementMinutes, Set<SpeakingModality> modalities, String room,
                   String remoteJoinUrl) {
        this(id, forumId, titles, startsAt, endsAt, zone, capacity, allocated, statementMinutes, modalities, room,
                remoteJoinUrl, SessionKind.HIGH_LEVEL_POLICY_SESSION);
    }

    public boolean roundTable() {
        return kind == SessionKind.MINISTERIAL_ROUND_TABLE;
    }

    /**
     * How long the holder of a seat is expected for: one statement at a high-level policy session, the whole session
     * at a round table (what the slot events carry as {@code statementMinutes}, so that a calendar entry spans it).
     */
    public int seatMinutes() {
        return roundTable() ? (int) Duration.between(startsAt, endsAt).toMinutes() : statementMinutes;
    }

    /**
     * The join link as {@code modality} may see it: only a remote live speaker is admitted with it, so every other
     * speaker's view and event leaves it out.
     */
    public String remoteJoinUrlFor(SpeakingModality modality) {
        return modality == SpeakingModality.REMOTE_LIVE ? remoteJoinUrl : null;
    }

    /** Whether a speaker with {@code modality} would be told something new about where to go. */
    public boolean placeDiffersFor(Session other, SpeakingModality modality) {
        return !Objects.equals(room, other.room)
                || !Objects.equals(remoteJoinUrlFor(modality), other.remoteJoinUrlFor(modality));
    }

    /**
     * Whether {@code url} may be a session's join link: an absolute https address with a host, nothing that a mail
     * reader or calendar could take for another scheme, no whitespace.
     */
    public static boolean isJoinUrl(String url) {
        if (url == null || url.length() > REMOTE_JOIN_URL_MAX || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.isAbsolute() && !uri.isOpaque()
                    && uri.getHost() != null && !uri.getHost().isBlank() && uri.getUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * When the speaker at {@code position} (1-based) is planned to start: one statement after the other; at a round
     * table every participant is there from the start.
     */
    public Instant plannedStart(int position) {
        return roundTable() ? startsAt : plannedStart(startsAt, statementMinutes, position);
    }

    public static Instant plannedStart(Instant startsAt, int statementMinutes, int position) {
        return startsAt.plus(Duration.ofMinutes((long) statementMinutes * (position - 1)));
    }
}
