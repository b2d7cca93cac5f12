package itu.wsis.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: request i is due at t0 + i/rate whatever happened to the earlier ones, and its latency is counted
 * from that intended time, not from when the client managed to send it. A stalled server therefore shows up in the
 * percentiles instead of silently slowing the client down (coordinated omission).
 */
final class OpenLoop {

    /** An invitation with the personal link its email carried. */
    record Invitee(UUID invitationId, String token) {
    }

    record Outcome(Histogram latencyMicros, long sent, long created, long unchanged, long failed, long late,
                   Map<UUID, Long> intendedNanos, Map<Integer, Long> statuses, double achievedRate,
                   Map<UUID, Long> createdNanos) {
    }

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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // Completions arrive on the client's threads concurrently.
        Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong created = new AtomicLong();
        AtomicLong unchanged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Map<UUID, Long> intended = new ConcurrentHashMap<>();
        Map<UUID, Long> createdAt = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch((int) count);
        long periodNanos = (long) (1e9 / rate);
        long late = 0;
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (long i = 0; i < count; i++) {
            long due = t0 + i * periodNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - due > TimeUnit.MILLISECONDS.toNanos(1)) {
                late++;
            }
            Invitee who = invitees.get((int) (i % invitees.size()));
            int pass = (int) (i / invitees.size()) + passOffset;
            String mode = modes != null ? modes.next(who.invitationId()) : pass % 2 == 0 ? "IN_PERSON" : "REMOTE";
            boolean first = intended.putIfAbsent(who.invitationId(), due) == null;
            String baseUrl = baseUrls.get((int) (i % baseUrls.size()));
            progress.sent.incrementAndGet();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/invitations/" + who.invitationId() + "/accept"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("WSIS-Personal-Link", who.token())
                    .POST(HttpRequest.BodyPublishers.ofString(acceptBody(mode))).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                long micros = TimeUnit.NANOSECONDS.toMicros(now - due);
                progress.answered.incrementAndGet();
                histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                if (error != null) {
                    failed.incrementAndGet();
                    statuses.merge(-1, 1L, Long::sum);
                } else {
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    switch (response.statusCode()) {
                        case 201 -> {
                            created.incrementAndGet();
                            progress.created.incrementAndGet();
                            if (first) {
                                createdAt.putIfAbsent(who.invitationId(), now);
                            }
                        }
                        case 200 -> unchanged.incrementAndGet();
                        default -> failed.incrementAndGet();
                    }
                }
                done.countDown();
            });
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        done.await(60, TimeUnit.SECONDS);
        return new Outcome(histogram.copy(), count, created.get(), unchanged.get(), failed.get(), late, intended,
                statuses, count / Math.max(elapsed, 1e-9), createdAt);
    }
}
