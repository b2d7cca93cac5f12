package itu.wsis.speaking.domain;

import itu.wsis.events.AllocationFrozen;
import itu.wsis.events.AllocationUnfrozen;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.ListOfSpeakersPublished;
import itu.wsis.events.SessionKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The settings after a freeze or an unfreeze, and the event that records it: none when the forum already was in
     * that state, so that repeating the call (a retried request, a double click) leaves no second entry in the trail.
     */
    public record FreezeChange(AllocationSettings settings, Optional<DomainEvent> event) {

        public boolean changed() {
            return event.isPresent();
        }
    }

    public boolean published() {
        return publishedRevision > 0;
    }

    /**
     * Stops every automatic change of the allocation; the secretariat's overrides still apply. The event names no
     * actor: the outbox stamps the caller's, as for the allocation's other events.
     */
    public FreezeChange freeze(Instant now) {
        if (frozen) {
            return new FreezeChange(this, Optional.empty());
        }
        return new FreezeChange(withFrozen(true), Optional.of(new AllocationFrozen(UUID.randomUUID(), now, forumId,
                null)));
    }

    /** Lets the rule run again; the caller re-allocates the forum. */
    public FreezeChange unfreeze(Instant now) {
        if (!frozen) {
            return new FreezeChange(this, Optional.empty());
        }
        return new FreezeChange(withFrozen(false), Optional.of(new AllocationUnfrozen(UUID.randomUUID(), now,
                forumId, null)));
    }

    private AllocationSettings withFrozen(boolean value) {
        return new AllocationSettings(forumId, code, timeZone, latePolicy, value, publishedRevision, publishedAt);
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
