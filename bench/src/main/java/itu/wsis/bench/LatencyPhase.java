package itu.wsis.bench;

import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measure 2, accept latency (phase 7): open loop at 50% of (a), notification-service still frozen by the caller,
 * once registration-service's JIT has settled at that rate; latency from each request's intended send time
 * (coordinated omission corrected), HdrHistogram.
 */
final class LatencyPhase {

    static final double SETTLED_JIT_SHARE = 0.10;
    static final int QUIET_WINDOWS = 2;

    private final RunContext ctx;

    LatencyPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    void run(List<OpenLoop.Invitee> invitees, double maxRate) throws Exception {
        Report report = ctx.report;
        Stack stack = ctx.stack;
        ctx.load("latency");
        double rate = Math.max(1, maxRate / 2);
        long count = (long) (rate * ctx.p.latencySeconds());
        report.evidence.put("the JIT settling before the latency run (open loop at the run's rate, unmeasured)",
                settle(invitees, rate));
        String before = ctx.ops().text(Stack.REG + "/q/metrics");
        // Sampled five times less often than in (a): each sample is a query the server answers beside the accepts.
        PgActivity activity = new PgActivity("registration", 100);
        ProcStats.Cpu cpu0 = ProcStats.schedstat(stack, "registration-service");
        MachineCpu.Snapshot machine0 = MachineCpu.take();
        long w0 = System.nanoTime();
        OpenLoop.Outcome o = OpenLoop.run(List.of(Stack.REG), invitees, rate, count, 0, ctx.modes, new OpenLoop.Progress());
        double seconds = (System.nanoTime() - w0) / 1e9;
        MachineCpu.Snapshot machine1 = MachineCpu.take();
        report.evidence.put("CPU and run-queue wait during the latency run", ProcStats.cpuShareByGroup("registration-service",
                cpu0, ProcStats.schedstat(stack, "registration-service"), seconds));
        // What shared the cores with the endpoint: the consumers of the run's own accepts, PostgreSQL, the JIT.
        report.evidence.put("the whole machine's CPU during the latency run, by process (/proc)", MachineCpu.table(
                MachineCpu.shares(machine0, machine1, stack.knownPids()), machine0, machine1, seconds,
                Math.max(1, o.sent()), "accept"));
        activity.close();
        report.evidence.put("registration database connections during the latency run (pg_stat_activity)", activity.text());
        String after = ctx.ops().text(Stack.REG + "/q/metrics");
        report.evidence.put("registration-service /q/metrics, accept endpoint, over the latency run",
                ThroughputPhase.serverTimer(before, after));
        report.evidence.put("registration-service's garbage collections over the latency run (/q/metrics)",
                gcPauses(before, after));
        Histogram h = o.latencyMicros();
        String note = String.format(Locale.ROOT, "at 50%% of (a), notification-service frozen as in (a), once"
                + " registration-service's JIT settled at that rate (evidence);"
                + " %.0f req/s intended (%.0f achieved by the sender), %d requests: %d × 201, %d × 200,"
                + " %d failed; %d sent more than 1 ms late (still timed from the intended instant)", rate, o.achievedRate(),
                o.sent(), o.created(), o.unchanged(), o.failed(), o.late());
        report.figure("2", "accept latency p50 (open loop, from intended send time)", h.getValueAtPercentile(50) / 1000.0,
                "ms", "", null, "", note);
        report.figure("2", "accept latency p99", h.getValueAtPercentile(99) / 1000.0, "ms", "", null, "< 25 ms", "");
        report.figure("2", "accept latency p99.9", h.getValueAtPercentile(99.9) / 1000.0, "ms", "", null, "< 100 ms", "");
        report.figure("2", "accept latency max", h.getMaxValue() / 1000.0, "ms", "", null, "", "");
        report.evidence.put("latency histogram (µs, HdrHistogram percentiles, corrected for coordinated omission by timing from the intended send)",
                Report.percentiles(h));
        report.evidence.put("the latency run's requests slower than " + OpenLoop.SLOW_MICROS / 1000 + " ms, by the"
                + " second they were due in (UTC, to set beside a service's, the JVM's or PostgreSQL's log)",
                slowBySecond(o.slow(), o.sent()));
    }

    /**
     * Whether the tail is a few stalls (many slow requests in a few seconds) or spread over the run (queueing on
     * busy cores): the slow requests grouped by the wall-clock second they were due in, at most 60 seconds listed,
     * the busiest first.
     */
    static String slowBySecond(List<OpenLoop.Slow> slow, long sent) {
        Map<Long, long[]> bySecond = new TreeMap<>();
        for (OpenLoop.Slow s : slow) {
            long[] a = bySecond.computeIfAbsent(s.dueEpochMillis() / 1000, k -> new long[2]);
            a[0]++;
            a[1] = Math.max(a[1], s.latencyMicros());
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d of %d requests (%.2f %%) over %d ms,"
                        + " due in %d distinct seconds%s%n", slow.size(), sent, sent == 0 ? 0 : 100.0 * slow.size() / sent,
                OpenLoop.SLOW_MICROS / 1000, bySecond.size(),
                slow.size() >= OpenLoop.MAX_SLOW ? " (only the first " + OpenLoop.MAX_SLOW + " kept)" : ""));
        if (bySecond.isEmpty()) {
            return out.toString();
        }
        out.append(String.format(Locale.ROOT, "%n%-12s %8s %12s%n", "second", "slow", "slowest ms"));
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
        bySecond.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Long, long[]> e) -> e.getValue()[0]).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(60)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(String.format(Locale.ROOT, "%-12s %8d %12.1f%n",
                        hms.format(Instant.ofEpochSecond(e.getKey())), e.getValue()[0], e.getValue()[1] / 1000.0)));
        if (bySecond.size() > 60) {
            out.append("(").append(bySecond.size() - 60).append(" seconds with fewer slow requests not listed)\n");
        }
        return out.toString();
    }

    /**
     * Sends at the run's rate, in windows of a quarter of the run, until registration-service's JIT compilers used at
     * most {@value #SETTLED_JIT_SHARE} of a core over {@value #QUIET_WINDOWS} windows in a row, for at most three times
     * the run (one quiet window was not enough: in the full run of 2026-12-06, C2 took 2.52 s of the measured 20 s
     * after a window at 6 %). The goal is
     * the service's latency in its steady state; (a)'s closed loop keeps both cores busy, so the C2 compiler ends it
     * hundreds of methods behind, and without this the latency run measured the compiler catching up (a third of the
     * service's CPU in the runs of 2026-12-06) as much as the endpoint. Each window's share and tail are listed.
     */
    private String settle(List<OpenLoop.Invitee> invitees, double rate) throws Exception {
        int window = Math.max(1, ctx.p.latencySeconds() / 4);
        int windows = 3 * ctx.p.latencySeconds() / window;
        StringBuilder trace = new StringBuilder(String.format(Locale.ROOT, "%.0f req/s in windows of %d s, until the"
                + " compilers used at most %.0f%% of a core over %d in a row, at most %d windows:%n", rate, window,
                100 * SETTLED_JIT_SHARE, QUIET_WINDOWS, windows));
        int quiet = 0;
        for (int i = 1; i <= windows; i++) {
            ProcStats.Cpu before = ProcStats.schedstat(ctx.stack, "registration-service");
            long t0 = System.nanoTime();
            OpenLoop.Outcome o = OpenLoop.run(List.of(Stack.REG), invitees, rate, (long) (rate * window), 0, ctx.modes,
                    new OpenLoop.Progress());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double jit = compilerSeconds(before, ProcStats.schedstat(ctx.stack, "registration-service")) / seconds;
            trace.append(String.format(Locale.ROOT, "  window %2d: compilers %4.0f%% of a core; p99 %6.1f ms, %d failed%n",
                    i, 100 * jit, o.latencyMicros().getValueAtPercentile(99) / 1000.0, o.failed()));
            quiet = jit <= SETTLED_JIT_SHARE ? quiet + 1 : 0;
            if (quiet == QUIET_WINDOWS) {
                return trace.append("settled").toString();
            }
        }
        return trace.append("not settled: the run measures the compilers at work too").toString();
    }

    /** The CPU of the JIT's compiler threads (C1 and C2) between two samples, in seconds. */
    static double compilerSeconds(ProcStats.Cpu before, ProcStats.Cpu after) {
        long nanos = 0;
        for (Map.Entry<String, Long> e : after.byThread().entrySet()) {
            String group = e.getKey().substring(e.getKey().indexOf('|') + 1);
            if (group.startsWith("C1 Compiler") || group.startsWith("C2 Compiler")) {
                nanos += e.getValue() - before.byThread().getOrDefault(e.getKey(), 0L);
            }
        }
        return nanos / 1e9;
    }

    /**
     * The stop-the-world pauses of registration-service's collector between two scrapes: each one holds every request
     * in flight, so they bound what the tail can be. Micrometer's max is over its last few minutes, not the run alone.
     */
    static String gcPauses(String before, String after) {
        double count = gc(after, "jvm_gc_pause_seconds_count") - gc(before, "jvm_gc_pause_seconds_count");
        double sum = gc(after, "jvm_gc_pause_seconds_sum") - gc(before, "jvm_gc_pause_seconds_sum");
        double max = after.lines().filter(l -> l.startsWith("jvm_gc_pause_seconds_max")).mapToDouble(Scrape::value)
                .max().orElse(-1);
        return String.format(Locale.ROOT, "%.0f pauses, %.1f ms in all, %.1f ms on average; the longest in the last"
                        + " minutes (Micrometer's max) %.1f ms", count, 1000 * sum, count == 0 ? 0 : 1000 * sum / count,
                1000 * max);
    }

    private static double gc(String metrics, String name) {
        return Scrape.sum(metrics, line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
