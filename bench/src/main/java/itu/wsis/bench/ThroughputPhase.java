package itu.wsis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measure 1 (a), the accept endpoint alone (phase 6): wrk, closed loop, with accept.lua over the invitations' own
 * links, notification-service frozen by the caller; a warm-up run first. Recorded over the measured run: JFR,
 * pg_stat_activity, the server timer of /q/metrics and the CPU per accept (schedstat, every thread).
 */
final class ThroughputPhase {

    /**
     * The warm-up runs this many times as long as the measured run: after a warm-up as long as the run, the compiler
     * threads still took nearly half of registration-service's CPU during it (schedstat, 2026-11-29).
     */
    static final int WARM_UP_FACTOR = 4;

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern STATUSES = Pattern.compile("statuses 201=(\\d+) 200=(\\d+) other=(\\d+)");

    /** What wrk and accept.lua printed: the request rate and the answers by status. */
    record Wrk(double rate, long created, long unchanged, long other) {

        static Wrk parse(String out) {
            Matcher rps = RPS.matcher(out);
            Matcher st = STATUSES.matcher(out);
            if (!rps.find() || !st.find()) {
                throw new IllegalStateException("wrk output not understood");
            }
            return new Wrk(Double.parseDouble(rps.group(1)), Long.parseLong(st.group(1)), Long.parseLong(st.group(2)),
                    Long.parseLong(st.group(3)));
        }

        long total() {
            return created + unchanged + other;
        }

        /** Only 201s count: new reply versions per second. */
        double writeRate() {
            return total() == 0 ? 0 : rate * created / total();
        }
    }

    private final RunContext ctx;

    ThroughputPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    /** The same load as the measured run, on other invitations, so that the JIT has compiled the accept path. */
    void warmUp(List<OpenLoop.Invitee> invitees) throws Exception {
        ctx.load("HTTP warm-up");
        Proc.Result r = wrk(targets("targets-warmup.txt", invitees), WARM_UP_FACTOR * ctx.p.wrkSeconds(), "");
        ctx.report.evidence.put("wrk warm-up (not counted)", r.out());
    }

    /**
     * One closed-loop measurement of (a): which services are frozen during it, and how its figures and evidence are
     * named. {@code variant} goes into the delegate's name (accept.lua), so that a run over invitations an earlier
     * run answered still writes a new version with each request.
     */
    record Setting(String load, String files, String figure, String evidence, String frozen, String variant) {
    }

    /** (a) as the issue defines it: notification-service frozen by the caller. */
    static final Setting NOTIFICATION_FROZEN = new Setting("HTTP throughput", "throughput", "(a)", "the throughput run",
            "notification-service frozen (SIGSTOP)", "");

    /**
     * (a) with every other service frozen: the accept's events are consumed by invitation-service (the invitation's
     * status and the audit trail) and speaking-request-service (its read model of replies) as well, and on two cores
     * their work competes with the endpoint's as notification-service's would.
     */
    static final Setting EVERY_CONSUMER_FROZEN = new Setting("HTTP throughput, every consumer frozen",
            "throughput-alone", "(a), every consumer frozen", "the throughput run with every consumer frozen",
            "invitation-, speaking-request- and notification-service frozen (SIGSTOP): registration-service, PostgreSQL"
                    + " and Kafka alone", "alone");

    /** @return (a): new reply versions per second */
    double run(List<OpenLoop.Invitee> invitees, double pgTps) throws Exception {
        return measure(NOTIFICATION_FROZEN, invitees, pgTps);
    }

    /**
     * (a) again with invitation- and speaking-request-service frozen too (the caller froze notification-service), on
     * the same invitations; then thawed, and the backlog of the accepts' events they owe is consumed before the next
     * phase.
     */
    void runWithEveryConsumerFrozen(List<OpenLoop.Invitee> invitees, double pgTps) throws Exception {
        List<String> consumers = List.of("invitation-service", "speaking-request-service");
        try {
            for (String service : consumers) {
                ctx.stack.freeze(service);
            }
            measure(EVERY_CONSUMER_FROZEN, invitees, pgTps);
        } finally {
            for (String service : consumers) {
                ctx.stack.thaw(service, ctx.report);
            }
        }
        ctx.drain.consumers("the accepts' events that invitation- and speaking-request-service owe after "
                + EVERY_CONSUMER_FROZEN.figure());
    }

    private double measure(Setting setting, List<OpenLoop.Invitee> invitees, double pgTps) throws Exception {
        Report report = ctx.report;
        Stack stack = ctx.stack;
        ctx.load(setting.load());
        Path targets = targets("targets-" + setting.files() + ".txt", invitees);
        String before = ctx.ops().text(Stack.REG + "/q/metrics");
        Path jfr = ctx.work.resolve("registration-" + setting.files() + ".jfr");
        ctx.jfr.start("registration-service", jfr);
        PgActivity activity = new PgActivity("registration");
        ProcStats.Cpu cpu0 = ProcStats.schedstat(stack, "registration-service");
        ProcStats.Cpu ncpu0 = ProcStats.schedstat(stack, "notification-service");
        MachineCpu.Snapshot machine0 = MachineCpu.take();
        long w0 = System.nanoTime();
        Proc.Result r = wrk(targets, ctx.p.wrkSeconds(), setting.variant());
        double secs = (System.nanoTime() - w0) / 1e9;
        MachineCpu.Snapshot machine1 = MachineCpu.take();
        ProcStats.Cpu cpu1 = ProcStats.schedstat(stack, "registration-service");
        report.evidence.put("CPU and run-queue wait during " + setting.evidence()
                        + " (notification-service frozen: its figure should be 0)",
                ProcStats.cpuShareByGroup("registration-service", cpu0, cpu1, secs)
                        + ProcStats.cpuShare("notification-service", ncpu0, ProcStats.schedstat(stack, "notification-service"), secs));
        activity.close();
        String profile = ctx.jfr.stopText(jfr);
        String after = ctx.ops().text(Stack.REG + "/q/metrics");
        report.evidence.put("registration database connections during " + setting.evidence() + " (pg_stat_activity)",
                activity.text());
        report.evidence.put("wrk output, " + setting.evidence(), r.out());
        r.requireOk("wrk");
        Wrk w = Wrk.parse(r.out());
        long total = w.total();
        double writeRate = w.writeRate();
        report.figure("1", setting.figure() + " the endpoint alone: HTTP POST /invitations/{id}/accept, N connections,"
                        + " closed loop (wrk), new reply versions/s, " + setting.frozen(),
                writeRate, "req/s", "pgbench TPS (above)", pgTps, "≥ 0.6×",
                String.format(Locale.ROOT, "%d requests over %d distinct invitations: %d × 201, %d × 200, %d other", total,
                        invitees.size(), w.created(), w.unchanged(), w.other()));
        report.evidence.put("registration-service during " + setting.evidence() + " (JFR)", profile);
        double cpuSeconds = (cpu1.cpuNanos() - cpu0.cpuNanos()) / 1e9;
        report.figure("1", "CPU per accept inside registration-service, during " + setting.figure(),
                total == 0 ? null : 1000 * cpuSeconds / total, "ms", "", null, "≤ 1.5 ms",
                String.format(Locale.ROOT, "%.2f s of CPU over %d requests (every thread of the process: event loops,"
                        + " JIT, GC, relay; /proc/<pid>/task/*/schedstat)", cpuSeconds, total));
        if (setting == NOTIFICATION_FROZEN) {
            ctx.measured.cpuPerAcceptMs = total == 0 ? -1 : 1000 * cpuSeconds / total;
        }
        machineCpu(setting, machine0, machine1, secs, total, pgTps);
        report.evidence.put("registration-service /q/metrics, accept endpoint, after " + setting.evidence(),
                serverTimer(before, after));
        return writeRate;
    }

    /**
     * Where the two CPUs went while wrk ran: registration-service's CPU per accept says what the endpoint costs, this
     * says what else shared the cores with it (PostgreSQL, the load generator, the other services' consumers of the
     * reply events, Kafka), which bounds the closed-loop rate as much as the endpoint's own cost.
     */
    private void machineCpu(Setting setting, MachineCpu.Snapshot before, MachineCpu.Snapshot after, double seconds,
                            long accepts, double pgTps) {
        if (accepts == 0) {
            return;
        }
        List<MachineCpu.Share> shares = MachineCpu.shares(before, after, ctx.stack.knownPids());
        double busy = MachineCpu.busySeconds(before, after);
        ctx.report.figure("1", "the whole machine's CPU per accept during " + setting.figure() + " (every process)",
                1000 * busy / accepts, "ms", "", null, "", String.format(Locale.ROOT, "%.1f s busy of %.1f s on %d CPUs"
                        + " (/proc/stat), over %d accepts; by process in the evidence", busy, seconds * after.cpus(),
                        after.cpus(), accepts));
        ctx.report.evidence.put("the whole machine's CPU during " + setting.figure() + ", by process (/proc)",
                MachineCpu.table(shares, before, after, seconds, accepts, "accept"));
        limit(setting, shares, busy, after.cpus(), accepts, pgTps);
    }

    /**
     * Where (a)'s goal lies on these CPUs: at 0.6× pgbench each accept may cost the whole machine cpus ÷ rate, and
     * everything but registration-service (PostgreSQL, Kafka, the load generator, the kernel, and in (a) the
     * consumers of the accepts' events) took what it took per accept in this run; what is left is registration-
     * service's budget, at or below zero out of reach whatever the service costs. PostgreSQL's part is set beside
     * what the same statements cost it under pgbench: above that, the service asks the database for more than the
     * accept's transaction.
     */
    private void limit(Setting setting, List<MachineCpu.Share> shares, double busy, int cpus, long accepts, double pgTps) {
        if (pgTps <= 0 || cpus <= 0) {
            return;
        }
        double registrationMs = 1000 * MachineCpu.seconds(shares, "registration-service") / accepts;
        double restMs = 1000 * busy / accepts - registrationMs;
        double goalRate = 0.6 * pgTps;
        ctx.report.figure("1", "registration-service's CPU per accept that 0.6× pgbench leaves it on these CPUs, "
                        + setting.figure(), Limits.budgetMs(cpus, goalRate, restMs), "ms",
                "its CPU per accept in the same run (/proc)", registrationMs, "",
                String.format(Locale.ROOT, "%d CPUs ÷ %.0f accepts/s − %.2f ms per accept for everything else in this"
                        + " run; at or below 0 the goal is out of reach on this machine whatever the service costs",
                        cpus, goalRate, restMs));
        if (ctx.measured.pgCpuPerTxnMs > 0) {
            double pgMs = 1000 * MachineCpu.seconds(shares, MachineCpu.POSTGRES) / accepts;
            ctx.report.figure("1", "PostgreSQL's CPU per accept, " + setting.figure(), pgMs, "ms",
                    "its CPU per pgbench transaction (above)", ctx.measured.pgCpuPerTxnMs, "",
                    "every statement of every database in the run: the accept's, the outbox relay's"
                            + (setting == NOTIFICATION_FROZEN ? ", the consumers' of the accepts' events" : ""));
        }
    }

    /** accept.lua's input: one "invitation-id token" line per invitation. */
    private Path targets(String name, List<OpenLoop.Invitee> invitees) throws Exception {
        Path targets = ctx.work.resolve(name);
        StringBuilder b = new StringBuilder();
        for (OpenLoop.Invitee i : invitees) {
            b.append(i.invitationId()).append(' ').append(i.token()).append('\n');
        }
        Files.writeString(targets, b.toString());
        return targets;
    }

    private Proc.Result wrk(Path targets, int seconds, String variant) {
        return ctx.stack.tool(List.of("wrk", "-t", "2", "-c", String.valueOf(ctx.p.clients()), "-d", seconds + "s",
                "--timeout", "10s", "-s", ctx.root.resolve("bench/accept.lua").toString(), Stack.REG, "--",
                targets.toString(), "2", variant));
    }

    /** The server-side timer of the accept endpoint over the run: what the service itself saw. */
    static String serverTimer(String before, String after) {
        StringBuilder b = new StringBuilder();
        double[] x = timer(before);
        double[] y = timer(after);
        double n = y[0] - x[0];
        double s = y[1] - x[1];
        b.append(String.format(Locale.ROOT, "http_server_requests_seconds{uri=/invitations/{invitationId}/accept}: %.0f requests,"
                + " mean %.2f ms inside the service (count/sum delta over the run)%n", n, n == 0 ? 0 : 1000 * s / n));
        for (String line : after.lines().toList()) {
            if (line.startsWith("http_server_requests_seconds_max") && line.contains("accept")
                    || line.startsWith("vertx_sql") || line.contains("pool") && line.startsWith("vertx") && !line.startsWith("#")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    /** Count and sum of the accept endpoint's server timer, over every status and outcome. */
    static double[] timer(String metrics) {
        double count = 0;
        double sum = 0;
        for (String line : metrics.lines().toList()) {
            if (!line.contains("/invitations/{invitationId}/accept") || !line.startsWith("http_server_requests_seconds_")) {
                continue;
            }
            double v = Scrape.value(line);
            if (line.startsWith("http_server_requests_seconds_count")) {
                count += v;
            } else if (line.startsWith("http_server_requests_seconds_sum")) {
                sum += v;
            }
        }
        return new double[] {count, sum};
    }
}
