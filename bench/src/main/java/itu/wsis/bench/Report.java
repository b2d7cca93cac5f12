package itu.wsis.bench;

import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results file: machine, parameters, the load average at each phase, one table of every figure, then findings and
 * evidence. Phases add to it; {@link #write} turns it into markdown.
 */
final class Report {

    /** A figure; value null means "not measured" and {@code note} says why. */
    record Figure(String measure, String name, Double value, String unit, String reference, Double referenceValue,
                  String goal, String note) {
    }

    final Map<String, String> machine = new LinkedHashMap<>();
    final Map<String, String> parameters = new LinkedHashMap<>();
    final List<Figure> figures = new ArrayList<>();
    final List<String> findings = new ArrayList<>();
    final Map<String, String> evidence = new LinkedHashMap<>();
    final List<String> loadSamples = new ArrayList<>();

    void figure(String measure, String name, Double value, String unit, String reference, Double referenceValue,
                String goal, String note) {
        figures.add(new Figure(measure, name, value, unit, reference, referenceValue, goal, note));
    }

    void notMeasured(String measure, String name, String reason) {
        figures.add(new Figure(measure, name, null, "", "", null, "", "NOT MEASURED: " + reason));
    }

    /** The load average (1/5/15 min) at the start of a phase. */
    void load(String phase) {
        try {
            loadSamples.add(phase + ": " + ProcStats.loadAverage());
        } catch (IOException e) {
            loadSamples.add(phase + ": unreadable");
        }
    }

    /** The "Machine" table: what the figures were measured on. */
    void describeMachine(String commit) throws IOException {
        machine.put("cores (available to the JVM)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().orElse("?").replaceAll("\\s+", " ");
        machine.put("memory", mem);
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        machine.put("CPU", cpu);
        machine.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("kernel", Files.readString(Path.of("/proc/version")).split(" \\(")[0]);
        machine.put("commit", commit);
        machine.put("started (UTC)", Instant.now().toString());
    }

    /** {@code <date>-<commit>[-emails][-quick].md}: a partial or quick run never takes a full run's name. */
    static String fileName(LocalDate date, String commit, Part part, boolean quick) {
        return date + "-" + commit + part.fileSuffix + (quick ? "-quick" : "") + ".md";
    }

    static String title(LocalDate date, String commit, Part part, boolean quick) {
        return "Benchmark results " + date + ", commit " + commit + part.titleSuffix
                + (quick ? " (quick mode)" : "");
    }

    /** The coarse ticks of an HdrHistogram's percentile distribution: enough to read the shape. */
    static String percentiles(Histogram h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.outputPercentileDistribution(new PrintStream(out), 2, 1.0);
        String all = out.toString();
        return all.lines().filter(l -> !l.isBlank()).limit(40).reduce((a, b2) -> a + "\n" + b2).orElse("");
    }

    static String fmt(Double v) {
        if (v == null) {
            return "—";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** "≥ x" goals are on the ratio to the reference, "< x unit" and "≤ x unit" goals on the value itself. */
    static String verdict(Figure f) {
        String g = f.goal() == null ? "" : f.goal().trim();
        if (f.value() == null || !(g.startsWith("≥") || g.startsWith("<") || g.startsWith("≤"))) {
            return "";
        }
        double limit = Double.parseDouble(g.substring(1).trim().split("[ ×]")[0]);
        if (g.startsWith("≥")) {
            if (f.referenceValue() == null || f.referenceValue() == 0) {
                return "not measured";
            }
            return f.value() / f.referenceValue() >= limit ? "yes" : "**no**";
        }
        if (g.startsWith("≤")) {
            return f.value() <= limit ? "yes" : "**no**";
        }
        return f.value() < limit ? "yes" : "**no**";
    }

    void write(Path file, String title) throws Exception {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(title).append("\n\n");
        b.append("Written by `bench/run` (see [bench/README.md](../README.md)). Every figure below was measured in this run"
                + " (references marked \"platform notes\" are earlier measurements from ../shared/platform-notes.md, for"
                + " scale); a figure that could not be measured says so and why.\n\n");
        b.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append("\nLoad average (1/5/15 min) sampled at each phase: the machine is shared with other builds, so absolute"
                + " numbers are noisy.\n\n");
        for (String s : loadSamples) {
            b.append("- ").append(s).append('\n');
        }
        b.append("\n## Parameters\n\n| | |\n|---|---|\n");
        parameters.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append("\n## Figures\n\n| # | figure | value | unit | reference | ratio | goal | met? | note |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            String ratio = f.value() != null && f.referenceValue() != null && f.referenceValue() != 0
                    ? fmt(f.value() / f.referenceValue()) : "—";
            b.append("| ").append(f.measure()).append(" | ").append(f.name()).append(" | ").append(fmt(f.value()))
                    .append(" | ").append(f.unit()).append(" | ").append(f.reference() == null ? "" : f.reference())
                    .append(" | ").append(ratio).append(" | ").append(f.goal() == null ? "" : f.goal())
                    .append(" | ").append(verdict(f))
                    .append(" | ").append(f.note() == null ? "" : f.note().replace("|", "\\|")).append(" |\n");
        }
        b.append("\n## Findings\n\n");
        for (String f : findings) {
            b.append("- ").append(f).append('\n');
        }
        b.append("\n## Evidence\n\n");
        evidence.forEach((k, v) -> b.append("### ").append(k).append("\n\n```\n").append(v.strip()).append("\n```\n\n"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString());
    }
}
