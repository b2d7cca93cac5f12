package itu.wsis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark suite, run by {@code bench/run}: starts the local stack with the emails going to an in-process SMTP
 * sink, measures, writes bench/results/&lt;date&gt;-&lt;commit&gt;.md, stops the stack. See bench/README.md.
 */
public final class Bench {

    static final String INV = "http://127.0.0.1:8081";
    static final String REG = "http://127.0.0.1:8082";
    static final String NOTIF = "http://127.0.0.1:8084";
    static final int SINK_PORT = 2525;
    static final int POSTFIX_SINK_PORT = 2526;
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("invitation-service", 8081);
        SERVICES.put("registration-service", 8082);
        SERVICES.put("speaking-request-service", 8083);
        SERVICES.put("notification-service", 8084);
    }

    private static final int WARM_UP_FACTOR = 4;

    record Params(boolean quick, int clients, int pgbenchSeconds, int pgbenchRows, int wrkSeconds, int latencySeconds,
                  int e2eCount, double e2eRate, int bulkLarge, int sweepContacts, int smtpMessages) {

        static Params of(boolean quick) {
            return quick ? new Params(true, 2, 3, 2_000, 3, 3, 10, 5, 50, 1_000, 300)
                    : new Params(false, 8, 20, 200_000, 15, 20, 150, 10, 10_000, 100_000, 20_000);
        }
    }

    private final Path root;
    private final Path work;
    private final Path postfix;
    private final Params p;
    private final String commit;
    private final Report report = new Report();
    private final Map<String, String> stackEnv = new HashMap<>();
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();
    private final List<SmtpSink.Received> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private SmtpSink sink;
    private Api secretariat;
    private Api ops;
    private boolean stackStarted;

    Bench(Path root, Params p, String commit, Path postfix) {
        this.root = root;
        this.work = root.resolve("bench/target/work");
        this.p = p;
        this.commit = commit;
        this.postfix = postfix;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path root = Path.of(".").toAbsolutePath().normalize();
        String commit = "unknown";
        Path postfix = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--commit" -> commit = args[++i];
                case "--postfix" -> postfix = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Bench bench = new Bench(root, Params.of(quick), commit, postfix);
        int rc = bench.run(out);
        System.exit(rc);
    }

    int run(Path out) throws Exception {
        Files.createDirectories(work);
        int rc = 0;
        try {
            machine();
            sink = new SmtpSink(SINK_PORT);
            sink.listen(r -> {
                received.add(r);
                if (r.invitationId() != null && r.token() != null) {
                    tokens.putIfAbsent(r.invitationId(), r.token());
                }
            });
            startStack();
            List<UUID> demo = waitForNewInvitations(Set.of(), 193, 240, "demo data");
            UUID letterId = bulk193();
            List<OpenLoop.Invitee> large = bulkLarge(letterId);
            smtpRaw();
            // End to end first, on an idle stack: later phases leave thousands of receipt emails queued in
            // notification-service, and waiting for them to drain would take longer than the rest of the run.
            endToEnd(demo);
            double pgTps = pgbench();
            List<OpenLoop.Invitee> warm = large.subList(0, large.size() / 3);
            List<OpenLoop.Invitee> partA = large.subList(large.size() / 3, large.size() * 2 / 3);
            List<OpenLoop.Invitee> partB = large.subList(large.size() * 2 / 3, large.size());
            warmUp(warm);
            double httpRate = throughput(partA, pgTps);
            Thread.sleep(5000);
            latency(partB, httpRate);
            report.findings.add(String.format(Locale.ROOT, "During the throughput and latency runs notification-service was"
                    + " sending the receipts of the accepts in the background (%d emails queued behind them when the"
                    + " latency run ended): that is the system as deployed, and it shares the 2 cores with registration-service.",
                    backlog()));
            rss();
            sweep(letterId);
        } catch (Exception | Error e) {
            rc = 1;
            e.printStackTrace();
            report.findings.add("**The run did not complete**: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + ". Figures after that point are missing.");
        } finally {
            load("end");
            if (stackStarted) {
                Proc.Result down = Proc.run(root, stackEnv, List.of("./wsis", "down"));
                System.err.println(down.out());
            }
            if (sink != null) {
                sink.close();
            }
            String date = LocalDate.now(ZoneOffset.UTC).toString();
            Path file = (out != null ? out : root.resolve("bench/results"))
                    .resolve(date + "-" + commit + (p.quick() ? "-quick" : "") + ".md");
            report.write(file, "Benchmark results " + date + ", commit " + commit + (p.quick() ? " (quick mode)" : ""));
            System.err.println("bench: results written to " + file);
        }
        return rc;
    }

    // --- machine, stack -------------------------------------------------------------------------------------

    private void machine() throws IOException {
        report.machine.put("cores (available to the JVM)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().orElse("?").replaceAll("\\s+", " ");
        report.machine.put("memory", mem);
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        report.machine.put("CPU", cpu);
        report.machine.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.machine.put("kernel", Files.readString(Path.of("/proc/version")).split(" \\(")[0]);
        report.machine.put("commit", commit);
        report.machine.put("started (UTC)", Instant.now().toString());
        report.parameters.put("mode", p.quick() ? "quick (tiny parameters: the harness is exercised, the numbers mean nothing)" : "full");
        report.parameters.put("concurrency N (pgbench clients, wrk connections)", String.valueOf(p.clients()));
        report.parameters.put("pgbench", p.pgbenchSeconds() + " s, " + p.pgbenchRows() + " seeded invitations, -M prepared, -j 2");
        report.parameters.put("HTTP max throughput (wrk, closed loop)", p.wrkSeconds() + " s, 2 threads, after a warm-up run " + WARM_UP_FACTOR
                + " times as long on other invitations");
        report.parameters.put("latency (open loop)", p.latencySeconds() + " s at 50% of the measured maximum");
        report.parameters.put("end to end", p.e2eCount() + " accepts at " + p.e2eRate() + "/s (open loop)");
        report.parameters.put("bulk issue", "193 and " + p.bulkLarge() + " invitations");
        report.parameters.put("reminder sweep", p.sweepContacts() + " open invitations seeded by SQL");
        report.parameters.put("raw SMTP", p.smtpMessages() + " messages per smtp-source run");
        report.parameters.put("stack", "`./wsis up` with WSIS_RUN_DIR=bench/target/run (fresh data), WSIS_SMTP_PORT="
                + SINK_PORT + " (the bench's SMTP sink instead of GreenMail), service JVMs -Xmx256m (the wsis default)");
        report.parameters.put("config overrides for the run", "WSIS_LINKS_RATE_LIMITS_PER_LINK_PERMITS=1000000 (the"
                + " load repeats each invitee's link far beyond the production limit of 30/min per link; failed"
                + " authentications, the only thing counted per address, do not occur);"
                + " WSIS_NOTIFICATIONS_REMINDERS_SWEEP_INTERVAL=off"
                + " (the sweep runs only when the bench triggers it, so it is measured alone)");
        load("start");
    }

    private void load(String phase) {
        try {
            report.loadSamples.add(phase + ": " + Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException e) {
            report.loadSamples.add(phase + ": unreadable");
        }
    }

    private void startStack() throws Exception {
        Path run = root.resolve("bench/target/run");
        Proc.run(root, Map.of(), List.of("rm", "-rf", run.toString())).requireOk("rm run dir");
        stackEnv.put("WSIS_RUN_DIR", run.toString());
        stackEnv.put("WSIS_SMTP_PORT", String.valueOf(SINK_PORT));
        stackEnv.put("WSIS_UP_TIMEOUT", "400");
        stackEnv.put("WSIS_LINKS_RATE_LIMITS_PER_LINK_PERMITS", "1000000");
        stackEnv.put("WSIS_NOTIFICATIONS_REMINDERS_SWEEP_INTERVAL", "off");
        Api probe = new Api("");
        for (int port : new int[] {15432, 9092, 3025, 8025, 8081, 8082, 8083, 8084}) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                throw new IllegalStateException("port " + port + " is in use: stop the local stack (./wsis down) first");
            } catch (java.net.ConnectException expected) {
                // free
            }
        }
        Process up = Proc.start(root, stackEnv, List.of("./wsis", "up"), work.resolve("wsis-up.log"));
        stackStarted = true;
        // Measure 7: from the JVM's start (kernel start time of the pid ./wsis recorded) to the first 200 from
        // /q/health/ready, polled every 20 ms, independent of ./wsis's own 1 s polling.
        Map<String, Long> startMillis = new HashMap<>();
        Map<String, Long> readyMillis = new HashMap<>();
        long deadline = System.currentTimeMillis() + 400_000;
        long btime = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith("btime"))
                .map(l -> Long.parseLong(l.split("\\s+")[1])).findFirst().orElseThrow();
        while (readyMillis.size() < SERVICES.size() && System.currentTimeMillis() < deadline && up.isAlive()) {
            for (Map.Entry<String, Integer> s : SERVICES.entrySet()) {
                String name = s.getKey();
                if (!startMillis.containsKey(name)) {
                    Path pidFile = run.resolve("pids/" + name + ".pid");
                    if (Files.exists(pidFile)) {
                        String pid = Files.readString(pidFile).trim();
                        if (!pid.isEmpty()) {
                            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            long ticks = Long.parseLong(f[19]);
                            startMillis.put(name, btime * 1000 + ticks * 10);
                        }
                    }
                } else if (!readyMillis.containsKey(name) && probe.status("http://127.0.0.1:" + s.getValue() + "/q/health/ready") == 200) {
                    readyMillis.put(name, System.currentTimeMillis());
                }
            }
            Thread.sleep(20);
        }
        int exit = up.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("./wsis up failed (exit " + exit + "), see " + work.resolve("wsis-up.log")
                    + "\n" + Proc.tail(Files.readString(work.resolve("wsis-up.log")), 2000));
        }
        load("stack up");
        for (String name : SERVICES.keySet()) {
            Long s = startMillis.get(name);
            Long r = readyMillis.get(name);
            if (s == null || r == null) {
                report.notMeasured("7", name + ": process start → first 200 from /q/health/ready", "pid or readiness not seen");
            } else {
                report.figure("7", name + ": process start → first 200 from /q/health/ready", (r - s) / 1000.0, "s",
                        "", null, "", "4 services and Kafka/PostgreSQL start together on " + Runtime.getRuntime().availableProcessors()
                                + " cores; start time from /proc/<pid>/stat (10 ms ticks)");
            }
        }
        secretariat = new Api(token("secretariat"));
        ops = new Api(token("ops"));
    }

    private String token(String role) {
        return Proc.run(root, stackEnv, List.of("./wsis", "token", role)).requireOk("./wsis token").out().trim()
                .lines().reduce((a, b) -> b).orElseThrow();
    }

    // --- invitations and their emails ---------------------------------------------------------------------------

    /** Waits until {@code expected} invitation emails for invitations not in {@code known} have arrived. */
    private List<UUID> waitForNewInvitations(Set<UUID> known, int expected, int timeoutSeconds, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            List<UUID> fresh = tokens.keySet().stream().filter(id -> !known.contains(id)).toList();
            if (fresh.size() >= expected) {
                return new ArrayList<>(fresh);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(what + ": only " + tokens.keySet().stream().filter(id -> !known.contains(id)).count()
                + " of " + expected + " invitation emails arrived within " + timeoutSeconds + " s");
    }

    private UUID bulk193() throws Exception {
        JsonNode forums = secretariat.get(INV + "/forums");
        String forumId = forums.get(0).get("id").asText();
        Path demo = root.resolve("invitation-service/src/main/resources/demo/wsis-2022");
        ObjectNode letter = (ObjectNode) Api.JSON.readTree(demo.resolve("letter.json").toFile());
        ObjectNode texts = Api.JSON.createObjectNode();
        letter.get("subjects").fields().forEachRemaining(s -> {
            try {
                ObjectNode t = texts.putObject(s.getKey());
                t.put("subject", s.getValue().asText());
                t.put("body", Files.readString(demo.resolve("body." + s.getKey() + ".md")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        letter.remove("subjects");
        letter.set("texts", texts);
        letter.put("reference", "BENCH-" + (System.currentTimeMillis() / 1000));
        String letterId = secretariat.post(INV + "/forums/" + forumId + "/letters", letter).get("id").asText();
        secretariat.post(INV + "/letters/" + letterId + "/publish", "{}");
        Set<UUID> known = Set.copyOf(tokens.keySet());
        timedBulk(letterId, known, 193, "193 (the demo's Member States)", false);
        return UUID.fromString(letterId);
    }

    private List<OpenLoop.Invitee> bulkLarge(UUID letterId) throws Exception {
        List<String> states = Files.readAllLines(root.resolve("invitation-service/src/main/resources/demo/wsis-2022/invitees.csv"))
                .stream().filter(l -> !l.startsWith("#") && !l.startsWith("memberState")).map(l -> l.split(",")[0]).toList();
        int n = p.bulkLarge();
        for (int from = 0; from < n; from += 1000) {
            ArrayNode rows = Api.JSON.createArrayNode();
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                ObjectNode r = rows.addObject();
                r.put("memberState", states.get(i % states.size()));
                r.put("fullName", "Bench Invitee " + i);
                r.put("formOfAddress", "MADAM_MINISTER");
                r.put("rank", "MINISTER");
                r.put("title", "Minister");
                r.put("ministry", "Ministry of Benchmarks");
                r.put("email", "invitee-" + i + "@bench.example.org");
                r.put("preferredLanguage", "en");
                r.put("timeZone", "Europe/Zurich");
            }
            secretariat.post(INV + "/invitees/import", rows);
        }
        Set<UUID> known = Set.copyOf(tokens.keySet());
        List<UUID> ids = timedBulk(letterId.toString(), known, n, String.format(Locale.ROOT, "%,d", n), true);
        List<OpenLoop.Invitee> out = new ArrayList<>();
        for (UUID id : ids) {
            out.add(new OpenLoop.Invitee(id, tokens.get(id)));
        }
        return out;
    }

    private List<UUID> timedBulk(String letterId, Set<UUID> known, int expected, String label, boolean large)
            throws Exception {
        int before = received.size();
        Path jfr = work.resolve("notification-bulk.jfr");
        PgActivity activity = null;
        long[] ncpu0 = schedstat("notification-service");
        Map<String, Long> nthreads0 = new HashMap<>(threadCpu.get("notification-service"));
        if (large) {
            jfrStart("notification-service", jfr);
            activity = new PgActivity("notification");
        }
        long t0 = System.nanoTime();
        JsonNode r = secretariat.post(INV + "/letters/" + letterId + "/invitations/bulk", "{}");
        long answered = System.nanoTime();
        int issued = r.get("issued").asInt();
        if (issued != expected) {
            throw new IllegalStateException("bulk issued " + issued + ", expected " + expected + ": " + r);
        }
        List<UUID> ids = waitForNewInvitations(known, expected, large ? 3600 : 300, "bulk " + label);
        long done = System.nanoTime();
        if (activity != null) {
            report.evidence.put("CPU and run-queue wait during the bulk of " + label,
                    cpuShare("notification-service", ncpu0, schedstat("notification-service"), (done - t0) / 1e9, nthreads0));
            activity.close();
            report.evidence.put("notification database connections during the bulk of " + label + " (pg_stat_activity)",
                    activity.text());
        }
        List<SmtpSink.Received> batch;
        synchronized (received) {
            batch = received.subList(before, received.size()).stream()
                    .filter(m -> m.invitationId() != null && !known.contains(m.invitationId())).toList();
        }
        load("bulk " + label);
        report.figure("5", "bulk issue of " + label + " invitations: POST …/invitations/bulk answered", (answered - t0) / 1e9,
                "s", "", null, "", "invitation-service: invitations and InvitationIssued outbox rows written");
        report.figure("5", "bulk issue of " + label + ": until every invitation email was accepted by SMTP",
                (done - t0) / 1e9, "s", "", null, "", ids.size() + " distinct invitations seen in emails at the sink");
        if (large && batch.size() > 1) {
            long first = batch.get(0).nanos();
            long last = batch.get(batch.size() - 1).nanos();
            double rate = (batch.size() - 1) / ((last - first) / 1e9);
            double avgBytes = batch.stream().mapToInt(SmtpSink.Received::bytes).average().orElse(0);
            emailRate = rate;
            emailBytes = (int) Math.round(avgBytes);
            Histogram idle = new Histogram(3_600_000_000L, 3);
            Histogram dialogue = new Histogram(3_600_000_000L, 3);
            Histogram data = new Histogram(3_600_000_000L, 3);
            for (SmtpSink.Received m : batch) {
                idle.recordValue(Math.min(m.idleBeforeNanos() / 1000, 3_600_000_000L));
                dialogue.recordValue(Math.min(m.dialogueNanos() / 1000, 3_600_000_000L));
                data.recordValue(Math.min(m.dataNanos() / 1000, 3_600_000_000L));
            }
            report.evidence.put("SMTP timing of notification-service's " + batch.size() + " bulk emails, seen at the sink (µs)",
                    String.format(Locale.ROOT, "idle before MAIL FROM (the service between two messages): mean %.0f, p50 %d, p99 %d%n"
                            + "MAIL FROM → end of DATA (SMTP dialogue):                 mean %.0f, p50 %d, p99 %d%n"
                            + "DATA transfer alone:                                     mean %.0f, p50 %d, p99 %d%n",
                            idle.getMean(), idle.getValueAtPercentile(50), idle.getValueAtPercentile(99),
                            dialogue.getMean(), dialogue.getValueAtPercentile(50), dialogue.getValueAtPercentile(99),
                            data.getMean(), data.getValueAtPercentile(50), data.getValueAtPercentile(99)));
            report.evidence.put("notification-service during the bulk of " + label + " (JFR)", profileText(jfr));
        }
        return ids;
    }

    private double emailRate = -1;
    private int emailBytes = 2048;

    // --- measure 4: SMTP rates --------------------------------------------------------------------------------

    private void smtpRaw() throws Exception {
        drain("invitation emails");
        load("raw SMTP");
        Double sinkReused = null;
        String unmeasured = null;
        if (postfix == null || !Files.isExecutable(postfix.resolve("usr/sbin/smtp-source"))) {
            unmeasured = "Postfix smtp-source not available (bench/run unpacks it with apt-get download postfix)";
        } else {
            sinkReused = smtpSource(SINK_PORT, true, "bench SMTP sink (JVM)");
            Double sinkFresh = smtpSource(SINK_PORT, false, "bench SMTP sink (JVM)");
            Process pf = Proc.start(root, Map.of("LD_LIBRARY_PATH", postfix.resolve("usr/lib/postfix").toString()),
                    smtpSinkCommand(),
                    work.resolve("postfix-smtp-sink.log"));
            try {
                Thread.sleep(500);
                Double pfReused = smtpSource(POSTFIX_SINK_PORT, true, "Postfix smtp-sink");
                Double pfFresh = smtpSource(POSTFIX_SINK_PORT, false, "Postfix smtp-sink");
                report.figure("4", "Postfix smtp-source → Postfix smtp-sink, one connection, " + emailBytes + " B", pfReused,
                        "msg/s", "platform notes: 8.0k msg/s (2 KB)", 8000.0, "", "sink reference");
                report.figure("4", "Postfix smtp-source → Postfix smtp-sink, new connection per message", pfFresh,
                        "msg/s", "platform notes: 2.7k msg/s (2 KB)", 2700.0, "", "sink reference");
                report.figure("4", "smtp-source → bench sink, new connection per message", sinkFresh, "msg/s",
                        "Postfix smtp-sink, same", pfFresh, "", "");
                report.figure("4", "smtp-source → bench sink, one connection (raw rate of the sink)", sinkReused, "msg/s",
                        "Postfix smtp-sink, same", pfReused, "", "same message size as the bulk's emails");
            } finally {
                pf.destroy();
            }
        }
        if (emailRate > 0 && sinkReused != null) {
            report.figure("4", "notification-service emails/s into the bench sink (bulk backlog)", emailRate, "msg/s",
                    "raw rate of the same sink, one connection", sinkReused, "≥ 0.25×",
                    "sequential sender, one SMTP connection reused; average " + emailBytes + " B per email");
        } else if (emailRate > 0) {
            report.figure("4", "notification-service emails/s into the bench sink (bulk backlog)", emailRate, "msg/s",
                    "", null, "≥ 0.25×", "ratio not measured: " + unmeasured);
        } else {
            report.notMeasured("4", "notification-service emails/s", "the large bulk did not produce a rate");
        }
    }

    private List<String> smtpSinkCommand() {
        List<String> cmd = new ArrayList<>(List.of(postfix.resolve("usr/sbin/smtp-sink").toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            // smtp-sink refuses to run as root without a user to switch to.
            cmd.addAll(List.of("-u", "nobody"));
        }
        cmd.addAll(List.of("127.0.0.1:" + POSTFIX_SINK_PORT, "256"));
        return cmd;
    }

    private Double smtpSource(int port, boolean reuse, String label) {
        List<String> cmd = new ArrayList<>(List.of(postfix.resolve("usr/sbin/smtp-source").toString()));
        if (reuse) {
            cmd.add("-d");
        }
        cmd.addAll(List.of("-s", "1", "-l", String.valueOf(emailBytes), "-m", String.valueOf(p.smtpMessages()),
                "-f", "bench@bench.example.org", "-t", "sink@bench.example.org", "127.0.0.1:" + port));
        long t0 = System.nanoTime();
        Proc.Result r = Proc.run(root, Map.of("LD_LIBRARY_PATH", postfix.resolve("usr/lib/postfix").toString()), cmd);
        double s = (System.nanoTime() - t0) / 1e9;
        if (r.exit() != 0) {
            report.findings.add("smtp-source against " + label + " failed: " + Proc.tail(r.out(), 300));
            return null;
        }
        return p.smtpMessages() / s;
    }

    // --- measure 1: pgbench, then HTTP ----------------------------------------------------------------------

    private Map<String, String> pgEnv() {
        return Map.of("PGPASSWORD", "postgres", "PGHOST", "127.0.0.1", "PGPORT", "15432", "PGUSER", "postgres");
    }

    private Proc.Result psql(String db, String sql) {
        return Proc.run(root, pgEnv(), List.of("psql", "-v", "ON_ERROR_STOP=1", "-qAt", "-d", db, "-c", sql));
    }

    private double pgbench() throws Exception {
        load("pgbench");
        // Same server, same schema (dumped from the service's own database after Flyway), in a separate database:
        // the service's outbox relay would otherwise publish pgbench's events to Kafka.
        psql("postgres", "drop database if exists bench_accept").requireOk("drop bench_accept");
        psql("postgres", "create database bench_accept").requireOk("create bench_accept");
        Path schema = work.resolve("registration-schema.sql");
        Proc.Result dump = Proc.run(root, pgEnv(), List.of("pg_dump", "--schema-only", "--no-owner", "-d", "registration",
                "-f", schema.toString())).requireOk("pg_dump");
        Proc.run(root, pgEnv(), List.of("psql", "-v", "ON_ERROR_STOP=1", "-q", "-d", "bench_accept", "-f",
                schema.toString())).requireOk("schema into bench_accept");
        psql("bench_accept", "insert into invitation_view (invitation_id, forum_id, forum_code, letter_id, letter_reference,"
                + " member_state, preferred_language, invitee_rank, deadline_date, deadline_time_zone, deadline_ends_at,"
                + " link_version, revoked_at, issued_at)"
                + " select cast(md5(cast(n as text)) as uuid), '00000000-0000-0000-0000-000000000001', 'WSIS-2022',"
                + " '00000000-0000-0000-0000-000000000002', 'CL-22/010', 'CH', 'fr', 'MINISTER', date '2030-04-15',"
                + " 'Europe/Zurich', timestamptz '2030-04-15 22:00:00+00', 1, null, now()"
                + " from generate_series(1, " + p.pgbenchRows() + ") n; analyze").requireOk("seed invitation_view");
        Path script = work.resolve("accept.sql");
        // pgbench reads ":name" as a variable, even inside a literal: a space after each JSON colon, and the colons
        // of the timestamps escaped as \u003a (the same JSON once parsed).
        String delegation = "[{\"name\": \"Bench Delegate\",\"title\": \"Minister\",\"email\": \"delegate@bench.example.org\","
                + "\"accessibilityNeed\": null,\"headOfDelegation\": true}]";
        String payload = "{\"eventId\": \"00000000-0000-0000-0000-000000000000\",\"occurredAt\": \"2022-03-21T09\\u003a00\\u003a00Z\","
                + "\"invitationId\": \"00000000-0000-0000-0000-000000000000\",\"version\": 1,\"mode\": \"IN_PERSON\","
                + "\"late\": false,\"delegationSize\": 1,\"headOfDelegation\": {\"name\": \"Bench Delegate\",\"title\": \"Minister\"},"
                + "\"channel\": \"WEB\",\"recordedAt\": \"2022-03-21T09\\u003a00\\u003a00Z\",\"recordedBy\": \"invitee\"}";
        // The statements of docs/registration-accept-sql.md, verbatim, with pgbench variables for $n: the admission
        // read of the personal link (statement 0, outside the transaction), then the transaction's three. The only
        // additions: the invitation id is derived from a random row number (md5, computed by the server), and the
        // next version comes from statement 1's r.version (\gset; empty when there is no reply yet), as the service
        // computes it in Java.
        String sql = """
                \\set n random(1, %d)
                select link_version, revoked_at is not null, link_expires_at, preferred_language
                  from invitation_view
                 where invitation_id = cast(md5(cast(:n as text)) as uuid);
                begin;
                select i.invitation_id, i.forum_id, i.forum_code, i.letter_reference, i.deadline_date,
                       i.deadline_time_zone, i.deadline_ends_at, i.link_version, i.revoked_at,
                       s.late_reply_policy, s.max_delegation_size,
                       r.version, r.status, r.participation_mode, r.delegation, r.decline_reason, r.channel,
                       r.late, r.correction, r.recorded_at, r.recorded_by, r.document_reference, r.document_date, r.note,
                       i.erased_at
                  from invitation_view i
                  left join forum_settings s on s.forum_id = i.forum_id
                  left join lateral (select version, status, participation_mode, cast(delegation as text) as delegation, decline_reason, channel, late, correction, recorded_at, recorded_by, document_reference, document_date, note
                                       from reply
                                      where reply.invitation_id = i.invitation_id
                                      order by reply.version desc
                                      limit 1) r on true
                 where i.invitation_id = cast(md5(cast(:n as text)) as uuid) \\gset
                insert into reply (invitation_id, version, status, participation_mode, delegation, decline_reason,
                                   channel, late, correction, recorded_at, recorded_by, document_reference,
                                   document_date, note)
                values (cast(md5(cast(:n as text)) as uuid), coalesce(cast(nullif(:version, '') as integer), 0) + 1, 'ACCEPTED', 'IN_PERSON', cast(cast('%s' as text) as jsonb), null,
                        'WEB', false, false, now(), 'invitee', null,
                        null, null)
                on conflict (invitation_id, version) do nothing;
                insert into outbox_event (event_id, event_type, message_key, occurred_at, payload, topic)
                values (gen_random_uuid(), 'InvitationAccepted.v1', md5(cast(:n as text)), now(), '%s', 'wsis.registration-events')
                returning id;
                commit;
                """.formatted(p.pgbenchRows(), delegation, payload);
        Files.writeString(script, sql);
        Proc.Result r = Proc.run(root, pgEnv(), List.of("pgbench", "-n", "-M", "prepared", "-f", script.toString(),
                "-c", String.valueOf(p.clients()), "-j", "2", "-T", String.valueOf(p.pgbenchSeconds()), "bench_accept"));
        report.evidence.put("pgbench output", r.out());
        r.requireOk("pgbench");
        Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(r.out());
        if (!m.find()) {
            throw new IllegalStateException("no tps in pgbench output");
        }
        double tps = Double.parseDouble(m.group(1));
        String written = psql("bench_accept", "select count(*) from reply").out().trim();
        report.figure("1", "pgbench: the accept (admission read + 3-statement transaction), N clients", tps, "TPS",
                "platform notes: one-row INSERT, 8 clients: 13.4k", 13400.0, "",
                written + " reply rows written; separate database bench_accept, same server and schema");
        return tps;
    }

    /**
     * The same load as the measured run, on other invitations, so that the JIT has compiled the accept path. Four
     * times the measured length: after a warm-up as long as the run, the compiler threads still took nearly half of
     * registration-service's CPU during it (schedstat, 2026-11-29).
     */
    private void warmUp(List<OpenLoop.Invitee> invitees) throws Exception {
        load("HTTP warm-up");
        Path targets = work.resolve("targets-warmup.txt");
        StringBuilder b = new StringBuilder();
        for (OpenLoop.Invitee i : invitees) {
            b.append(i.invitationId()).append(' ').append(i.token()).append('\n');
        }
        Files.writeString(targets, b.toString());
        Proc.Result r = Proc.run(root, Map.of(), List.of("wrk", "-t", "2", "-c", String.valueOf(p.clients()), "-d",
                WARM_UP_FACTOR * p.wrkSeconds() + "s", "--timeout", "10s", "-s",
                root.resolve("bench/accept.lua").toString(), REG, "--", targets.toString(), "2"));
        report.evidence.put("wrk warm-up (not counted)", r.out());
    }

    private double throughput(List<OpenLoop.Invitee> invitees, double pgTps) throws Exception {
        load("HTTP throughput");
        Path targets = work.resolve("targets-throughput.txt");
        StringBuilder b = new StringBuilder();
        for (OpenLoop.Invitee i : invitees) {
            b.append(i.invitationId()).append(' ').append(i.token()).append('\n');
        }
        Files.writeString(targets, b.toString());
        String before = ops.text(REG + "/q/metrics");
        Path jfr = work.resolve("registration-throughput.jfr");
        jfrStart("registration-service", jfr);
        PgActivity activity = new PgActivity("registration");
        long[] cpu0 = schedstat("registration-service");
        Map<String, Long> threads0 = new HashMap<>(threadCpu.get("registration-service"));
        long[] ncpu0 = schedstat("notification-service");
        long w0 = System.nanoTime();
        Proc.Result r = Proc.run(root, Map.of(), List.of("wrk", "-t", "2", "-c", String.valueOf(p.clients()), "-d",
                p.wrkSeconds() + "s", "--timeout", "10s", "-s", root.resolve("bench/accept.lua").toString(), REG, "--",
                targets.toString(), "2"));
        double secs = (System.nanoTime() - w0) / 1e9;
        report.evidence.put("CPU and run-queue wait during the throughput run",
                cpuShare("registration-service", cpu0, schedstat("registration-service"), secs, threads0)
                        + cpuShare("notification-service", ncpu0, schedstat("notification-service"), secs));
        activity.close();
        String profile = profileText(jfr);
        String after = ops.text(REG + "/q/metrics");
        report.evidence.put("registration database connections during the throughput run (pg_stat_activity)", activity.text());
        report.evidence.put("wrk output", r.out());
        r.requireOk("wrk");
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(r.out());
        Matcher st = Pattern.compile("statuses 201=(\\d+) 200=(\\d+) other=(\\d+)").matcher(r.out());
        if (!rps.find() || !st.find()) {
            throw new IllegalStateException("wrk output not understood");
        }
        double rate = Double.parseDouble(rps.group(1));
        long c201 = Long.parseLong(st.group(1));
        long c200 = Long.parseLong(st.group(2));
        long other = Long.parseLong(st.group(3));
        long total = c201 + c200 + other;
        double writeRate = total == 0 ? 0 : rate * c201 / total;
        report.figure("1", "HTTP POST /invitations/{id}/accept, N connections, closed loop (wrk), new reply versions/s",
                writeRate, "req/s", "pgbench TPS (above)", pgTps, "≥ 0.6",
                String.format(Locale.ROOT, "%d requests over %d distinct invitations: %d × 201, %d × 200, %d other", total,
                        invitees.size(), c201, c200, other));
        report.evidence.put("registration-service during the throughput run (JFR)", profile);
        report.evidence.put("registration-service /q/metrics, accept endpoint, after the throughput run",
                serverTimer(before, after));
        return writeRate;
    }

    /** The server-side timer of the accept endpoint over the run: what the service itself saw. */
    private static String serverTimer(String before, String after) {
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

    private static double[] timer(String metrics) {
        double count = 0;
        double sum = 0;
        for (String line : metrics.lines().toList()) {
            if (!line.contains("/invitations/{invitationId}/accept") || !line.startsWith("http_server_requests_seconds_")) {
                continue;
            }
            double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (line.startsWith("http_server_requests_seconds_count")) {
                count += v;
            } else if (line.startsWith("http_server_requests_seconds_sum")) {
                sum += v;
            }
        }
        return new double[] {count, sum};
    }

    // --- measure 2 and 3 --------------------------------------------------------------------------------------

    private void latency(List<OpenLoop.Invitee> invitees, double maxRate) throws Exception {
        load("latency");
        double rate = Math.max(1, maxRate / 2);
        long count = (long) (rate * p.latencySeconds());
        String before = ops.text(REG + "/q/metrics");
        PgActivity activity = new PgActivity("registration");
        long[] cpu0 = schedstat("registration-service");
        Map<String, Long> threads0 = new HashMap<>(threadCpu.get("registration-service"));
        long w0 = System.nanoTime();
        OpenLoop.Outcome o = OpenLoop.run(REG, invitees, rate, count, 0);
        report.evidence.put("CPU and run-queue wait during the latency run",
                cpuShare("registration-service", cpu0, schedstat("registration-service"), (System.nanoTime() - w0) / 1e9, threads0));
        activity.close();
        report.evidence.put("registration database connections during the latency run (pg_stat_activity)", activity.text());
        report.evidence.put("registration-service /q/metrics, accept endpoint, over the latency run",
                serverTimer(before, ops.text(REG + "/q/metrics")));
        Histogram h = o.latencyMicros();
        String note = String.format(Locale.ROOT, "%.0f req/s intended (%.0f achieved by the sender), %d requests: %d × 201, %d × 200,"
                + " %d failed; %d sent more than 1 ms late (still timed from the intended instant)", rate, o.achievedRate(),
                o.sent(), o.created(), o.unchanged(), o.failed(), o.late());
        report.figure("2", "accept latency p50 (open loop, from intended send time)", h.getValueAtPercentile(50) / 1000.0,
                "ms", "", null, "", note);
        report.figure("2", "accept latency p99", h.getValueAtPercentile(99) / 1000.0, "ms", "", null, "< 25 ms", "");
        report.figure("2", "accept latency p99.9", h.getValueAtPercentile(99.9) / 1000.0, "ms", "", null, "< 100 ms", "");
        report.figure("2", "accept latency max", h.getMaxValue() / 1000.0, "ms", "", null, "", "");
        report.evidence.put("latency histogram (µs, HdrHistogram percentiles, corrected for coordinated omission by timing from the intended send)",
                percentiles(h));
    }

    private static String percentiles(Histogram h) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        h.outputPercentileDistribution(new java.io.PrintStream(out), 2, 1.0);
        String all = out.toString();
        // The full distribution is long; the coarse ticks are enough to read the shape.
        return all.lines().filter(l -> !l.isBlank()).limit(40).reduce((a, b2) -> a + "\n" + b2).orElse("");
    }

    private void endToEnd(List<UUID> demo) throws Exception {
        load("end to end");
        List<OpenLoop.Invitee> who = new ArrayList<>();
        for (UUID id : demo.subList(0, Math.min(p.e2eCount(), demo.size()))) {
            who.add(new OpenLoop.Invitee(id, tokens.get(id)));
        }
        Map<UUID, Long> arrived = new ConcurrentHashMap<>();
        Consumer<SmtpSink.Received> l = r -> {
            if (r.invitationId() != null) {
                arrived.putIfAbsent(r.invitationId(), r.nanos());
            }
        };
        sink.listen(l);
        OpenLoop.Outcome o = OpenLoop.run(REG, who, p.e2eRate(), who.size(), 0);
        long deadline = System.currentTimeMillis() + 60_000;
        while (arrived.size() < o.created() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        sink.unlisten(l);
        Histogram h = new Histogram(60_000_000L, 3);
        for (Map.Entry<UUID, Long> e : o.intendedNanos().entrySet()) {
            Long at = arrived.get(e.getKey());
            if (at != null) {
                h.recordValue(Math.max(0, (at - e.getValue()) / 1000));
            }
        }
        String note = String.format(Locale.ROOT, "%d accepts (%d × 201), %d receipt emails matched by invitation id", o.sent(),
                o.created(), h.getTotalCount());
        report.figure("3", "confirmation request → receipt email accepted by SMTP, p50", h.getValueAtPercentile(50) / 1000.0,
                "ms", "", null, "", note);
        report.figure("3", "confirmation request → receipt email accepted by SMTP, p99", h.getValueAtPercentile(99) / 1000.0,
                "ms", "", null, "< 500 ms", "");
        report.evidence.put("end-to-end histogram (µs)", percentiles(h));
        // Split of the path, from notification-service's own delivery log (both instants on its clock): how long
        // an intent waited in the table before the sender sent it.
        String ids = o.intendedNanos().keySet().stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElse("null");
        Proc.Result split = psql("notification", "select 'intent created → SENT (ms): n=' || count(*) || ' p50=' ||"
                + " round(percentile_cont(0.5) within group (order by extract(epoch from sent_at - created_at)) * 1000) ||"
                + " ' p99=' || round(percentile_cont(0.99) within group (order by extract(epoch from sent_at - created_at)) * 1000)"
                + " || ' max=' || round(max(extract(epoch from sent_at - created_at)) * 1000)"
                + " from notification where kind = 'REPLY_ACCEPTED' and status = 'SENT' and invitation_id in (" + ids + ")");
        report.evidence.put("end to end: time the receipt intents waited in notification-service (delivery log)",
                split.out() + "\nsender tick: wsis.notifications.sender.interval default 1s (@Scheduled; Quarkus does not"
                        + " support less than 1 s); outbox relay poll: wsis.outbox.poll-interval default 100ms");
    }

    // --- measure 7 (RSS) and 6 -----------------------------------------------------------------------------

    private void rss() throws IOException {
        load("RSS");
        for (String name : SERVICES.keySet()) {
            String pid = Files.readString(root.resolve("bench/target/run/pids/" + name + ".pid")).trim();
            String rssLine = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: 0 kB");
            double mb = Long.parseLong(rssLine.replaceAll("\\D", "")) / 1024.0;
            report.figure("7", name + ": RSS after warm-up", mb, "MiB", "", null, "",
                    "from /proc/" + "<pid>/status after the load phases; -Xmx256m");
        }
    }

    private void sweep(UUID letterId) throws Exception {
        load("sweep");
        String clock = ops.get(NOTIF + "/ops/clock").get("now").asText();
        Instant now = Instant.parse(clock);
        Instant deadline = now.plus(java.time.Duration.ofDays(3));
        String forumId = psql("notification", "select forum_id from contact where letter_id = '" + letterId + "' limit 1")
                .requireOk("forum id").out().trim();
        psql("notification", "insert into contact (invitation_id, forum_id, letter_id, full_name, form_of_address, rank, title,"
                + " email, cc, language, time_zone, member_state, response_deadline_date, response_deadline_zone,"
                + " response_deadline_at, speaking_deadline_date, speaking_deadline_zone, speaking_deadline_at,"
                + " link_version, link_expires_at, reply_status, speaking_requested, issued_at)"
                + " select gen_random_uuid(), '" + forumId + "', '" + letterId + "', 'Sweep Invitee ' || n, 'MADAM_MINISTER',"
                + " 'MINISTER', 'Minister', 'sweep-' || n || '@bench.example.org', null, 'en', 'Europe/Zurich', 'CH',"
                + " date '" + deadline.atZone(ZoneOffset.UTC).toLocalDate() + "', 'Europe/Zurich', timestamptz '" + deadline + "',"
                + " date '" + deadline.atZone(ZoneOffset.UTC).toLocalDate() + "', 'Europe/Zurich', timestamptz '" + deadline + "',"
                + " 1, timestamptz '" + deadline.plus(java.time.Duration.ofDays(30)) + "', null, false, timestamptz '" + now + "'"
                + " from generate_series(1, " + p.sweepContacts() + ") n; analyze contact").requireOk("seed contacts");
        String open = psql("notification", "select count(*) from contact where revoked_at is null and erased_at is null"
                + " and issued_at is not null and reply_status is null").out().trim();
        Path jfr = work.resolve("notification-sweep.jfr");
        jfrStart("notification-service", jfr);
        AtomicLong peakPolled = new AtomicLong();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    double heap = ops.text(NOTIF + "/q/metrics").lines()
                            .filter(x -> x.startsWith("jvm_memory_used_bytes") && x.contains("area=\"heap\""))
                            .mapToDouble(x -> Double.parseDouble(x.substring(x.lastIndexOf(' ') + 1))).sum();
                    peakPolled.accumulateAndGet((long) heap, Math::max);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a slow scrape under load: keep polling
                }
            }
        });
        poller.setDaemon(true);
        poller.start();
        long t0 = System.nanoTime();
        JsonNode result = ops.post(NOTIF + "/ops/notifications/reminders/sweep", "{}");
        double seconds = (System.nanoTime() - t0) / 1e9;
        poller.interrupt();
        Profile.Summary prof = jfrSummary(jfr);
        // The reminders are real intents: cancel the ones not yet sent so the sender does not spend the next
        // half hour mailing the sink, and say how many went out meanwhile.
        String sent = psql("notification", "select count(*) from notification where kind like 'REMINDER%' and status = 'SENT'").out().trim();
        psql("notification", "update notification set status = 'CANCELLED', last_error = 'bench: cancelled after the sweep"
                + " measurement' where status = 'PENDING' and kind like 'REMINDER%'").requireOk("cancel reminders");
        load("sweep done");
        report.figure("6", "reminder sweep over " + open + " open invitations: duration", seconds, "s", "", null, "",
                "answer " + result + "; " + sent + " reminders were already sent by the sender while the sweep ran (the rest cancelled by SQL)");
        report.figure("6", "reminder sweep: peak heap used before a GC (JFR jdk.GCHeapSummary)",
                prof == null ? null : prof.maxHeapBeforeGc() / 1048576.0, "MiB", "", null, "bounded",
                prof == null ? "JFR not available" : prof.gcCount() + " GCs during the sweep; max heap after GC "
                        + Report.fmt(prof.maxHeapAfterGc() / 1048576.0) + " MiB; -Xmx256m");
        report.figure("6", "reminder sweep: peak heap used, /q/metrics polled every 200 ms", peakPolled.get() / 1048576.0,
                "MiB", "", null, "", "sum of jvm_memory_used_bytes{area=heap}");
        if (prof != null) {
            report.evidence.put("notification-service during the reminder sweep (JFR)", prof.text());
        }
    }

    /** CPU time and run-queue wait (ns), summed over the process's threads, from /proc/<pid>/task/<tid>/schedstat. */
    private final Map<String, Map<String, Long>> threadCpu = new HashMap<>();

    private long[] schedstat(String service) {
        long cpu = 0;
        long wait = 0;
        Map<String, Long> byThread = new HashMap<>();
        threadCpu.put(service, byThread);
        try (var tasks = Files.list(Path.of("/proc/" + pid(service) + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String[] f = Files.readString(t.resolve("schedstat")).trim().split("\\s+");
                    cpu += Long.parseLong(f[0]);
                    wait += Long.parseLong(f[1]);
                    // Thread groups by name (C2 compiler, GC, event loops...): JIT and GC do not show in JFR's
                    // execution samples.
                    String comm = Files.readString(t.resolve("comm")).trim().replaceAll("[#\\-]?\\d+$", "");
                    byThread.merge(t.getFileName() + "|" + comm, Long.parseLong(f[0]), Long::sum);
                } catch (IOException e) {
                    // the thread ended between list and read
                }
            }
        } catch (IOException e) {
            return new long[] {0, 0};
        }
        return new long[] {cpu, wait};
    }

    private String cpuShare(String service, long[] before, long[] after, double seconds) {
        return cpuShare(service, before, after, seconds, null);
    }

    /** With {@code threadsBefore} (a copy of the per-thread counters taken with {@code before}): CPU by thread group. */
    private String cpuShare(String service, long[] before, long[] after, double seconds, Map<String, Long> threadsBefore) {
        double cpu = (after[0] - before[0]) / 1e9;
        double wait = (after[1] - before[1]) / 1e9;
        String groups = "";
        if (threadsBefore != null) {
            Map<String, Long> delta = new HashMap<>();
            threadCpu.get(service).forEach((k, v) -> delta.merge(k.substring(k.indexOf('|') + 1),
                    v - threadsBefore.getOrDefault(k, 0L), Long::sum));
            groups = delta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .map(e -> String.format(Locale.ROOT, "    %6.2f s  %s%n", e.getValue() / 1e9, e.getKey()))
                    .reduce("  CPU by thread group:\n", String::concat);
        }
        return groups.isEmpty() ? cpuLine(service, seconds, cpu, wait) : cpuLine(service, seconds, cpu, wait) + groups;
    }

    private static String cpuLine(String service, double seconds, double cpu, double wait) {
        return String.format(Locale.ROOT, "%s over %.1f s: %.2f s on CPU (%.0f%% of one core), %.2f s runnable but waiting"
                + " for a CPU, summed over threads (run queue, /proc/<pid>/task/*/schedstat): %.2f s of waiting per second of CPU%n", service, seconds,
                cpu, 100 * cpu / seconds, wait, cpu == 0 ? 0 : wait / cpu);
    }

    private long backlog() {
        Proc.Result r = psql("notification", "select count(*) from notification where status = 'PENDING'");
        return r.exit() == 0 ? Long.parseLong(r.out().trim()) : -1;
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void drain(String what) throws InterruptedException {
        long last = sink.count();
        long quietSince = System.currentTimeMillis();
        long deadline = System.currentTimeMillis() + 900_000;
        while (System.currentTimeMillis() - quietSince < 4000 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            long now = sink.count();
            if (now != last) {
                last = now;
                quietSince = System.currentTimeMillis();
            }
        }
        System.err.println("bench: drained " + what + " (" + last + " emails so far)");
    }

    private String pid(String service) throws IOException {
        return Files.readString(root.resolve("bench/target/run/pids/" + service + ".pid")).trim();
    }

    private void jfrStart(String service, Path file) throws IOException {
        Files.deleteIfExists(file);
        Proc.Result r = Proc.run(root, Map.of(), List.of("jcmd", pid(service), "JFR.start", "name=bench", "settings=profile",
                "filename=" + file));
        if (r.exit() != 0) {
            report.findings.add("JFR could not be started on " + service + ": " + Proc.tail(r.out(), 200));
        }
        jfrService.put(file, service);
    }

    private final Map<Path, String> jfrService = new HashMap<>();

    private Profile.Summary jfrSummary(Path file) {
        try {
            String service = jfrService.get(file);
            Proc.run(root, Map.of(), List.of("jcmd", pid(service), "JFR.stop", "name=bench", "filename=" + file))
                    .requireOk("JFR.stop");
            return Profile.read(file);
        } catch (Exception e) {
            report.findings.add("JFR recording " + file.getFileName() + " unreadable: " + e.getMessage());
            return null;
        }
    }

    private String profileText(Path file) {
        Profile.Summary s = jfrSummary(file);
        return s == null ? "not available" : s.text();
    }
}
