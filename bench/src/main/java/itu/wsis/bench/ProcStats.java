package itu.wsis.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the kernel says about the services' processes: when a JVM started ({@code /proc/<pid>/stat}), its memory
 * ({@code /proc/<pid>/status}), the CPU time and run-queue wait of each of its threads
 * ({@code /proc/<pid>/task/<tid>/schedstat}), and the machine's load average.
 */
final class ProcStats {

    /**
     * CPU time and run-queue wait (ns) summed over a process's threads at one instant, and the CPU time by thread
     * ({@code <tid>|<thread group>}), so that two samples give the CPU by thread group in between.
     */
    record Cpu(long cpuNanos, long waitNanos, Map<String, Long> byThread) {

        static final Cpu NONE = new Cpu(0, 0, Map.of());
    }

    private ProcStats() {
    }

    /** Every thread of the service's process; {@link Cpu#NONE} when the process cannot be read. */
    static Cpu schedstat(Stack stack, String service) {
        long cpu = 0;
        long wait = 0;
        Map<String, Long> byThread = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + stack.pid(service) + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String[] f = Files.readString(t.resolve("schedstat")).trim().split("\\s+");
                    cpu += Long.parseLong(f[0]);
                    wait += Long.parseLong(f[1]);
                    // Thread groups by name (C2 compiler, GC, event loops...): JIT and GC do not show in JFR's
                    // execution samples.
                    String comm = threadGroup(Files.readString(t.resolve("comm")));
                    byThread.merge(t.getFileName() + "|" + comm, Long.parseLong(f[0]), Long::sum);
                } catch (IOException e) {
                    // the thread ended between list and read
                }
            }
        } catch (IOException e) {
            return Cpu.NONE;
        }
        return new Cpu(cpu, wait, byThread);
    }

    /** The CPU time (ns) of a service's instances together: {@code <service>}, {@code <service>-2}, ... */
    static long cpuOf(Stack stack, String service, int instances) {
        long cpu = 0;
        for (int n = 1; n <= instances; n++) {
            cpu += schedstat(stack, n == 1 ? service : service + "-" + n).cpuNanos();
        }
        return cpu;
    }

    /** A thread's name without its number ("vert.x-eventloop-thread-1" and "-0" are one group). */
    static String threadGroup(String comm) {
        return comm.trim().replaceAll("[#\\-]?\\d+$", "");
    }

    /** CPU and run-queue wait between two samples, as one line. */
    static String cpuShare(String service, Cpu before, Cpu after, double seconds) {
        return cpuLine(service, seconds, (after.cpuNanos() - before.cpuNanos()) / 1e9,
                (after.waitNanos() - before.waitNanos()) / 1e9);
    }

    /** As above, followed by the eight thread groups that used the most CPU in between. */
    static String cpuShareByGroup(String service, Cpu before, Cpu after, double seconds) {
        Map<String, Long> delta = new HashMap<>();
        after.byThread().forEach((k, v) -> delta.merge(k.substring(k.indexOf('|') + 1),
                v - before.byThread().getOrDefault(k, 0L), Long::sum));
        String groups = delta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> String.format(Locale.ROOT, "    %6.2f s  %s%n", e.getValue() / 1e9, e.getKey()))
                .reduce("  CPU by thread group:\n", String::concat);
        return cpuShare(service, before, after, seconds) + groups;
    }

    static String cpuLine(String service, double seconds, double cpu, double wait) {
        return String.format(Locale.ROOT, "%s over %.1f s: %.2f s on CPU (%.0f%% of one core), %.2f s runnable but waiting"
                + " for a CPU, summed over threads (run queue, /proc/<pid>/task/*/schedstat): %.2f s of waiting per second of CPU%n", service, seconds,
                cpu, 100 * cpu / seconds, wait, cpu == 0 ? 0 : wait / cpu);
    }

    /**
     * The machine's boot time in epoch milliseconds, to about 10 ms: the wall clock less /proc/uptime. Not
     * {@code btime} of /proc/stat, which is truncated to the second and so would make every process look up to a
     * second older than it is.
     */
    static long bootTimeMillis() throws IOException {
        long best = Long.MAX_VALUE;
        long boot = 0;
        for (int i = 0; i < 5; i++) {
            long before = System.currentTimeMillis();
            String uptime = Files.readString(Path.of("/proc/uptime"));
            long after = System.currentTimeMillis();
            if (after - before < best) {
                best = after - before;
                boot = bootTimeMillis(uptime, (before + after) / 2);
            }
        }
        return boot;
    }

    /**
     * The boot time that an /proc/uptime line read at {@code nowMillis} implies. The uptime is printed to the
     * hundredth of a second, truncated, so the middle of that hundredth is taken.
     */
    static long bootTimeMillis(String uptime, long nowMillis) {
        BigDecimal seconds = new BigDecimal(uptime.trim().split("\\s+")[0]);
        return nowMillis - seconds.movePointRight(3).longValueExact() - 5;
    }

    /**
     * When the process whose pid the file holds started, in epoch milliseconds; null while the file or the
     * process is not there yet.
     */
    static Long startMillis(Path pidFile, long bootTimeMillis) throws IOException {
        if (!Files.exists(pidFile)) {
            return null;
        }
        String pid = Files.readString(pidFile).trim();
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (pid.isEmpty() || !Files.exists(stat)) {
            return null;
        }
        return startMillis(Files.readString(stat), bootTimeMillis);
    }

    /**
     * Field 22 of /proc/<pid>/stat, the start time in clock ticks after boot (10 ms), counted after the command
     * name, which is in parentheses and may itself hold spaces.
     */
    static long startMillis(String stat, long bootTimeMillis) {
        return bootTimeMillis + Math.round(Long.parseLong(statFields(stat)[19]) * TICK_MS);
    }

    /** Clock ticks of /proc (USER_HZ, 100 on Linux), in ms. */
    static final double TICK_MS = 10.0;

    /**
     * The fields of a /proc/&lt;pid&gt;/stat line after the command name, from the state on (index 0 is field 3 of
     * the line). The name is in parentheses and may itself hold spaces and parentheses, so the fields start after the
     * last ')'.
     */
    static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    /** A "kB" field of /proc/<pid>/status (VmRSS, RssAnon, RssFile); 0 when absent. */
    static long statusKb(List<String> status, String field) {
        return status.stream().filter(l -> l.startsWith(field + ":")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
    }

    /**
     * Which class cache a JVM mapped ({@code /proc/<pid>/maps}: the AOT cache of Java 25, {@code *.aot}, or an AppCDS
     * archive, {@code *.jsa}, other than the JDK's own {@code classes*.jsa}), or "not mapped".
     */
    static String classCache(String pid) {
        try {
            return classCache(Files.readAllLines(Path.of("/proc/" + pid + "/maps")));
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static String classCache(List<String> maps) {
        return maps.stream().map(l -> l.contains("/") ? l.substring(l.indexOf('/')) : "")
                .filter(f -> f.endsWith(".aot") || (f.endsWith(".jsa") && !f.matches(".*/classes(_nocoops)?(_coh)?\\.jsa")))
                .map(f -> "mapped (" + Path.of(f).getFileName() + ")").findFirst().orElse("not mapped");
    }

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
