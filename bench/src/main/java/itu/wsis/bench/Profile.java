package itu.wsis.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads a JFR recording taken from a service during a phase: where the CPU samples fall (inclusive, by component;
 * and the hottest methods) and the largest heap seen before a GC.
 */
public final class Profile {

    /** Summarises a recording offline: {@code java -cp ... itu.wsis.bench.Profile file.jfr}. */
    public static void main(String[] args) throws IOException {
        System.out.println(read(Path.of(args[0])).text());
    }


    record Summary(long samples, String text, long maxHeapBeforeGc, long maxHeapAfterGc, int gcCount) {
    }

    // Inclusive: a sample counts for every component that appears anywhere on its stack.
    private static final Map<String, Predicate<String>> COMPONENTS = new LinkedHashMap<>();

    static {
        // BouncyCastle's RFC 8032 code signs and checks the links since 150d0e5; the JDK's EdDSA is kept for older runs.
        COMPONENTS.put("Ed25519 (personal-link signature)", c -> c.startsWith("org.bouncycastle.math.ec.rfc8032.")
                || c.startsWith("org.bouncycastle.math.ec.rfc7748.") || c.startsWith("org.bouncycastle.crypto.signers.Ed25519")
                || c.startsWith("sun.security.ec.ed.") || c.startsWith("sun.security.ec.point")
                || c.startsWith("sun.security.util.math"));
        COMPONENTS.put("PostgreSQL reactive client", c -> c.startsWith("io.vertx.pgclient.")
                || c.startsWith("io.vertx.sqlclient."));
        COMPONENTS.put("Hibernate Reactive / ORM", c -> c.startsWith("org.hibernate.")
                && !c.startsWith("org.hibernate.validator."));
        COMPONENTS.put("Bean Validation", c -> c.startsWith("org.hibernate.validator."));
        COMPONENTS.put("Jackson JSON", c -> c.startsWith("com.fasterxml.jackson."));
        COMPONENTS.put("RESTEasy Reactive", c -> c.startsWith("org.jboss.resteasy.reactive."));
        COMPONENTS.put("Netty (HTTP/TCP I/O)", c -> c.startsWith("io.netty."));
        COMPONENTS.put("Kafka client", c -> c.startsWith("org.apache.kafka."));
        COMPONENTS.put("Qute templates", c -> c.startsWith("io.quarkus.qute."));
        COMPONENTS.put("Vert.x mail client", c -> c.startsWith("io.vertx.ext.mail."));
        COMPONENTS.put("Micrometer", c -> c.startsWith("io.micrometer."));
        COMPONENTS.put("OpenTelemetry (spans, context)", c -> c.startsWith("io.opentelemetry.")
                || c.startsWith("io.quarkus.opentelemetry."));
        COMPONENTS.put("Logging", c -> c.startsWith("org.jboss.logmanager.") || c.startsWith("org.jboss.logging."));
        COMPONENTS.put("SmallRye JWT / security", c -> c.startsWith("io.smallrye.jwt.") || c.startsWith("io.quarkus.security."));
        COMPONENTS.put("Project code (itu.wsis.*)", c -> c.startsWith("itu.wsis."));
    }

    private Profile() {
    }

    /** The components a frame of this class belongs to (several where they overlap, none for most). */
    static List<String> components(String className) {
        return COMPONENTS.entrySet().stream().filter(c -> c.getValue().test(className)).map(Map.Entry::getKey).toList();
    }

    static Summary read(Path jfr) throws IOException {
        long samples = 0;
        Map<String, Long> byComponent = new HashMap<>();
        Map<String, Long> selfTop = new HashMap<>();
        Map<String, Long> projectTop = new HashMap<>();
        Map<String, Long> byThread = new HashMap<>();
        long maxBefore = 0;
        long maxAfter = 0;
        int gcs = 0;
        List<RecordedEvent> compilations = new ArrayList<>();
        Map<String, Long> deoptimizations = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.Compilation")) {
                compilations.add(e);
                continue;
            }
            if (type.equals("jdk.Deoptimization")) {
                deoptimizations.merge(e.getString("reason"), 1L, Long::sum);
                continue;
            }
            if (type.equals("jdk.GCHeapSummary")) {
                long used = e.getLong("heapUsed");
                if ("Before GC".equals(e.getString("when"))) {
                    maxBefore = Math.max(maxBefore, used);
                    gcs++;
                } else {
                    maxAfter = Math.max(maxAfter, used);
                }
                continue;
            }
            if (!type.equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            RecordedThread t = e.getThread("sampledThread");
            String tn = t == null || t.getJavaName() == null ? "?" : t.getJavaName().replaceAll("[-#]?\\d+$", "")
                    .replaceAll("-\\d+-", "-N-");
            byThread.merge(tn, 1L, Long::sum);
            List<RecordedFrame> frames = st.getFrames();
            RecordedFrame top = frames.get(0);
            selfTop.merge(name(top), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            boolean projectSeen = false;
            for (RecordedFrame f : frames) {
                String cls = f.getMethod().getType().getName();
                seen.addAll(components(cls));
                if (!projectSeen && cls.startsWith("itu.wsis.")) {
                    projectTop.merge(name(f), 1L, Long::sum);
                    projectSeen = true;
                }
            }
            for (String s : seen) {
                byComponent.merge(s, 1L, Long::sum);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("CPU samples (jdk.ExecutionSample, Java threads running Java code): ").append(samples).append('\n');
        b.append("\nBy component, inclusive (share of samples with the component anywhere on the stack):\n");
        appendTop(b, byComponent, samples, 20);
        b.append("\nBy thread:\n");
        appendTop(b, byThread, samples, 8);
        b.append("\nHottest methods (self, top frame):\n");
        appendTop(b, selfTop, samples, 15);
        b.append("\nInnermost project frame (itu.wsis.*) on the stack:\n");
        appendTop(b, projectTop, samples, 10);
        appendJit(b, compilations, deoptimizations);
        return new Summary(samples, b.toString(), maxBefore, maxAfter, gcs);
    }

    /**
     * The JIT while the recording ran: a hot method still being compiled long after the warm-up, or a compilation
     * that takes far longer in wall time than in CPU, means the compiler waits for a core the event loops hold, and
     * the method runs its slower profiled code meanwhile. JFR's profile settings record only compilations of 100 ms
     * or more.
     */
    static void appendJit(StringBuilder b, List<RecordedEvent> compilations, Map<String, Long> deoptimizations) {
        long deopts = deoptimizations.values().stream().mapToLong(Long::longValue).sum();
        b.append(String.format(Locale.ROOT, "%nJIT: %d compilations recorded (jdk.Compilation, those over the"
                + " recording's threshold), %d deoptimizations (jdk.Deoptimization)%n", compilations.size(), deopts));
        compilations.stream()
                .sorted(Comparator.comparing(RecordedEvent::getDuration, Comparator.reverseOrder()))
                .limit(10)
                .forEach(c -> b.append(String.format(Locale.ROOT, "  %6d ms  level %d%s  %s%n",
                        c.getDuration().toMillis(), c.getInt("compileLevel"), c.getBoolean("isOsr") ? " (OSR)" : "",
                        c.getValue("method") instanceof RecordedMethod m ? m.getType().getName() + "." + m.getName() : "?")));
        if (deopts > 0) {
            b.append("Deoptimizations by reason:\n");
            appendTop(b, deoptimizations, deopts, 8);
        }
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void appendTop(StringBuilder b, Map<String, Long> counts, long total, int n) {
        List<Map.Entry<String, Long>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).collect(Collectors.toList());
        for (Map.Entry<String, Long> e : top) {
            b.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(total, 1), e.getKey()));
        }
    }
}
