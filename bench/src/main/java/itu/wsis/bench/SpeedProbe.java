package itu.wsis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How fast this machine's CPU is at one point of a run: the same single-thread work in the bench's JVM, timed.
 * <p>
 * A figure with a reference measured in the same run (pgbench, the sink's raw rate) carries the machine's speed in
 * both terms of its ratio; a figure in seconds does not (a start, {@code ./wsis up}). Machines of this kind have run
 * the same code far apart from one session to the next (pgbench 2,649 to 8,226 TPS, a service's lone start 3.4 to
 * 2.0 s), and a host may slow a machine down under sustained load (steal time, a burstable machine's spent credits).
 * A reading at the run's start, before the lone starts and at the end says whether the CPU was as fast when each was
 * measured, and the steal time since the previous reading says whether the host took the CPU. The sort also feels
 * what the other core does (caches, memory bandwidth): the SHA-256 rate is the one read as the CPU's speed.
 * <p>
 * The work: SHA-256 over {@link #BYTES} bytes (the JDK's intrinsic, the core's raw throughput) and a sort of
 * {@link #INTS} pseudo-random ints (branchy code and the caches), each the median of {@link #RUNS} runs after
 * {@link #WARM_UP} unmeasured ones, which compile both. About a second in all.
 */
final class SpeedProbe {

    static final int BYTES = 32 << 20;
    static final int INTS = 1 << 21;
    static final int RUNS = 5;
    static final int WARM_UP = 3;

    /** One reading; {@code stealShare} and {@code busyShare} are of every CPU tick since the previous reading. */
    record Reading(String label, double shaMegabytesPerSecond, double sortMillis, double stealShare, double busyShare) {
    }

    private final byte[] data = new byte[BYTES];
    private final int[] ints = new int[INTS];
    private final List<Reading> readings = new ArrayList<>();
    private Ticks lastTicks = new Ticks(0, 0, 0);
    /** Where each digest goes, so that the compiler cannot leave the work out. */
    private volatile byte lastDigestByte;

    SpeedProbe() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt();
        }
        for (int i = 0; i < ints.length; i++) {
            ints[i] = random.nextInt();
        }
    }

    /** Takes a reading and keeps it; the first one's steal and busy shares are since the machine booted. */
    Reading take(String label) {
        Ticks ticks = Ticks.now();
        double[] sha = new double[RUNS];
        double[] sort = new double[RUNS];
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long t0 = System.nanoTime();
            digest();
            long t1 = System.nanoTime();
            sortCopy();
            long t2 = System.nanoTime();
            if (i >= WARM_UP) {
                sha[i - WARM_UP] = BYTES / 1e6 / ((t1 - t0) / 1e9);
                sort[i - WARM_UP] = (t2 - t1) / 1e6;
            }
        }
        long all = ticks.all() - lastTicks.all();
        Reading r = new Reading(label, median(sha), median(sort), share(ticks.steal() - lastTicks.steal(), all),
                share(ticks.busy() - lastTicks.busy(), all));
        lastTicks = ticks;
        readings.add(r);
        return r;
    }

    List<Reading> readings() {
        return List.copyOf(readings);
    }

    /** Each reading against the first: the evidence's table. */
    String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-40s %12s %8s %10s %8s %12s %12s%n", "reading", "SHA-256 MB/s", "÷ first", "sort ms", "÷ first",
                "steal since", "busy since"));
        Reading first = readings.isEmpty() ? null : readings.get(0);
        for (Reading r : readings) {
            out.append(String.format(Locale.ROOT, "%-40s %12.0f %8.2f %10.1f %8.2f %11.2f%% %11.1f%%%n", r.label(),
                    r.shaMegabytesPerSecond(), r.shaMegabytesPerSecond() / first.shaMegabytesPerSecond(), r.sortMillis(),
                    r.sortMillis() / first.sortMillis(), 100 * r.stealShare(), 100 * r.busyShare()));
        }
        return out.append("(the first reading's shares are since the machine booted; a sort ÷ first above 1 is slower)\n")
                .toString();
    }

    private void digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(data);
            lastDigestByte = sha.digest()[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sortCopy() {
        int[] copy = Arrays.copyOf(ints, ints.length);
        Arrays.sort(copy);
        if (copy[0] > copy[copy.length - 1]) {
            throw new IllegalStateException("not sorted");
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double share(long part, long all) {
        return all <= 0 ? 0 : (double) part / all;
    }

    /** Every tick, the steal ticks and the busy ticks of /proc/stat's first line, since the machine booted. */
    private record Ticks(long all, long steal, long busy) {
        static Ticks now() {
            try {
                List<String> stat = Files.readAllLines(Path.of("/proc/stat"));
                return new Ticks(MachineCpu.allTicks(stat), MachineCpu.stealTicks(stat), MachineCpu.busyTicks(stat));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read /proc/stat", e);
            }
        }
    }
}
