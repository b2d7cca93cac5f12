package itu.wsis.speaking.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The allocation rule, as a pure function of (sessions, active requests, precedence, frozen). The service recomputes
 * the whole forum with it on every change, so the persisted allocation is always what this function says; the rule
 * is explained in docs/allocation.md.
 * <ol>
 *   <li>Pinned requests (secretariat assignment, substitution) take their seats first, in order of precedence.
 *       While the list is frozen, every request that has a seat keeps it the same way.</li>
 *   <li>Unless frozen, the other requests, in order of precedence, each take the first of their preferred sessions
 *       that offers their modality and still has room. Held and late requests are skipped.</li>
 *   <li>Whoever has no seat is on the forum's waiting list: on-time requests first, then late ones, each part in
 *       order of precedence.</li>
 *   <li>Within a session, the speakers follow the order of precedence.</li>
 * </ol>
 * Because the automatic pass serves requests in order of precedence and a session only ever fills up, no request is
 * placed automatically in a session while a request of higher precedence that asked for it waits.
 */
public final class AllocationPolicy {

    private AllocationPolicy() {
    }

    /**
     * Allocates each pool by itself: the high-level policy sessions together, and each ministerial round table alone,
     * with the requests that name it. A round table's seats are never offered to a request for speaking time, nor the
     * reverse, and each pool has its own waiting list (positions from 1).
     */
    public static Allocation allocate(List<SessionSlots> sessions, List<Candidate> candidates, Precedence precedence,
                                      boolean frozen) {
        Map<UUID, List<SessionSlots>> pools = new LinkedHashMap<>();
        pools.put(null, new ArrayList<>());
        Map<UUID, UUID> poolOfSession = new HashMap<>();
        for (SessionSlots s : sessions) {
            UUID pool = s.roundTable() ? s.sessionId() : null;
            pools.computeIfAbsent(pool, p -> new ArrayList<>()).add(s);
            poolOfSession.put(s.sessionId(), pool);
        }
        Map<UUID, List<Candidate>> byPool = new HashMap<>();
        for (Candidate c : candidates) {
            byPool.computeIfAbsent(poolOf(c, poolOfSession), p -> new ArrayList<>()).add(c);
        }
        if (pools.size() == 1) {
            return allocatePool(sessions, candidates, precedence, frozen);
        }
        Map<UUID, Outcome> outcomes = new HashMap<>();
        Map<UUID, List<UUID>> speakers = new LinkedHashMap<>();
        List<UUID> waiting = new ArrayList<>();
        Map<UUID, List<Note>> notes = new HashMap<>();
        pools.forEach((pool, inPool) -> {
            Allocation a = allocatePool(inPool, byPool.getOrDefault(pool, List.of()), precedence, frozen);
            outcomes.putAll(a.outcomes());
            speakers.putAll(a.speakersBySession());
            waiting.addAll(a.waitingList());
            notes.putAll(a.notes());
        });
        return new Allocation(outcomes, speakers, waiting, notes);
    }

    /**
     * A request belongs to the round table it names (a round-table request names exactly one, {@link
     * SubmissionPolicy}), any other to the high-level policy sessions' pool (null), as does one whose sessions are
     * all unknown.
     */
    static UUID poolOf(Candidate c, Map<UUID, UUID> poolOfSession) {
        for (UUID wanted : c.preferredSessionIds()) {
            if (poolOfSession.containsKey(wanted)) {
                return poolOfSession.get(wanted);
            }
        }
        return null;
    }

    private static Allocation allocatePool(List<SessionSlots> sessions, List<Candidate> candidates,
                                           Precedence precedence, boolean frozen) {
        Comparator<Candidate> order = precedence.comparator();
        Map<UUID, SessionSlots> byId = new LinkedHashMap<>();
        sessions.forEach(s -> byId.put(s.sessionId(), s));
        Map<UUID, Integer> room = new HashMap<>();
        sessions.forEach(s -> room.put(s.sessionId(), s.capacity()));

        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(order);
        Map<UUID, UUID> seat = new HashMap<>();
        Map<UUID, List<Note>> notes = new HashMap<>();

        // 1. Fixed seats: pins first, then (while frozen) whatever already has a seat, each in order of precedence.
        for (boolean pinsPass : new boolean[]{true, false}) {
            for (Candidate c : sorted) {
                UUID target = null;
                Note why = null;
                if (pinsPass && c.placement() instanceof Placement.Pinned pinned) {
                    target = pinned.sessionId();
                    why = new Note.PinnedBy(target, pinned.why());
                } else if (!pinsPass && frozen && c.automatic() && c.currentSessionId() != null) {
                    target = c.currentSessionId();
                    why = new Note.Frozen(true);
                }
                if (target == null) {
                    continue;
                }
                if (!byId.containsKey(target)) {
                    note(notes, c, new Note.UnknownSession(target));
                } else if (room.get(target) > 0) {
                    room.merge(target, -1, Integer::sum);
                    seat.put(c.requestId(), target);
                    note(notes, c, why);
                } else {
                    // Capacity lowered below the fixed seats, or an assignment took the seat: this one waits.
                    note(notes, c, new Note.SessionFull(target));
                }
            }
        }

        // 2. The automatic pass, in order of precedence.
        for (Candidate c : sorted) {
            if (seat.containsKey(c.requestId()) || c.placement() instanceof Placement.Pinned) {
                continue;
            }
            if (c.placement() instanceof Placement.Held held) {
                note(notes, c, new Note.HeldBecause(held.why()));
                continue;
            }
            if (frozen) {
                if (c.currentSessionId() == null) {
                    note(notes, c, new Note.Frozen(false));
                }
                continue;
            }
            for (UUID wanted : c.preferredSessionIds()) {
                SessionSlots session = byId.get(wanted);
                if (session == null) {
                    note(notes, c, new Note.UnknownSession(wanted));
                } else if (!session.accepts(c.modality())) {
                    note(notes, c, new Note.ModalityNotOffered(wanted, c.modality()));
                } else if (room.get(wanted) > 0) {
                    room.merge(wanted, -1, Integer::sum);
                    seat.put(c.requestId(), wanted);
                    break;
                } else {
                    note(notes, c, new Note.SessionFull(wanted));
                }
            }
        }

        // 3. Orders of speakers and the waiting list.
        Map<UUID, List<UUID>> speakers = new LinkedHashMap<>();
        Map<UUID, Outcome> outcomes = new HashMap<>();
        for (SessionSlots s : sessions) {
            List<UUID> inSession = sorted.stream().filter(c -> s.sessionId().equals(seat.get(c.requestId())))
                    .map(Candidate::requestId).toList();
            speakers.put(s.sessionId(), inSession);
            for (int i = 0; i < inSession.size(); i++) {
                outcomes.put(inSession.get(i), new Outcome.Allocated(s.sessionId(), i + 1));
            }
        }
        List<UUID> waiting = sorted.stream().filter(c -> !seat.containsKey(c.requestId()))
                .sorted(Comparator.comparing(Candidate::late).thenComparing(order))
                .map(Candidate::requestId).toList();
        for (int i = 0; i < waiting.size(); i++) {
            outcomes.put(waiting.get(i), new Outcome.Waiting(i + 1));
        }
        return new Allocation(outcomes, speakers, waiting, notes);
    }

    private static void note(Map<UUID, List<Note>> notes, Candidate c, Note note) {
        notes.computeIfAbsent(c.requestId(), id -> new ArrayList<>()).add(note);
    }
}
