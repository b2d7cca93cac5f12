package itu.wsis.system.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The allocation written down again from docs/allocation.md, independently of the service's AllocationPolicy, for
 * the case this scenario produces (no overrides, no freeze, no late request): requests in order of precedence (rank
 * in the default protocol order, in person before remote within a rank, then first come first served) each take
 * the first of their preferred sessions that still has room; the speakers of a session are in order of precedence;
 * everyone else waits, in order of precedence. It also says which emails a change causes, from the event rules of the
 * same page: a new request is allocated or waitlisted, a waiting one seated is promoted, a seated one moved to another
 * session is allocated again, a seated one sent back waits again; a move within a session or along the waiting list
 * is not an event.
 */
public final class ExpectedAllocation {

    /** The protocol order of docs/allocation.md, highest first (the service's default configuration). */
    public static final List<String> RANK_ORDER = List.of("HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "MINISTER",
            "DEPUTY_MINISTER", "AMBASSADOR", "HEAD_OF_DELEGATION", "OTHER");

    /** A request as the scenario submitted it; {@code arrival} is the order of submission (first come). */
    public record Request(UUID invitationId, String memberState, String rank, boolean inPerson, long arrival,
                          List<Integer> preferredSessions) {
    }

    /** Where a request stands: a session (index) and position, or a waiting-list position. */
    public record Outcome(Integer session, int position) {
        boolean seated() {
            return session != null;
        }
    }

    public record Result(List<List<Request>> speakers, List<Request> waiting, Map<UUID, Outcome> outcomes) {
    }

    private final int sessions;
    private final int capacity;
    private final Map<UUID, Request> active = new LinkedHashMap<>();
    private Result current;

    public ExpectedAllocation(int sessions, int capacity) {
        this.sessions = sessions;
        this.capacity = capacity;
        this.current = compute();
    }

    public Result current() {
        return current;
    }

    /** Adds a request and returns the kinds of email each delegation should get for this change. */
    public Map<UUID, List<String>> submit(Request request) {
        active.put(request.invitationId(), request);
        Result before = current;
        current = compute();
        Map<UUID, List<String>> emails = diff(before, current);
        List<String> own = new ArrayList<>();
        own.add("SPEAKING_REQUEST_RECEIVED");
        own.add(current.outcomes().get(request.invitationId()).seated() ? "SPEAKING_SLOT_ALLOCATED"
                : "SPEAKING_REQUEST_WAITLISTED");
        emails.put(request.invitationId(), own);
        return emails;
    }

    /**
     * Withdraws a request and returns the emails that causes: no receipt for the withdrawal itself, but a seat it held
     * was in the delegation's calendar, which gets the cancellation; then those the released seat causes.
     */
    public Map<UUID, List<String>> withdraw(UUID invitationId) {
        if (active.remove(invitationId) == null) {
            throw new IllegalArgumentException("no active request for " + invitationId);
        }
        Result before = current;
        current = compute();
        Map<UUID, List<String>> emails = diff(before, current);
        if (before.outcomes().get(invitationId).seated()) {
            emails.computeIfAbsent(invitationId, k -> new ArrayList<>()).add("SPEAKING_SLOT_CANCELLED");
        }
        return emails;
    }

    private Map<UUID, List<String>> diff(Result before, Result after) {
        Map<UUID, List<String>> emails = new HashMap<>();
        before.outcomes().forEach((id, was) -> {
            Outcome now = after.outcomes().get(id);
            if (now == null) {
                return;
            }
            String kind = null;
            if (!was.seated() && now.seated()) {
                kind = "SPEAKING_REQUEST_PROMOTED";
            } else if (was.seated() && now.seated() && !was.session().equals(now.session())) {
                kind = "SPEAKING_SLOT_MOVED";   // the same calendar entry, updated
            } else if (was.seated() && !now.seated()) {
                kind = "SPEAKING_REQUEST_WAITLISTED";
            }
            if (kind != null) {
                emails.computeIfAbsent(id, k -> new ArrayList<>()).add(kind);
            }
        });
        return emails;
    }

    static Comparator<Request> precedence() {
        return Comparator.<Request>comparingInt(r -> RANK_ORDER.indexOf(r.rank()))
                .thenComparing(r -> !r.inPerson())
                .thenComparingLong(Request::arrival);
    }

    private Result compute() {
        List<Request> ordered = new ArrayList<>(active.values());
        ordered.sort(precedence());
        List<List<Request>> speakers = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            speakers.add(new ArrayList<>());
        }
        List<Request> waiting = new ArrayList<>();
        for (Request r : ordered) {
            boolean seated = false;
            for (int session : r.preferredSessions()) {
                if (speakers.get(session).size() < capacity) {
                    // Served in order of precedence, so appending keeps each session in order of precedence.
                    speakers.get(session).add(r);
                    seated = true;
                    break;
                }
            }
            if (!seated) {
                waiting.add(r);
            }
        }
        Map<UUID, Outcome> outcomes = new HashMap<>();
        for (int s = 0; s < sessions; s++) {
            for (int p = 0; p < speakers.get(s).size(); p++) {
                outcomes.put(speakers.get(s).get(p).invitationId(), new Outcome(s, p + 1));
            }
        }
        for (int w = 0; w < waiting.size(); w++) {
            outcomes.put(waiting.get(w).invitationId(), new Outcome(null, w + 1));
        }
        return new Result(speakers, waiting, outcomes);
    }
}
