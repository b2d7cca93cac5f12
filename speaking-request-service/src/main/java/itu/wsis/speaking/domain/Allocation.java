package itu.wsis.speaking.domain;

import itu.wsis.events.SpeakingModality;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The result of {@link AllocationPolicy#allocate}: an outcome for every candidate, each session's order of speakers,
 * the forum's waiting list, and the notes that explain how each outcome came about.
 */
public record Allocation(Map<UUID, Outcome> outcomes,
                         Map<UUID, List<UUID>> speakersBySession,
                         List<UUID> waitingList,
                         Map<UUID, List<Note>> notes) {

    private static final DateTimeFormatter SUBMITTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public Allocation {
        outcomes = Map.copyOf(outcomes);
        speakersBySession = Map.copyOf(speakersBySession);
        waitingList = List.copyOf(waitingList);
        notes = Map.copyOf(notes);
    }

    public Outcome outcomeOf(UUID requestId) {
        return outcomes.get(requestId);
    }

    public int allocatedIn(UUID sessionId) {
        return speakersBySession.getOrDefault(sessionId, List.of()).size();
    }

    /**
     * One line such as "rank MINISTER, in person, submitted 2022-04-02 10:14 Geneva; 31 May 10:00 full; 1 June
     * 10:00 slot 7". {@code sessionLabel} names a session briefly (its day and time).
     */
    public String explain(Candidate candidate, ZoneId zone, String zoneLabel, Function<UUID, String> sessionLabel) {
        return explain(candidate, zone, zoneLabel, sessionLabel, session -> false);
    }

    /**
     * As above, where {@code roundTable} tells the ministerial round tables: a place there is a seat ("2 June 16:30
     * seat 4"), since a round table has no order of speakers.
     */
    public String explain(Candidate candidate, ZoneId zone, String zoneLabel, Function<UUID, String> sessionLabel,
                          java.util.function.Predicate<UUID> roundTable) {
        boolean seat = candidate.preferredSessionIds().stream().anyMatch(roundTable);
        List<String> parts = new ArrayList<>();
        parts.add("rank " + candidate.rank() + ", " + modality(candidate.modality()) + ", submitted "
                + SUBMITTED.format(candidate.submittedAt().atZone(zone)) + " " + zoneLabel
                + (candidate.late() ? " (after the deadline)" : ""));
        for (Note note : notes.getOrDefault(candidate.requestId(), List.of())) {
            parts.add(describe(note, sessionLabel, seat ? "seat" : "slot"));
        }
        Outcome outcome = outcomes.get(candidate.requestId());
        if (outcome instanceof Outcome.Allocated allocated) {
            parts.add(sessionLabel.apply(allocated.sessionId())
                    + (roundTable.test(allocated.sessionId()) ? " seat " : " slot ") + allocated.position());
        } else if (outcome instanceof Outcome.Waiting waiting) {
            parts.add("waiting list position " + waiting.position());
        }
        return String.join("; ", parts);
    }

    private static String describe(Note note, Function<UUID, String> sessionLabel, String place) {
        if (note instanceof Note.SessionFull full) {
            return sessionLabel.apply(full.sessionId()) + " full";
        }
        if (note instanceof Note.ModalityNotOffered no) {
            return sessionLabel.apply(no.sessionId()) + " does not take " + modality(no.modality());
        }
        if (note instanceof Note.UnknownSession unknown) {
            return "session " + unknown.sessionId() + " no longer exists";
        }
        if (note instanceof Note.PinnedBy pinned) {
            return pinned.why() + " to " + sessionLabel.apply(pinned.sessionId());
        }
        if (note instanceof Note.HeldBecause held) {
            return held.why();
        }
        return ((Note.Frozen) note).kept() ? "list frozen: keeps its " + place : "list frozen: no automatic allocation";
    }

    static String modality(SpeakingModality modality) {
        return switch (modality) {
            case IN_PERSON -> "in person";
            case REMOTE_LIVE -> "remote live";
            case VIDEO -> "video";
        };
    }
}
