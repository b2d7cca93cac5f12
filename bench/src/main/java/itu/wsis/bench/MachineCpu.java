package itu.wsis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CPU of the whole machine between two instants, by what used it: each service, PostgreSQL's server processes,
 * Kafka, the bench's own JVM (its SMTP sink and driver), and everything else. A service's own CPU says what it costs;
 * this says what the rest of the system costs for the same work, which bounds what the service could reach on these
 * cores even if it cost nothing.
 */
final class MachineCpu {

    static final double TICK_MS = ProcStats.TICK_MS;
    static final String POSTGRES = "PostgreSQL (server processes)";
    /**
     * The bench's load generator and tools, children of its JVM but not its own work: those running at the second
     * snapshot by name, and those that ended in between by what the kernel added to the JVM's children's times.
     */
    static final String LOAD = "the load generator and the bench's tools (wrk, pgbench, psql)";
    /** How {@code Stack.knownPids} names the bench's own JVM. */
    static final String BENCH = "the bench's JVM (its SMTP sink and the driver)";
    /** What the bench's JVM's ended children are while it runs {@code ./wsis up}. */
    static final String WSIS_SCRIPT =
            "./wsis itself and the short-lived tools it ran (the key JVM, which also signs the demo data's token, curl)";
    /** Followed by the command name: what used CPU that the bench did not start or know. */
    static final String OTHER = "other: ";
    static final String EXITED = "busy time /proc/stat counted that no live process holds (processes that ended, interrupts)";

    /**
     * A process's command name, parent, CPU (utime + stime, ticks) and the CPU of its children that ended and were
     * waited for (cutime + cstime): a short-lived child such as wrk is gone by the second snapshot, and its CPU is
     * there.
     */
    record Process(String comm, long parent, long ticks, long endedChildrenTicks, long startTicks) {
        Process(String comm, long parent, long ticks) {
            this(comm, parent, ticks, 0);
        }

        Process(String comm, long parent, long ticks, long endedChildrenTicks) {
            this(comm, parent, ticks, endedChildrenTicks, 0);
        }

        /**
         * Whether {@code later}, read from the same pid, is this process rather than a new one that reused the pid: by
         * the start time, since a kernel worker's name changes with the work queue it serves ("kworker/0:1-events",
         * then "-mm_percpu_wq"), and counting such a worker as new added its whole life's CPU to an interval.
         */
        boolean sameAs(Process later) {
            return startTicks != 0 || later.startTicks != 0 ? startTicks == later.startTicks : comm.equals(later.comm);
        }
    }

    /**
     * The machine's busy ticks over all CPUs (/proc/stat's "cpu" line less idle and iowait), its CPU count, and
     * every process's CPU by pid.
     */
    record Snapshot(long busyTicks, int cpus, Map<Long, Process> processes) {
    }

    /** The machine between two snapshots taken {@code seconds} apart. */
    record Interval(Snapshot before, Snapshot after, double seconds) {

        /** The machine over {@code seconds} in which the caller asks nothing of the stack. */
        static Interval quiet(int seconds) throws InterruptedException {
            Snapshot before = take();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            Snapshot after = take();
            return new Interval(before, after, (System.nanoTime() - t0) / 1e9);
        }

        double busySeconds() {
            return MachineCpu.busySeconds(before, after);
        }
    }

    /** The CPU one kind of process used between two snapshots. */
    record Share(String name, double seconds) {
    }

    private static final Set<String> LOAD_COMMANDS = Set.of("wrk", "pgbench", "psql");

    private MachineCpu() {
    }

    static Snapshot take() {
        Map<Long, Process> processes = new HashMap<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    processes.put(Long.parseLong(name), process(Files.readString(p.resolve("stat"))));
                } catch (IOException e) {
                    // the process ended between list and read
                }
            }
            List<String> stat = Files.readAllLines(Path.of("/proc/stat"));
            return new Snapshot(busyTicks(stat), cpus(stat), processes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
    }

    /**
     * One /proc/&lt;pid&gt;/stat line: its command name, its parent (field 4), utime + stime (fields 14 and 15),
     * cutime + cstime (16 and 17) and its start time (22).
     */
    static Process process(String stat) {
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = ProcStats.statFields(stat);
        return new Process(comm, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Long.parseLong(f[13]) + Long.parseLong(f[14]), Long.parseLong(f[19]));
    }

    /** user + nice + system + irq + softirq + steal of /proc/stat's first line: every tick not idle or in iowait. */
    static long busyTicks(List<String> procStat) {
        String[] f = cpuLine(procStat);
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy;
    }

    /** Every tick of /proc/stat's first line, idle and iowait included (guest time is already in user). */
    static long allTicks(List<String> procStat) {
        String[] f = cpuLine(procStat);
        long all = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            all += Long.parseLong(f[i]);
        }
        return all;
    }

    /** The steal ticks of /proc/stat's first line: time the hypervisor ran something else while this machine wanted a CPU. */
    static long stealTicks(List<String> procStat) {
        String[] f = cpuLine(procStat);
        return f.length > 8 ? Long.parseLong(f[8]) : 0;
    }

    private static String[] cpuLine(List<String> procStat) {
        String[] f = procStat.get(0).trim().split("\\s+");
        if (!f[0].equals("cpu")) {
            throw new IllegalStateException("not /proc/stat: " + procStat.get(0));
        }
        return f;
    }

    static int cpus(List<String> procStat) {
        return (int) procStat.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
    }

    /**
     * The CPU between two snapshots by kind of process, the busiest first: processes named "postgres" are
     * PostgreSQL's, wrk, pgbench and psql are the load's; {@code named} gives the pids the bench knows (its services, Kafka's launcher, itself), and a
     * process counts as its nearest named ancestor's (the Kafka broker is its launcher's child); the rest are "other"
     * by command name, and what /proc/stat counted beyond every live process's CPU is the processes that ended in
     * between.
     */
    static List<Share> shares(Snapshot before, Snapshot after, Map<Long, String> named) {
        return shares(before, after, named, LOAD);
    }

    /**
     * @param benchChildren what the bench's JVM's children that ended between the snapshots were: its load tools
     *                      in a load phase, ./wsis and what it ran while the stack starts
     */
    static List<Share> shares(Snapshot before, Snapshot after, Map<Long, String> named, String benchChildren) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long attributed = 0;
        for (var e : after.processes().entrySet()) {
            Process was = before.processes().get(e.getKey());
            // a pid that started again was reused: its whole CPU is the new process's
            boolean same = was != null && was.sameAs(e.getValue());
            long ticks = same ? e.getValue().ticks() - was.ticks() : e.getValue().ticks();
            long ended = same ? e.getValue().endedChildrenTicks() - was.endedChildrenTicks()
                    : e.getValue().endedChildrenTicks();
            if (ticks <= 0 && ended <= 0) {
                continue;
            }
            String comm = e.getValue().comm();
            String kind = comm.equals("postgres") ? POSTGRES
                    : LOAD_COMMANDS.contains(comm) ? LOAD : kind(e.getKey(), after, named);
            if (ticks > 0) {
                attributed += ticks;
                seconds.merge(kind, ticks * TICK_MS / 1000, Double::sum);
            }
            if (ended > 0) {
                // A child that ended is its parent's kind (PostgreSQL's closed backends), the bench's are its tools.
                attributed += ended;
                seconds.merge(kind.equals(BENCH) ? benchChildren : kind, ended * TICK_MS / 1000, Double::sum);
            }
        }
        long exited = after.busyTicks() - before.busyTicks() - attributed;
        if (exited > 0) {
            seconds.put(EXITED, exited * TICK_MS / 1000);
        }
        return seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> new Share(e.getKey(), e.getValue())).toList();
    }

    private static String kind(long pid, Snapshot snapshot, Map<Long, String> named) {
        Process self = snapshot.processes().get(pid);
        for (int depth = 0; depth < 32 && pid > 1; depth++) {
            String name = named.get(pid);
            if (name != null) {
                return name;
            }
            Process p = snapshot.processes().get(pid);
            if (p == null) {
                break;
            }
            pid = p.parent();
        }
        return other(self == null ? "?" : self.comm());
    }

    /** A process of no known kind, by its command name without a kernel thread's CPU or number. */
    static String other(String comm) {
        return OTHER + comm.replaceAll("[/:].*$", "").replaceAll("\\d+$", "");
    }

    /** The seconds of one kind of process in shares; 0 when it used none. */
    static double seconds(List<Share> shares, String name) {
        return shares.stream().filter(s -> s.name().equals(name)).mapToDouble(Share::seconds).sum();
    }

    static double busySeconds(Snapshot before, Snapshot after) {
        return (after.busyTicks() - before.busyTicks()) * TICK_MS / 1000;
    }

    /** The shares as a table, with each one's CPU per unit of work ({@code per} units, e.g. emails). */
    static String table(List<Share> shares, Snapshot before, Snapshot after, double wallSeconds, double per, String unit) {
        double busy = busySeconds(before, after);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "machine over %.1f s: %.1f s busy of %.1f s on %d CPUs (%.0f%%), %.2f ms per %s%n%n"
                        + "   CPU s   ms per %-6s  share  process%n",
                wallSeconds, busy, wallSeconds * after.cpus(), after.cpus(), 100 * busy / (wallSeconds * after.cpus()),
                1000 * busy / per, unit, unit));
        for (Share s : shares) {
            if (s.seconds() < 0.005 * busy && s.name().startsWith(OTHER)) {
                continue;   // the long tail of kernel threads
            }
            b.append(String.format(Locale.ROOT, "%8.1f  %13.3f  %4.0f%%  %s%n", s.seconds(), 1000 * s.seconds() / per,
                    busy == 0 ? 0 : 100 * s.seconds() / busy, s.name()));
        }
        return b.toString();
    }
}
