package itu.wsis.speaking.domain;

import itu.wsis.events.DomainEvent;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.events.SpeakingSlotRescheduled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a recomputation of a forum changes for each active request, and which of those changes are news. A new
 * request is announced allocated or waitlisted; a waiting one promoted; a seated one moved to another session or
 * back to the waiting list. A move within one session's order is not an event: the list of speakers shows it.
 */
public final class Reallocation {

    private Reallocation() {
    }

    /**
     * An active request as it stood before: its status, the session it sat in (null when it waited), and whether it
     * is the request being submitted now.
     */
    public record Before(UUID requestId, UUID invitationId, SpeakingModality modality, RequestStatus status,
                         UUID sessionId, boolean isNew, SessionKind kind) {

        public Before {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(status, "status");
            kind = kind == null ? SessionKind.HIGH_LEVEL_POLICY_SESSION : kind;
        }

        /** A request for speaking time at the high-level policy sessions. */
        public Before(UUID requestId, UUID invitationId, SpeakingModality modality, RequestStatus status,
                      UUID sessionId, boolean isNew) {
            this(requestId, invitationId, modality, status, sessionId, isNew, SessionKind.HIGH_LEVEL_POLICY_SESSION);
        }
    }

    /** Where the recomputation leaves one request: ALLOCATED, or WAITLISTED at a position. */
    public record After(UUID requestId, RequestStatus status, Integer waitingPosition) {
    }

    public record Result(List<After> requests, List<DomainEvent> events) {

        public Result {
            requests = List.copyOf(requests);
            events = List.copyOf(events);
        }
    }

    /**
     * @param sessions    the forum's sessions by id
     * @param explanation the line that explains a request's outcome, for the waiting list's event
     */
    public static Result of(Allocation allocation, List<Before> before, Map<UUID, Session> sessions,
                            Function<UUID, String> explanation, Instant now) {
        List<After> after = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        for (Before r : before) {
            Outcome outcome = allocation.outcomeOf(r.requestId());
            if (outcome instanceof Outcome.Allocated allocated) {
                Session session = sessions.get(allocated.sessionId());
                boolean promoted = !r.isNew() && r.status() == RequestStatus.WAITLISTED;
                boolean moved = !r.isNew() && r.sessionId() != null && !r.sessionId().equals(session.id());
                int position = allocated.position();
                if (r.isNew() || moved) {
                    events.add(new SpeakingSlotAllocated(UUID.randomUUID(), now, r.invitationId(), r.requestId(),
                            session.id(), session.titles(), session.startsAt(), session.zone().getId(), position,
                            session.plannedStart(position), session.seatMinutes(), r.modality(),
                            session.room(), session.remoteJoinUrlFor(r.modality()), session.kind()));
                } else if (promoted) {
                    events.add(new SpeakingRequestPromoted(UUID.randomUUID(), now, r.invitationId(), r.requestId(),
                            session.id(), session.titles(), session.startsAt(), session.zone().getId(), position,
                            session.plannedStart(position), session.seatMinutes(), r.modality(),
                            session.room(), session.remoteJoinUrlFor(r.modality()), session.kind()));
                }
                after.add(new After(r.requestId(), RequestStatus.ALLOCATED, null));
            } else if (outcome instanceof Outcome.Waiting waiting) {
                boolean demoted = !r.isNew() && r.status() == RequestStatus.ALLOCATED;
                if (r.isNew() || demoted) {
                    events.add(new SpeakingRequestWaitlisted(UUID.randomUUID(), now, r.invitationId(), r.requestId(),
                            waiting.position(), explanation.apply(r.requestId()), r.kind()));
                }
                after.add(new After(r.requestId(), RequestStatus.WAITLISTED, waiting.position()));
            }
        }
        return new Result(after, events);
    }

    /**
     * After a session changed (its time, statement length, room or join link): a SpeakingSlotRescheduled for each
     * request that kept its seat in {@code changed} but whose planned start moved or whose place changed as that
     * request sees it (the room; the join link only for a remote live speaker), so that whoever put the slot in a
     * calendar is told. Requests whose outcome {@code announced} already covers (allocated, promoted, waitlisted) are
     * left out.
     *
     * @param previous      the session as it was before the change
     * @param plannedBefore the planned start of each request seated in the session before the change
     */
    public static List<DomainEvent> reschedules(Session changed, Session previous, Allocation allocation,
                                                List<Before> requests, Map<UUID, Instant> plannedBefore,
                                                List<DomainEvent> announced, Instant now) {
        Set<UUID> told = new HashSet<>();
        for (DomainEvent e : announced) {
            if (e instanceof SpeakingSlotAllocated a) {
                told.add(a.requestId());
            } else if (e instanceof SpeakingRequestPromoted p) {
                told.add(p.requestId());
            } else if (e instanceof SpeakingRequestWaitlisted w) {
                told.add(w.requestId());
            }
        }
        List<DomainEvent> events = new ArrayList<>();
        for (Before r : requests) {
            if (told.contains(r.requestId()) || !plannedBefore.containsKey(r.requestId())
                    || !(allocation.outcomeOf(r.requestId()) instanceof Outcome.Allocated seat)
                    || !seat.sessionId().equals(changed.id())) {
                continue;
            }
            Instant planned = changed.plannedStart(seat.position());
            if (!planned.equals(plannedBefore.get(r.requestId()))
                    || changed.placeDiffersFor(previous, r.modality())
                    || changed.roundTable() && changed.seatMinutes() != previous.seatMinutes()) {
                events.add(new SpeakingSlotRescheduled(UUID.randomUUID(), now, r.invitationId(), r.requestId(),
                        changed.id(), changed.titles(), changed.startsAt(), changed.zone().getId(), seat.position(),
                        planned, changed.seatMinutes(), r.modality(), changed.room(),
                        changed.remoteJoinUrlFor(r.modality()), changed.kind()));
            }
        }
        return events;
    }
}
