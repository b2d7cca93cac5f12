package itu.wsis.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Measure 1 (b), the system sustained (phase 8, and again with two instances in phase 13): the highest open-loop
 * accept rate at which the receipts keep up. Each step runs {@code sustainWindow} seconds at one rate, starting from
 * a drained system, and samples every second what is owed: requests sent and not yet answered, plus 201s whose
 * receipt has not reached the sink. The rate is kept when that backlog, averaged over the last fifth of the window,
 * exceeds its average over the second fifth (the first is the ramp) by no more than one second of arrivals (or 5):
 * a backlog that grows without bound fails it, the steady in-flight work at a rate does not. Rates: start below the
 * email rate, double while kept, halve while not, then bisect ({@link Search}).
 */
final class SustainedPhase {

    record Step(double rate, boolean kept, double growth, long created, long emails, long failed, double regCpu,
                double notifCpu, double seconds, String samples, MachineCpu.Interval machine) {
    }

    /** Seconds of the machine's quiet CPU before the one-instance search: the stack's work that no accept causes. */
    static final int QUIET_SECONDS = 10;

    /**
     * Which rate to try next: double while every step is kept (up to {@code cap}), halve while none is, then bisect
     * between the highest kept and the lowest not kept. {@link #lo} is the answer: the highest rate kept, 0 if none.
     */
    static final class Search {

        private final double cap;
        private double rate;
        private double lo;
        private double hi = Double.POSITIVE_INFINITY;

        Search(double start, double cap) {
            this.rate = Math.max(2, start);
            this.cap = cap;
        }

        /**
         * The first rate: 0.7× the smaller of the email rate and (a) per instance (0.3× (a) without an email rate);
         * with more than one instance, 1.5× the rate one instance sustained, if it sustained one. At most {@code cap}
         * when it comes from the one-instance rate, and never below 2/s.
         */
        static Search from(double emailRate, double aRate, int instances, double oneInstance) {
            double cap = cap(aRate, instances);
            double start = emailRate > 0 ? Math.min(0.7 * emailRate * instances, 0.7 * aRate * instances) : 0.3 * aRate;
            if (instances > 1 && oneInstance > 0) {
                start = Math.min(cap, 1.5 * oneInstance);
            }
            return new Search(start, cap);
        }

        /** No step goes above twice (a) per instance: (a) is what the endpoint alone does. */
        static double cap(double aRate, int instances) {
            return 2 * Math.max(aRate, 1) * instances;
        }

        double rate() {
            return rate;
        }

        double lo() {
            return lo;
        }

        /**
         * Records the step at {@link #rate()} and moves to the next rate.
         *
         * @return false when the next rate would be the same or below 1/s: the search is over
         */
        boolean record(boolean kept) {
            if (kept) {
                lo = Math.max(lo, rate);
            } else {
                hi = Math.min(hi, rate);
            }
            double next = hi == Double.POSITIVE_INFINITY ? Math.min(cap, rate * 2) : lo == 0 ? rate / 2 : (lo + hi) / 2;
            if (next == rate || next < 1) {
                return false;
            }
            rate = next;
            return true;
        }
    }

    private final RunContext ctx;

    SustainedPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param urls        the registration instances the accepts go to in turn
     * @param oneInstance (b) with one instance, where the search with more starts; -1 for the one-instance search
     * @return the highest rate kept, 0 if none
     */
    double run(int instances, List<String> urls, List<OpenLoop.Invitee> invitees, double pgTps, double aRate,
               double oneInstance) throws Exception {
        Params p = ctx.p;
        ctx.load("sustained, " + instances + " instance(s)");
        Search search = Search.from(ctx.measured.emailRate, aRate, instances, oneInstance);
        MachineCpu.Interval quiet = instances == 1 ? MachineCpu.Interval.quiet(QUIET_SECONDS) : null;
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < p.sustainSteps(); i++) {
            if (i > 0) {
                ctx.drain.all("a sustained-rate step");
            }
            Step step = step(urls, invitees, search.rate(), instances);
            steps.add(step);
            if (!search.record(step.kept())) {
                break;
            }
        }
        double lo = search.lo();
        String who = instances == 1 ? "one instance each" : instances + " instances of registration- and notification-service";
        ctx.report.evidence.put("(b) sustained-rate search, " + who, evidence(steps));
        Step best = steps.stream().filter(Step::kept).max(Comparator.comparingDouble(Step::rate)).orElse(null);
        String note = best == null
                ? String.format(Locale.ROOT, "no rate tried was kept (lowest %.1f/s); %d steps of %d s", steps.stream()
                        .mapToDouble(Step::rate).min().orElse(0), steps.size(), p.sustainWindow())
                : String.format(Locale.ROOT, "%d steps of %d s, open loop (rates and backlogs in the evidence); at this rate:"
                        + " registration %.2f ms CPU per accept, notification %.2f ms CPU per receipt (schedstat, all"
                        + " instances)", steps.size(), p.sustainWindow(), best.created() == 0 ? 0 : 1000 * best.regCpu() / best.created(),
                        best.emails() == 0 ? 0 : 1000 * best.notifCpu() / best.emails());
        ctx.report.figure(instances == 1 ? "1" : "8", "(b) the system sustained, " + who + ": highest accept rate whose receipts keep up",
                lo, "accepts/s", "pgbench TPS (above)", pgTps, "≥ 0.15×", note);
        if (instances == 1) {
            ctx.measured.sustainedOne = lo;
        }
        if (best != null && instances == 1) {
            ctx.measured.sustainedRegCpuMs = best.created() == 0 ? -1 : 1000 * best.regCpu() / best.created();
            ctx.measured.sustainedNotifCpuMs = best.emails() == 0 ? -1 : 1000 * best.notifCpu() / best.emails();
            limit(best, quiet, pgTps);
        }
        return lo;
    }

    /**
     * Where (b)'s goal lies on these CPUs, from the highest rate kept: what each accept with its receipt cost the whole
     * machine there (less what the stack uses while quiet), the rate these CPUs allow at that cost, and what 0.15×
     * pgbench leaves registration- and notification-service together when everything else (PostgreSQL, Kafka, the
     * other consumers of the accepts' events, the sink) costs what it cost per accept in that step: at or below zero,
     * out of reach whatever those two services cost in their own processes.
     */
    private void limit(Step best, MachineCpu.Interval quiet, double pgTps) {
        if (best.created() == 0 || best.emails() < 0.9 * best.created() || pgTps <= 0) {
            // A step whose receipts mostly came after it would leave their cost out.
            return;
        }
        MachineCpu.Interval step = best.machine();
        int cpus = step.after().cpus();
        Map<Long, String> known = ctx.stack.knownPids();
        List<MachineCpu.Share> shares = MachineCpu.shares(step.before(), step.after(), known);
        List<MachineCpu.Share> quietShares = MachineCpu.shares(quiet.before(), quiet.after(), known);
        double scale = step.seconds() / quiet.seconds();
        double services = 0;
        double servicesQuiet = 0;
        for (String service : List.of("registration-service", "notification-service")) {
            services += MachineCpu.seconds(shares, service);
            servicesQuiet += MachineCpu.seconds(quietShares, service);
        }
        double busy = Math.max(0, step.busySeconds() - quiet.busySeconds() * scale);
        double rest = Math.max(0, step.busySeconds() - services - (quiet.busySeconds() - servicesQuiet) * scale);
        double costMs = 1000 * busy / best.created();
        double restMs = 1000 * rest / best.created();
        double goalRate = 0.15 * pgTps;
        String quietNote = String.format(Locale.ROOT, "less %.1f s that the stack uses in as long while quiet"
                + " (measured for %d s before the search)", quiet.busySeconds() * scale, QUIET_SECONDS);
        ctx.report.figure("1", "(b): the whole machine's CPU per accept with its receipt, at the highest rate kept",
                costMs, "ms", "", null, "", String.format(Locale.ROOT, "%.1f s busy over the %.0f s step at %.1f/s, %s;"
                        + " every process, by process in the evidence", step.busySeconds(), step.seconds(), best.rate(),
                        quietNote));
        ctx.report.figure("1", "(b): accepts/s these CPUs allow at that cost", Limits.rateAt(cpus, costMs), "accepts/s",
                "pgbench TPS (above)", pgTps, "", String.format(Locale.ROOT, "%d CPUs ÷ %.2f ms; 0.15× pgbench needs"
                        + " %.2f ms per accept with its receipt, everything included", cpus, costMs,
                        1000.0 * cpus / goalRate));
        ctx.report.figure("1", "(b): the CPU per accept that 0.15× pgbench leaves registration- and notification-service"
                        + " together on these CPUs", Limits.budgetMs(cpus, goalRate, restMs), "ms",
                "their CPU per accept in that step (/proc)", 1000 * (services - servicesQuiet * scale) / best.created(), "",
                String.format(Locale.ROOT, "%d CPUs ÷ %.0f accepts/s − %.2f ms per accept for everything else in that"
                        + " step (%s); at or below 0 the goal is out of reach on this machine whatever the two services"
                        + " cost in their own processes", cpus, goalRate, restMs, quietNote));
        ctx.report.evidence.put("the whole machine's CPU during the highest (b) step kept, by process (/proc)",
                MachineCpu.table(shares, step.before(), step.after(), step.seconds(), best.created(), "accept"));
    }

    /** Each step's rate, verdict, counts, CPU costs and backlog trace. */
    static String evidence(List<Step> steps) {
        StringBuilder ev = new StringBuilder();
        for (Step s : steps) {
            ev.append(String.format(Locale.ROOT, "%.1f/s for %.0f s: %s (backlog growth %.1f; %d × 201, %d receipts at the sink,"
                            + " %d failed); CPU registration %.2f ms/accept, notification %.2f ms/receipt%n  backlog samples: %s%n",
                    s.rate(), s.seconds(), s.kept() ? "kept" : "NOT kept", s.growth(), s.created(), s.emails(), s.failed(),
                    s.created() == 0 ? 0 : 1000 * s.regCpu() / s.created(), s.emails() == 0 ? 0 : 1000 * s.notifCpu() / s.emails(),
                    s.samples()));
        }
        return ev.toString();
    }

    private Step step(List<String> urls, List<OpenLoop.Invitee> invitees, double rate, int instances) throws Exception {
        Stack stack = ctx.stack;
        AtomicLong emails = new AtomicLong();
        Consumer<SmtpSink.Received> counter = r -> emails.incrementAndGet();
        OpenLoop.Progress progress = new OpenLoop.Progress();
        List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
        MachineCpu.Snapshot machine0 = MachineCpu.take();
        long reg0 = ProcStats.cpuOf(stack, "registration-service", instances);
        long not0 = ProcStats.cpuOf(stack, "notification-service", instances);
        ctx.mailbox.listen(counter);
        long t0 = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long inFlight = progress.sent.get() - progress.answered.get();
                long unreceipted = progress.created.get() - emails.get();
                samples.add(new long[] {(System.nanoTime() - t0) / 1_000_000, inFlight + unreceipted});
            }
        }, "bench-backlog-sampler");
        sampler.setDaemon(true);
        sampler.start();
        OpenLoop.Outcome o = OpenLoop.run(urls, invitees, rate, (long) Math.ceil(rate * ctx.p.sustainWindow()), 0, ctx.modes,
                progress);
        sampler.interrupt();
        sampler.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        MachineCpu.Snapshot machine1 = MachineCpu.take();
        long reg1 = ProcStats.cpuOf(stack, "registration-service", instances);
        long not1 = ProcStats.cpuOf(stack, "notification-service", instances);
        ctx.mailbox.unlisten(counter);
        // Within the sending window only: the loop's final wait for the last answers is not a rate.
        long windowMs = ctx.p.sustainWindow() * 1000L;
        List<long[]> in;
        synchronized (samples) {
            in = samples.stream().filter(x -> x[0] <= windowMs + 500).toList();
        }
        double growth = growth(in, windowMs);
        boolean kept = kept(growth, rate, o.failed());
        String trace = in.stream().map(x -> String.valueOf(x[1])).reduce((a, b) -> a + " " + b).orElse("");
        return new Step(rate, kept, growth, o.created(), emails.get(), o.failed(), (reg1 - reg0) / 1e9, (not1 - not0) / 1e9,
                seconds, trace, new MachineCpu.Interval(machine0, machine1, seconds));
    }

    /** The backlog's average over the last fifth of the window minus its average over the second fifth. */
    static double growth(List<long[]> samples, long windowMs) {
        return avg(samples, 4 * windowMs / 5, windowMs + 500) - avg(samples, windowMs / 5, 2 * windowMs / 5);
    }

    /** Kept: nothing failed and the backlog grew by at most one second of arrivals (or 5 requests). */
    static boolean kept(double growth, double rate, long failed) {
        return failed == 0 && growth <= Math.max(5, rate);
    }

    private static double avg(List<long[]> samples, long fromMs, long toMs) {
        return samples.stream().filter(x -> x[0] >= fromMs && x[0] <= toMs).mapToLong(x -> x[1]).average().orElse(0);
    }
}
