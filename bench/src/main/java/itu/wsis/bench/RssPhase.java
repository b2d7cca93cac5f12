package itu.wsis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Measure 7, memory (phase 11): each service's resident memory after the load phases, and what it is made of. */
final class RssPhase {

    private final RunContext ctx;

    RssPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
        ctx.load("RSS");
        for (String name : Stack.SERVICES.keySet()) {
            String pid = ctx.stack.pid(name);
            List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
            double mb = ProcStats.statusKb(status, "VmRSS") / 1024.0;
            // What the RSS is made of, for the analysis: anonymous memory (heap, the relocated class cache, code,
            // metaspace, malloc) against mapped files (the JVM's libraries and jars), the class cache's size, and
            // the heap as the collector sees it.
            String cacheSize = "none";
            try (var caches = Files.newDirectoryStream(ctx.root.resolve(name + "/target"), "wsis-jdk*.{aot,jsa}")) {
                for (Path cache : caches) {
                    cacheSize = String.format(Locale.ROOT, "%.0f MiB", Files.size(cache) / 1048576.0);
                }
            }
            ctx.report.figure("7", name + ": RSS after the load phases", mb, "MiB", "", null, "≤ 300 MiB",
                    String.format(Locale.ROOT, "from /proc/<pid>/status after the load phases: %.0f MiB anonymous, "
                                    + "%.0f MiB mapped files; class cache file %s; -Xmx256m",
                            ProcStats.statusKb(status, "RssAnon") / 1024.0, ProcStats.statusKb(status, "RssFile") / 1024.0, cacheSize));
            Proc.Result heap = ctx.stack.tool(List.of("jcmd", pid, "GC.heap_info"));
            ctx.report.evidence.put("heap of " + name + " after the load phases (jcmd GC.heap_info)", heap.out().strip());
            outsideTheHeap(name, mb, heap.out());
        }
    }

    /**
     * The resident memory that is not Java heap, at least: the RSS less every page the collector has committed
     * (not all of them need be resident, so the rest is a floor). Under 300 MiB, the goal leaves the heap what is
     * left over; set beside what the old generation held after the load phases.
     */
    private void outsideTheHeap(String name, double rssMb, String heapInfo) {
        long committedKb = Limits.committedHeapKb(heapInfo);
        if (committedKb < 0) {
            ctx.report.notMeasured("7", name + ": RSS outside the Java heap", "jcmd GC.heap_info was not the serial"
                    + " collector's");
            return;
        }
        double outside = rssMb - committedKb / 1024.0;
        long tenuredKb = Limits.tenuredUsedKb(heapInfo);
        ctx.report.figure("7", name + ": RSS outside the Java heap, at least (RSS less the committed heap)", outside,
                "MiB", "", null, "", String.format(Locale.ROOT, "%.0f MiB committed heap; a 300 MiB RSS would leave the"
                        + " heap %.0f MiB, and the old generation held %.0f MiB after the load phases (live data and"
                        + " garbage not yet collected)", committedKb / 1024.0, 300 - outside, tenuredKb / 1024.0));
    }
}
