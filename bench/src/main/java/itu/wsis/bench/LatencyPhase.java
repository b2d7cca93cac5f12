package itu.wsis.bench;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Locale;

/**
 * Measure 2, accept latency (phase 7): open loop at 50% of (a), notification-service still frozen by the caller,
 * latency from each request's intended send time (coordinated omission corrected), HdrHistogram.
 */
final class LatencyPhase {

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
        String note = String.format(Locale.ROOT, "at 50%% of (a), notification-service frozen as in (a);"
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
