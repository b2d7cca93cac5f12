package itu.wsis.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load: request i is due at t0 + i/rate whatever happened to the earlier ones, and its latency is counted
 * from that intended time, not from when the client managed to send it. A stalled server therefore shows up in the
 * percentiles instead of silently slowing the client down (coordinated omission).
 */
final class OpenLoop {

    /** In the statuses, the requests still unanswered 60 s after the last was sent (counted as failed). */
    static final int NO_ANSWER = -2;

    /** Connections to one instance at most: enough that no request waits in the client at the bench's rates. */
    static final int MAX_CONNECTIONS = 256;

    /** An invitation with the personal link its email carried. */
    record Invitee(UUID invitationId, String token) {
    }

    record Outcome(Histogram latencyMicros, long sent, long created, long unchanged, long failed, long late,
                   Map<UUID, Long> intendedNanos, Map<Integer, Long> statuses, double achievedRate,
                   Map<UUID, Long> createdNanos, List<Slow> slow) {
    }

    /**
     * A request answered after more than {@link #SLOW_MICROS}: when it was due on the wall clock (to set beside a log
     * of the service, the JVM or PostgreSQL) and how long it took. At most {@link #MAX_SLOW} per run are kept.
     */
    record Slow(long dueEpochMillis, long latencyMicros) {
    }

    /** The latency goal's p99 bound: a request slower than this is one the tail is made of. */
    static final long SLOW_MICROS = 25_000;
    static final int MAX_SLOW = 5_000;

    /**
     * The next mode of each invitation, shared by the open-loop phases that use the same invitations: each request
     * asks for the other mode than the last one sent, so that it writes a new reply version (201) wherever it is in
     * the list and whatever phase came before.
     */
    static final class Modes {
        private final Map<UUID, String> last = new ConcurrentHashMap<>();

        String next(UUID id) {
            return last.compute(id, (k, v) -> "IN_PERSON".equals(v) ? "REMOTE" : "IN_PERSON");
        }
    }

    /** Live counters, read by a sampler while the run goes on. */
    static final class Progress {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong created = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
    }

    private OpenLoop() {
    }

    static String acceptBody(String mode) {
        return "{\"mode\":\"" + mode + "\",\"delegation\":[{\"name\":\"Bench Delegate\",\"title\":\"Minister\","
                + "\"email\":\"delegate@bench.example.org\",\"accessibilityNeed\":null,\"headOfDelegation\":true}]}";
    }

    /**
     * Sends {@code count} accepts at {@code rate}/s over {@code invitees}, round robin. Each pass over the list
     * switches the mode (IN_PERSON, REMOTE, ...), so every request changes the reply and writes a new version,
     * as long as {@code passOffset} says which mode the invitations currently have (0: no reply yet).
     */
    static Outcome run(String baseUrl, List<Invitee> invitees, double rate, long count, int passOffset) throws InterruptedException {
        return run(List.of(baseUrl), invitees, rate, count, passOffset, null, new Progress());
    }

    /**
     * As above, over several instances of the service in turn (as a load balancer would), with the modes taken from
     * {@code modes} when given (then {@code passOffset} is unused).
     */
    static Outcome run(List<String> baseUrls, List<Invitee> invitees, double rate, long count, int passOffset, Modes modes,
                       Progress progress) throws InterruptedException {
        // One thread sends, reads and records, so the histogram and the counters need no locks; the maps and the
        // progress are read by other threads (the backlog sampler, the caller after the run).
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long[] tally = new long[3];
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Map<UUID, Long> intended = new ConcurrentHashMap<>();
        Map<UUID, Long> createdAt = new ConcurrentHashMap<>();
        List<Slow> slow = new ArrayList<>();
        long periodNanos = (long) (1e9 / rate);
        long late = 0;
        long unanswered;
        double elapsed;
        try (Http1Loop http = new Http1Loop(baseUrls, MAX_CONNECTIONS, TimeUnit.SECONDS.toNanos(30))) {
            long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            long epochMillisAtT0 = System.currentTimeMillis() + 50;
            for (long i = 0; i < count; i++) {
                long due = t0 + i * periodNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    http.poll(wait);
                }
                if (System.nanoTime() - due > TimeUnit.MILLISECONDS.toNanos(1)) {
                    late++;
                }
                Invitee who = invitees.get((int) (i % invitees.size()));
                int pass = (int) (i / invitees.size()) + passOffset;
                String mode = modes != null ? modes.next(who.invitationId()) : pass % 2 == 0 ? "IN_PERSON" : "REMOTE";
                boolean first = intended.putIfAbsent(who.invitationId(), due) == null;
                int target = (int) (i % baseUrls.size());
                progress.sent.incrementAndGet();
                http.send(target, http.request(target, "POST", "/invitations/" + who.invitationId() + "/accept",
                        "application/json", acceptBody(mode), "WSIS-Personal-Link", who.token()), (status, now) -> {
                    progress.answered.incrementAndGet();
                    long micros = TimeUnit.NANOSECONDS.toMicros(now - due);
                    histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                    if (micros > SLOW_MICROS && slow.size() < MAX_SLOW) {
                        slow.add(new Slow(epochMillisAtT0 + TimeUnit.NANOSECONDS.toMillis(due - t0), micros));
                    }
                    statuses.merge(status, 1L, Long::sum);
                    switch (status) {
                        case 201 -> {
                            tally[0]++;
                            progress.created.incrementAndGet();
                            if (first) {
                                createdAt.putIfAbsent(who.invitationId(), now);
                            }
                        }
                        case 200 -> tally[1]++;
                        default -> tally[2]++;
                    }
                });
            }
            elapsed = (System.nanoTime() - t0) / 1e9;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long left;
            while (http.outstanding() > 0 && (left = deadline - System.nanoTime()) > 0) {
                http.poll(left);
            }
            unanswered = http.outstanding();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (unanswered > 0) {
            statuses.merge(NO_ANSWER, unanswered, Long::sum);
        }
        return new Outcome(histogram, count, tally[0], tally[1], tally[2] + unanswered, late, intended,
                statuses, count / Math.max(elapsed, 1e-9), createdAt, List.copyOf(slow));
    }
}
