package itu.wsis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measure 7, startup: the whole {@code ./wsis up} with each service's start under contention (phase 1), and each
 * service started alone at the end of the run (phase 14). A service's start is its JVM's start time from
 * /proc/&lt;pid&gt;/stat (10 ms ticks after boot, placed on the wall clock with /proc/uptime) to the first 200 from
 * /q/health/ready, polled by the driver (every {@value #UP_POLL_MILLIS} ms during {@code up}, every 20 ms for a lone
 * start), independent of ./wsis's own polling (every 0.25 s).
 */
final class StartupPhase {

    /**
     * How often the driver looks for the services' pids and readiness while `./wsis up` runs. The polling shares the 2
     * cores with the start it times: every 20 ms it cost the bench's JVM 1.3 s of CPU over a 16 s `up` (4ce60a5's run);
     * every 100 ms it reads a service ready up to 0.1 s late, in starts of about 8 s.
     */
    static final long UP_POLL_MILLIS = 100;

    private final RunContext ctx;
    private final Api probe = new Api("");

    StartupPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    /** Phase 1: starts the stack (fresh data) and times it; the staff APIs are signed in after. */
    void underContention() throws Exception {
        Stack stack = ctx.stack;
        Report report = ctx.report;
        stack.clean();
        stack.requirePortsFree();
        MachineCpu.Snapshot machine0 = MachineCpu.take();
        long upMillis = System.currentTimeMillis();
        Process up = stack.launchUp();
        Map<String, Long> startMillis = new HashMap<>();
        Map<String, Long> readyMillis = new HashMap<>();
        long deadline = System.currentTimeMillis() + 400_000;
        long bootMillis = ProcStats.bootTimeMillis();
        while (readyMillis.size() < Stack.SERVICES.size() && System.currentTimeMillis() < deadline && up.isAlive()) {
            for (Map.Entry<String, Integer> s : Stack.SERVICES.entrySet()) {
                String name = s.getKey();
                if (!startMillis.containsKey(name)) {
                    Long started = ProcStats.startMillis(stack.pidFile(name), bootMillis);
                    if (started != null) {
                        startMillis.put(name, started);
                    }
                } else if (!readyMillis.containsKey(name) && ready(s.getValue())) {
                    readyMillis.put(name, System.currentTimeMillis());
                }
            }
            Thread.sleep(UP_POLL_MILLIS);
        }
        int exit = up.waitFor();
        long upDone = System.currentTimeMillis();
        MachineCpu.Snapshot machine1 = MachineCpu.take();
        if (exit != 0) {
            throw new IllegalStateException("./wsis up failed (exit " + exit + "), see " + stack.upLog()
                    + "\n" + Proc.tail(Files.readString(stack.upLog()), 2000));
        }
        ctx.load("stack up");
        report.machine.put("services' JVM", servicesJvm());
        report.figure("7", "`./wsis up` (everything built, fresh data) until it returned: infrastructure, 4 services,"
                + " invitee pages ready, demo data loaded", (upDone - upMillis) / 1000.0, "s", "", null, "≤ 15 s",
                "the bench built everything before; fresh PostgreSQL and Kafka data");
        upMachineCpu(machine0, machine1, (upDone - upMillis) / 1000.0);
        if (readyMillis.size() == Stack.SERVICES.size()) {
            report.figure("7", "`./wsis up` launched → every service's first 200 from /q/health/ready",
                    (readyMillis.values().stream().mapToLong(Long::longValue).max().orElseThrow() - upMillis) / 1000.0, "s",
                    "", null, "", "");
        }
        for (String name : Stack.SERVICES.keySet()) {
            Long s = startMillis.get(name);
            Long r = readyMillis.get(name);
            if (s == null || r == null) {
                report.notMeasured("7", name + ": process start → first 200 from /q/health/ready", "pid or readiness not seen");
            } else {
                report.figure("7", name + ": process start → first 200 from /q/health/ready", (r - s) / 1000.0, "s",
                        "", null, "", "4 services and Kafka/PostgreSQL start together on " + Runtime.getRuntime().availableProcessors()
                                + " cores; start time from /proc/<pid>/stat (10 ms ticks after boot) and /proc/uptime");
            }
        }
        ctx.signIn();
    }

    /**
     * The CPU the whole start took, every process together: on a machine this busy, the start cannot end before that
     * CPU time divided by the number of CPUs, whatever the order of the steps.
     */
    private void upMachineCpu(MachineCpu.Snapshot before, MachineCpu.Snapshot after, double seconds) {
        List<MachineCpu.Share> shares = MachineCpu.shares(before, after, ctx.stack.knownPids(),
                MachineCpu.WSIS_SCRIPT);
        double busy = MachineCpu.busySeconds(before, after);
        ctx.report.figure("7", "`./wsis up`: the whole machine's CPU, every process", busy, "s", "", null, "",
                String.format(Locale.ROOT, "%.1f s busy of %.1f s on %d CPUs (/proc/stat), so at least %.1f s on this"
                                + " machine for this much work; by process in the evidence", busy,
                        seconds * after.cpus(), after.cpus(), busy / after.cpus()));
        ctx.report.evidence.put("the whole machine's CPU during `./wsis up` (fresh data), by process (/proc)",
                MachineCpu.table(shares, before, after, seconds, 1, "up"));
    }

    /**
     * Phase 14, each service alone: the four are stopped (PostgreSQL and Kafka stay up), then each is started by
     * itself with {@code ./wsis start}, timed from its JVM's start to the first 200 from /q/health/ready, and stopped
     * again, {@link Params#startsAlone()} times. The figure is the slowest of a service's starts: the goal holds for
     * every start, not for the lucky one.
     */
    void alone() throws Exception {
        Stack stack = ctx.stack;
        ctx.drain.all("everything before the startup measurement");
        for (String name : Stack.SERVICES.keySet()) {
            stack.stop(name);
        }
        ctx.load("startup alone");
        SpeedProbe.Reading now = ctx.speed.take("before the lone starts");
        SpeedProbe.Reading first = ctx.speed.readings().get(0);
        ctx.report.figure("7", "the CPU's speed before the lone starts: SHA-256 in the bench's JVM, one thread",
                now.shaMegabytesPerSecond(), "MB/s", "the same at the run's start", first.shaMegabytesPerSecond(), "",
                String.format(Locale.ROOT, "a start's seconds have no reference of their own; sorting %d ints took %.1f ms"
                                + " against %.1f ms at the start; steal %.2f %% of the CPU since the reading before"
                                + " (SpeedProbe, in the evidence)", SpeedProbe.INTS, now.sortMillis(), first.sortMillis(),
                        100 * now.stealShare()));
        long bootMillis = ProcStats.bootTimeMillis();
        for (Map.Entry<String, Integer> s : Stack.SERVICES.entrySet()) {
            String name = s.getKey();
            List<LoneStart> starts = new ArrayList<>();
            for (int i = 1; i <= ctx.p.startsAlone(); i++) {
                starts.add(startAlone(name, s.getValue(), i, bootMillis));
            }
            LoneStart failed = starts.stream().filter(l -> l.seconds() == null).findFirst().orElse(null);
            if (failed != null) {
                ctx.report.notMeasured("7", name + " alone: process start → ready", failed.note());
                continue;
            }
            LoneStart slowest = starts.stream().max(Comparator.comparingDouble(LoneStart::seconds)).orElseThrow();
            ctx.report.figure("7", name + " alone (the other services down, PostgreSQL and Kafka up): process start"
                            + " → first 200 from /q/health/ready, the slowest of " + starts.size() + " start(s)",
                    slowest.seconds(), "s", "", null, "≤ 3 s", "each start: " + starts.stream()
                            .map(l -> String.format(Locale.ROOT, "%.2f s", l.seconds())).toList() + "; the slowest, "
                            + slowest.note());
        }
        for (String name : Stack.SERVICES.keySet()) {
            startSteps(name);
        }
    }

    /** One lone start: its seconds from the JVM's start to ready (null if it never was) and what it cost. */
    private record LoneStart(Double seconds, String note) {
    }

    /** Starts a service alone once (the others are down), times it to its first ready answer, and stops it. */
    private LoneStart startAlone(String name, int port, int attempt, long bootMillis) throws Exception {
        Stack stack = ctx.stack;
        Path pidFile = stack.pidFile(name);
        Files.deleteIfExists(pidFile);
        Path log = ctx.work.resolve("start-" + name + "-" + attempt + ".log");
        String before = quiet();
        MachineCpu.Snapshot machine0 = MachineCpu.take();
        long launched = System.nanoTime();
        Process start = stack.launchStart(name, log);
        Long startMillis = null;
        Long ready = null;
        String atReady = null;
        long deadline = System.currentTimeMillis() + 120_000;
        while (ready == null && System.currentTimeMillis() < deadline) {
            if (startMillis == null) {
                startMillis = ProcStats.startMillis(pidFile, bootMillis);
            }
            if (startMillis != null && ready(port)) {
                ready = System.currentTimeMillis();
                atReady = atReady(stack.pid(name), machine0, (System.nanoTime() - launched) / 1e9);
            }
            Thread.sleep(20);
        }
        start.waitFor();
        String load = ProcStats.loadAverage();
        stack.stop(name);
        if (startMillis == null || ready == null) {
            return new LoneStart(null, "start " + attempt + " not ready within 120 s, see " + log);
        }
        return new LoneStart((ready - startMillis) / 1000.0, "start " + attempt + ": " + atReady + "; " + before
                + "; load average then: " + load);
    }

    /**
     * The goal is a start on an idle machine, and the load phases before leave work behind (autovacuum, Kafka's
     * housekeeping, the JIT of the services still up): waits, at most a minute, for a second in which the whole
     * machine was at most 15 % busy, and says how busy the last second before the launch was.
     */
    private static String quiet() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        double share;
        long waited = System.nanoTime();
        MachineCpu.Snapshot a = MachineCpu.take();
        long t0 = System.nanoTime();
        do {
            Thread.sleep(1000);
            MachineCpu.Snapshot b = MachineCpu.take();
            long t1 = System.nanoTime();
            share = MachineCpu.busySeconds(a, b) / ((t1 - t0) / 1e9 * b.cpus());
            a = b;
            t0 = t1;
        } while (share > 0.15 && System.nanoTime() < deadline);
        return String.format(Locale.ROOT, "the machine %.0f %% busy in the second before the launch (waited %.0f s for"
                + " at most 15 %%)", 100 * share, (System.nanoTime() - waited) / 1e9);
    }

    /**
     * Where a lone start's time goes inside Quarkus: one more start of the service (not timed above), with Quarkus's
     * own timing of each of its startup steps ({@code quarkus.debug.print-startup-times}, a system property the JVM
     * takes from {@code JDK_JAVA_OPTIONS}).
     */
    private void startSteps(String name) throws Exception {
        Stack stack = ctx.stack;
        Path log = ctx.work.resolve("start-steps-" + name + ".log");
        Process start = stack.launchStart(name, log, Map.of("JDK_JAVA_OPTIONS", "-Dquarkus.debug.print-startup-times=true"));
        int exit = start.waitFor();
        List<String> lines = Files.exists(stack.serviceLog(name)) ? Files.readAllLines(stack.serviceLog(name)) : List.of();
        stack.stop(name);
        ctx.report.evidence.put(name + " alone: Quarkus's startup steps (one more start, with quarkus.debug.print-startup-times)",
                exit == 0 ? steps(lines, 12) : "not measured: ./wsis start exited " + exit + ", see " + log + "\n");
    }

    /** "Build step X completed in: N ms" lines of a Quarkus log, longest first, the rest summed. */
    static String steps(List<String> log, int shown) {
        Pattern step = Pattern.compile("Build step (\\S+) completed in: (\\d+)ms");
        Pattern started = Pattern.compile("started in ([0-9.]+)s");
        Map<String, Long> ms = new LinkedHashMap<>();
        String startedIn = "?";
        for (String line : log) {
            Matcher m = step.matcher(line);
            if (m.find()) {
                ms.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
            }
            Matcher st = started.matcher(line);
            if (st.find()) {
                startedIn = st.group(1);
            }
        }
        long total = ms.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Quarkus: started in %s s (counted from its"
                + " main class, after the JVM's own start); %d steps, %d ms in all%n%n    ms  step%n", startedIn, ms.size(), total));
        List<Map.Entry<String, Long>> sorted = ms.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        sorted.stream().limit(shown).forEach(e -> out.append(String.format(Locale.ROOT, "%6d  %s%n", e.getValue(), e.getKey())));
        if (sorted.size() > shown) {
            long rest = sorted.stream().skip(shown).mapToLong(Map.Entry::getValue).sum();
            out.append(String.format(Locale.ROOT, "%6d  the other %d steps%n", rest, sorted.size() - shown));
        }
        return out.toString();
    }

    /**
     * What a service's start cost and whether it had the machine to itself: its CPU time when it first answered ready,
     * the whole machine's CPU since it was launched, and whether its JVM mapped the class cache ./wsis gives it (a start
     * without it takes about twice the CPU; bench/README.md).
     */
    private static String atReady(String pid, MachineCpu.Snapshot machine0, double seconds) {
        MachineCpu.Snapshot machine = MachineCpu.take();
        MachineCpu.Process self = machine.processes().get(Long.parseLong(pid));
        double own = self == null ? 0 : self.ticks() * MachineCpu.TICK_MS / 1000;
        double busy = MachineCpu.busySeconds(machine0, machine);
        return String.format(Locale.ROOT, "%.2f s of the service's CPU to ready; the whole machine %.2f s busy of %.2f s"
                        + " on %d CPUs since the launch (%.2f s not the service's); class cache %s", own, busy,
                seconds * machine.cpus(), machine.cpus(), Math.max(0, busy - own), ProcStats.classCache(pid));
    }

    /**
     * The JVM ./wsis chose for the services (WSIS_SERVICE_JAVA, else Temurin 25 where installed), read off
     * registration-service's process: the bench's own JVM is in the machine table already and may differ.
     */
    private String servicesJvm() {
        try {
            Path exe = Path.of("/proc/" + ctx.stack.pid("registration-service") + "/exe").toRealPath();
            Proc.Result version = Proc.run(ctx.root, Map.of(), List.of(exe.toString(), "-version"));
            return exe + ": " + version.out().lines().filter(l -> l.contains("Runtime Environment")).findFirst()
                    .orElse(version.out().strip());
        } catch (Exception e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private boolean ready(int port) {
        return probe.status("http://127.0.0.1:" + port + "/q/health/ready") == 200;
    }
}
