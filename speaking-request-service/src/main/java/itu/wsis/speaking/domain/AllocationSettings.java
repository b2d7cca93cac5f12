package itu.wsis.speaking.domain;

import itu.wsis.events.DomainEvent;
import itu.wsis.events.ListOfSpeakersPublished;
import itu.wsis.events.SessionKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A forum's allocation settings: what happens to late requests, whether the lists are frozen, and how often they
 * have been published ({@code publishedRevision} 0: never, so the lists are not public).
 */
public record AllocationSettings(UUID forumId, String code, String timeZone, LatePolicy latePolicy, boolean frozen,
                                 int publishedRevision, Instant publishedAt) {

    /** The settings after a publication, and one ListOfSpeakersPublished per session at the new revision. */
    public record Publication(AllocationSettings settings, List<DomainEvent> events) {

        public Publication {
            events = List.copyOf(events);
        }
    }

    public boolean published() {
        return publishedRevision > 0;
    }

    /**
     * Publishes (or re-publishes) every session's list: the next revision. {@code speakersBySession} counts each
     * session's seated speakers, in the order the events go out. Publishing does not freeze the lists.
     */
    public Publication publish(Map<UUID, Integer> speakersBySession, Instant now) {
        return publish(speakersBySession, Map.of(), now);
    }

    /**
     * {@link #publish(Map, Instant)}, each event naming its session's kind from {@code kinds} (a high-level policy
     * session when absent): a round table's list is its list of participants.
     */
    public Publication publish(Map<UUID, Integer> speakersBySession, Map<UUID, SessionKind> kinds, Instant now) {
        AllocationSettings next = new AllocationSettings(forumId, code, timeZone, latePolicy, frozen,
                publishedRevision + 1, now);
        List<DomainEvent> events = new ArrayList<>();
        speakersBySession.forEach((sessionId, speakers) -> events.add(new ListOfSpeakersPublished(UUID.randomUUID(),
                now, forumId, sessionId, next.publishedRevision(), speakers,
                kinds.getOrDefault(sessionId, SessionKind.HIGH_LEVEL_POLICY_SESSION))));
        return new Publication(next, events);
    }
}
