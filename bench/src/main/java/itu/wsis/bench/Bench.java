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

    /**
     * {@code sustainWindow}: seconds of each open-loop step of the sustained-rate search (the goal says 60);
     * {@code sustainSteps}: how many rates it tries; {@code bulkSecond}: invitations of the bulk with two instances;
     * {@code drainSeconds}: the longest wait for the receipts of one phase to be sent before the next starts.
     */
    record Params(boolean quick, int clients, int pgbenchSeconds, int pgbenchRows, int wrkSeconds, int latencySeconds,
                  int e2eCount, double e2eSeconds, int bulkLarge, int sweepContacts, int smtpMessages, int sustainWindow,
                  int sustainSteps, int bulkSecond, int drainSeconds) {

        static Params of(boolean quick) {
            return quick ? new Params(true, 2, 3, 2_000, 3, 3, 10, 5, 60, 1_000, 300, 8, 2, 40, 120)
                    : new Params(false, 8, 20, 200_000, 15, 20, 150, 30, 10_000, 100_000, 20_000, 60, 4, 5_000, 900);
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

    /**
     * {@code emailsOnly} ({@code --only emails}): the stack, the demo data, the bulks of 193 and of {@code bulkLarge}
     * and the raw SMTP reference, nothing else: the email rate and the CPU per email in a few minutes, for measuring
     * a change of notification-service without the whole suite. Its file says it is a partial run.
     */
    private boolean emailsOnly;

    /**
     * {@code --statements}: PostgreSQL runs with pg_stat_statements loaded (local-stack's WSIS_PG_STAT_STATEMENTS),
     * and the statements notification-service issued during the large bulk are listed per email in the evidence.
     * The extension costs PostgreSQL some CPU: a run with it counts statements, one without measures the rate.
     */
    private boolean statements;

    Bench(Path root, Params p, String commit, Path postfix) {
        this.root = root;
        this.work = root.resolve("bench/target/work");
        this.p = p;
        this.commit = commit;
        this.postfix = postfix;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean statements = false;
        Path root = Path.of(".").toAbsolutePath().normalize();
        String commit = "unknown";
        Path postfix = null;
        Path out = null;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--commit" -> commit = args[++i];
                case "--postfix" -> postfix = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--statements" -> statements = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (only != null && !only.equals("emails")) {
            throw new IllegalArgumentException("--only takes one phase: emails");
        }
        Bench bench = new Bench(root, Params.of(quick), commit, postfix);
        bench.emailsOnly = only != null;
        bench.statements = statements;
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
                    String to = address(r.to());
                    if (to != null) {
                        invitationByAddress.putIfAbsent(to, r.invitationId());
                    }
                }
            });
            startStack();
            waitForNewInvitations(Set.of(), 193, 240, "demo data");
            UUID letterId = bulk193();
            List<OpenLoop.Invitee> large = bulkLarge(letterId, p.bulkLarge(), "invitee", true);
            smtpRaw();
            if (emailsOnly) {
                report.findings.add("**Partial run: the email phase only** (`bench/run --only emails`): the stack, the"
                        + " demo data, the bulks of 193 and " + p.bulkLarge() + " and the raw SMTP reference. Every other"
                        + " figure of the suite was not measured in this run.");
                return rc;
            }
            double pgTps = pgbench();
            List<OpenLoop.Invitee> warm = large.subList(0, large.size() / 3);
            List<OpenLoop.Invitee> partA = large.subList(large.size() / 3, large.size() * 2 / 3);
            List<OpenLoop.Invitee> partB = large.subList(large.size() * 2 / 3, large.size());
            // (a) the endpoint alone: notification-service frozen (SIGSTOP) for the warm-up, the closed-loop run and
            // the latency run at 50% of it; the receipts of those accepts wait in Kafka and are sent afterwards.
            double httpRate;
            pauseNotification();
            try {
                warmUp(warm);
                httpRate = throughput(partA, pgTps);
                Thread.sleep(2000);
                latency(partB, httpRate);
            } finally {
                resumeNotification();
            }
            discardReceipts("the accepts of (a)");
            drainAll("the receipts of the accepts of (a)");
            double sustained1 = sustained(1, List.of(REG), partB, pgTps, httpRate);
            drainAll("the receipts of the sustained-rate search");
            endToEnd(partB, sustained1);
            databaseSizes();
            rss();
            sweep(letterId);
            twoInstances(letterId, partB, pgTps, httpRate, sustained1);
            startupAlone();
        } catch (Exception | Error e) {
            rc = 1;
            e.printStackTrace();
            report.findings.add("**The run did not complete**: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + ". Figures after that point are missing.");
        } finally {
            load("end");
            if (paused) {
                resumeNotification();
            }
            if (stackStarted) {
                Proc.Result down = Proc.run(root, stackEnv, List.of("./wsis", "down"));
                System.err.println(down.out());
            }
            if (sink != null) {
                sink.close();
            }
            report.evidence.put("capacity model inputs (docs/capacity.md, \"How to redo this\")", String.format(Locale.ROOT,
                    "E1, notification-service emails/s, one instance: %s%n"
                            + "c_mail, CPU per email in the bulk (ms): %s%n"
                            + "c_accept, CPU per accept during (a) (ms): %s%n"
                            + "(b), sustained accepts/s with receipts, one instance: %s; at that rate registration %s ms CPU"
                            + " per accept, notification %s ms CPU per receipt%n"
                            + "bytes per row: the evidence \"database sizes\"%n",
                    dash(emailRate), dash(cpuPerEmailMs), dash(cpuPerAcceptMs), dash(lastSustainedOne),
                    dash(sustainedRegCpuMs), dash(sustainedNotifCpuMs)));
            String date = LocalDate.now(ZoneOffset.UTC).toString();
            Path file = (out != null ? out : root.resolve("bench/results"))
                    .resolve(date + "-" + commit + (emailsOnly ? "-emails" : "") + (p.quick() ? "-quick" : "") + ".md");
            report.write(file, "Benchmark results " + date + ", commit " + commit
                    + (emailsOnly ? " (partial: the email phase only, `--only emails`)" : "")
                    + (p.quick() ? " (quick mode)" : ""));
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
        if (statements) {
            report.parameters.put("pg_stat_statements", "loaded (--statements): the statements per email are counted;"
                    + " the extension costs PostgreSQL CPU, so this run's rates are not comparable with a run without it");
        }
        report.parameters.put("mode", (p.quick() ? "quick (tiny parameters: the harness is exercised, the numbers mean nothing)" : "full")
                + (emailsOnly ? "; only the email phase (--only emails): stack, demo data, bulks, raw SMTP" : ""));
        report.parameters.put("concurrency N (pgbench clients, wrk connections)", String.valueOf(p.clients()));
        report.parameters.put("pgbench", p.pgbenchSeconds() + " s, " + p.pgbenchRows() + " seeded invitations, -M prepared, -j 2");
        report.parameters.put("HTTP max throughput (wrk, closed loop)", p.wrkSeconds() + " s, 2 threads, after a warm-up run " + WARM_UP_FACTOR
                + " times as long on other invitations");
        report.parameters.put("latency (open loop)", p.latencySeconds() + " s at 50% of (a), notification-service frozen as in (a)");
        report.parameters.put("end to end", "at 50% of (b), open loop, each invitation once: at least " + p.e2eCount()
                + " accepts, or " + p.e2eSeconds() + " s of them");
        report.parameters.put("(a) endpoint alone", "notification-service frozen with SIGSTOP during the warm-up, the"
                + " closed-loop run and the latency run (SIGCONT after; its receipts then drain before (b))");
        report.parameters.put("(b) sustained search", p.sustainSteps() + " open-loop steps of " + p.sustainWindow()
                + " s each, from a drained system; kept when the backlog (requests unanswered + 201s without receipt)"
                + " grows by at most max(5, one second of arrivals) between the second and the last fifth of the window");
        report.parameters.put("two instances", "./wsis start notification-service 2 and registration-service 2 (ports"
                + " 8184 and 8182: the first instance's + 100); a bulk of " + p.bulkSecond() + " new invitations, then (b) again with the accepts"
                + " sent to both registration instances in turn");
        report.parameters.put("bulk issue", "193 and " + p.bulkLarge() + " invitations");
        report.parameters.put("reminder sweep", p.sweepContacts() + " open invitations seeded by SQL");
        report.parameters.put("raw SMTP", p.smtpMessages() + " messages per smtp-source run");
        report.parameters.put("stack", "`./wsis up` with WSIS_RUN_DIR=bench/target/run (fresh data), WSIS_SMTP_PORT="
                + SINK_PORT + " (the bench's SMTP sink instead of GreenMail), service JVMs with the wsis defaults (-Xms32m -Xmx256m, serial GC, class cache; bench/README.md)");
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
        if (statements) {
            stackEnv.put("WSIS_PG_STAT_STATEMENTS", "on");
        }
        Api probe = new Api("");
        for (int port : new int[] {15432, 9092, 3025, 8025, 8081, 8082, 8083, 8084, 8182, 8184}) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                throw new IllegalStateException("port " + port + " is in use: stop the local stack (./wsis down) first");
            } catch (java.net.ConnectException expected) {
                // free
            }
        }
        long upMillis = System.currentTimeMillis();
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
        long upDone = System.currentTimeMillis();
        if (exit != 0) {
            throw new IllegalStateException("./wsis up failed (exit " + exit + "), see " + work.resolve("wsis-up.log")
                    + "\n" + Proc.tail(Files.readString(work.resolve("wsis-up.log")), 2000));
        }
        load("stack up");
        report.figure("7", "`./wsis up` (everything built, fresh data) until it returned: infrastructure, 4 services,"
                + " invitee pages ready, demo data loaded", (upDone - upMillis) / 1000.0, "s", "", null, "≤ 15 s",
                "the bench built everything before; fresh PostgreSQL and Kafka data");
        if (readyMillis.size() == SERVICES.size()) {
            report.figure("7", "`./wsis up` launched → every service's first 200 from /q/health/ready",
                    (readyMillis.values().stream().mapToLong(Long::longValue).max().orElseThrow() - upMillis) / 1000.0, "s",
                    "", null, "", "");
        }
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

    private List<OpenLoop.Invitee> bulkLarge(UUID letterId, int n, String prefix, boolean primary) throws Exception {
        List<String> states = Files.readAllLines(root.resolve("invitation-service/src/main/resources/demo/wsis-2022/invitees.csv"))
                .stream().filter(l -> !l.startsWith("#") && !l.startsWith("memberState")).map(l -> l.split(",")[0]).toList();
        for (int from = 0; from < n; from += 1000) {
            ArrayNode rows = Api.JSON.createArrayNode();
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                ObjectNode r = rows.addObject();
                r.put("memberState", states.get(i % states.size()));
                r.put("fullName", "Bench Invitee " + prefix + " " + i);
                r.put("formOfAddress", "MADAM_MINISTER");
                r.put("rank", "MINISTER");
                r.put("title", "Minister");
                r.put("ministry", "Ministry of Benchmarks");
                r.put("email", prefix + "-" + i + "@bench.example.org");
                r.put("preferredLanguage", "en");
                r.put("timeZone", "Europe/Zurich");
            }
            secretariat.post(INV + "/invitees/import", rows);
        }
        Set<UUID> known = Set.copyOf(tokens.keySet());
        List<UUID> ids = timedBulk(letterId.toString(), known, n, String.format(Locale.ROOT, "%,d", n)
                + (primary ? "" : " (two instances of notification-service)"), true, primary);
        List<OpenLoop.Invitee> out = new ArrayList<>();
        for (UUID id : ids) {
            out.add(new OpenLoop.Invitee(id, tokens.get(id)));
        }
        return out;
    }

    private List<UUID> timedBulk(String letterId, Set<UUID> known, int expected, String label, boolean large)
            throws Exception {
        return timedBulk(letterId, known, expected, label, large, true);
    }

    /** {@code primary}: the bulk whose rate is notification-service's email rate (one instance), with JFR. */
    private List<UUID> timedBulk(String letterId, Set<UUID> known, int expected, String label, boolean large,
                                 boolean primary) throws Exception {
        int before = received.size();
        Path jfr = work.resolve("notification-bulk.jfr");
        PgActivity activity = null;
        long[] ncpu0 = schedstat("notification-service");
        Map<String, Long> nthreads0 = new HashMap<>(threadCpu.get("notification-service"));
        long[] ncpu0b = primary ? new long[] {0, 0} : schedstat("notification-service-2");
        if (large && primary && statements) {
            psql("notification", "create extension if not exists pg_stat_statements").requireOk("pg_stat_statements");
            psql("notification", "select pg_stat_statements_reset()").requireOk("pg_stat_statements_reset");
        }
        if (large && primary) {
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
        long[] ncpu1 = schedstat("notification-service");
        if (large && primary && statements) {
            statementsPerEmail(expected, label);
        }
        long[] ncpu1b = primary ? new long[] {0, 0} : schedstat("notification-service-2");
        double notifCpu = (ncpu1[0] - ncpu0[0] + ncpu1b[0] - ncpu0b[0]) / 1e9;
        if (large) {
            report.figure("4", "notification-service CPU per email (bulk of " + label + ")", 1000 * notifCpu / expected,
                    "ms", "", null, "", String.format(Locale.ROOT, "%.1f s of CPU (schedstat, every thread%s) over %d"
                            + " invitation emails; the issue's target is about 1 ms", notifCpu,
                            primary ? "" : ", both instances", expected));
            if (primary) {
                cpuPerEmailMs = 1000 * notifCpu / expected;
            }
        }
        if (activity != null) {
            report.evidence.put("CPU and run-queue wait during the bulk of " + label,
                    cpuShare("notification-service", ncpu0, ncpu1, (done - t0) / 1e9, nthreads0));
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
            lastBulkRate = rate;
            double wholeRate = expected / ((done - t0) / 1e9);
            if (!primary) {
                report.figure("5", "bulk of " + label + ": invitations/s from the POST to the last email", wholeRate,
                        "msg/s", "", null, "", "");
                return ids;
            }
            emailRate = rate;
            emailBytes = (int) Math.round(avgBytes);
            report.figure("5", "bulk of " + label + ": invitations/s from the POST to the last email", wholeRate,
                    "msg/s", "notification-service's steady email rate in the same bulk (measure 4)", rate, "≥ 0.9×",
                    "the bulk reaches SMTP at the email rate when the POST, the relay and the consumer keep ahead of the sender");
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
    private double cpuPerAcceptMs = -1;
    private double lastBulkRate = -1;
    private double cpuPerEmailMs = -1;
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
                    "the sender's lanes (wsis.notifications.sender.lanes, 4 by default), SMTP dialogues on one event loop over pooled, kept-alive connections; average " + emailBytes + " B per email");
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

    /** What notification-service asked its database during the bulk, from pg_stat_statements (--statements). */
    private void statementsPerEmail(int emails, String label) {
        String perEmail = "round(sum(calls)::numeric / " + emails + ", 2)";
        Proc.Result total = psql("notification", "select " + perEmail + " from pg_stat_statements s"
                + " join pg_database d on d.oid = s.dbid where d.datname = 'notification'");
        Proc.Result each = psql("notification", "select lpad(round(calls::numeric / " + emails + ", 3)::text, 8)"
                + " || '  ' || lpad(calls::text, 7) || '  ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 150)"
                + " from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                + " where d.datname = 'notification' and calls >= " + Math.max(1, emails / 100)
                + " order by calls desc limit 40");
        report.evidence.put("statements notification-service issued during the bulk of " + label
                        + " (pg_stat_statements, --statements; every statement of the notification database, the"
                        + " outbox relay's included)",
                "per email, all statements (BEGIN and COMMIT included): " + total.out().trim()
                        + "\n\nper email   calls  statement (those called at least once per 100 emails)\n"
                        + each.out().stripTrailing());
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
        String sql = AcceptScript.build(root, p.pgbenchRows(), delegation, payload);
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
        long[] cpu1 = schedstat("registration-service");
        report.evidence.put("CPU and run-queue wait during the throughput run (notification-service frozen: its figure should be 0)",
                cpuShare("registration-service", cpu0, cpu1, secs, threads0)
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
        report.figure("1", "(a) the endpoint alone: HTTP POST /invitations/{id}/accept, N connections, closed loop (wrk),"
                        + " new reply versions/s, notification-service frozen (SIGSTOP)",
                writeRate, "req/s", "pgbench TPS (above)", pgTps, "≥ 0.6×",
                String.format(Locale.ROOT, "%d requests over %d distinct invitations: %d × 201, %d × 200, %d other", total,
                        invitees.size(), c201, c200, other));
        report.evidence.put("registration-service during the throughput run (JFR)", profile);
        double cpuSeconds = (cpu1[0] - cpu0[0]) / 1e9;
        report.figure("1", "CPU per accept inside registration-service, during (a)", total == 0 ? null : 1000 * cpuSeconds / total,
                "ms", "", null, "≤ 1.5 ms", String.format(Locale.ROOT, "%.2f s of CPU over %d requests (every thread of the"
                        + " process: event loops, JIT, GC, relay; /proc/<pid>/task/*/schedstat)", cpuSeconds, total));
        cpuPerAcceptMs = total == 0 ? -1 : 1000 * cpuSeconds / total;
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
        OpenLoop.Outcome o = OpenLoop.run(List.of(REG), invitees, rate, count, 0, modes, new OpenLoop.Progress());
        report.evidence.put("CPU and run-queue wait during the latency run",
                cpuShare("registration-service", cpu0, schedstat("registration-service"), (System.nanoTime() - w0) / 1e9, threads0));
        activity.close();
        report.evidence.put("registration database connections during the latency run (pg_stat_activity)", activity.text());
        report.evidence.put("registration-service /q/metrics, accept endpoint, over the latency run",
                serverTimer(before, ops.text(REG + "/q/metrics")));
        Histogram h = o.latencyMicros();
        String note = String.format(Locale.ROOT, "at 50%% of (a), notification-service frozen as in (a);"
                + " %.0f req/s intended (%.0f achieved by the sender), %d requests: %d × 201, %d × 200,"
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

    // --- pausing notification-service, draining ---------------------------------------------------------------

    private final OpenLoop.Modes modes = new OpenLoop.Modes();
    private final Map<String, UUID> invitationByAddress = new ConcurrentHashMap<>();
    private boolean paused;

    private static final Pattern ADDRESS = Pattern.compile("[^<>\\s\",]+@[^<>\\s\",]+");

    static String address(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(header);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }

    /**
     * Freezes notification-service with SIGSTOP: every thread (Kafka consumers, sender, scheduler) stops without a
     * line of the service changed or a setting that production would not have, and SIGCONT resumes it where it was.
     * The service offers no pausable channel (SmallRye's pause/resume is not exposed), and stopping the process
     * instead would also measure its restart. Events wait in Kafka meanwhile; the consumer is evicted from its group
     * after the session timeout and rejoins on SIGCONT.
     */
    private void pauseNotification() throws IOException {
        Proc.run(root, Map.of(), List.of("kill", "-STOP", pid("notification-service"))).requireOk("kill -STOP");
        paused = true;
    }

    private void resumeNotification() {
        try {
            Proc.run(root, Map.of(), List.of("kill", "-CONT", pid("notification-service"))).requireOk("kill -CONT");
            paused = false;
        } catch (IOException e) {
            report.findings.add("notification-service could not be resumed: " + e.getMessage());
        }
    }

    /** Intents not yet sent and registration events not yet published: what the receipts still owe. */
    private long owed() {
        Proc.Result n = psql("notification", "select count(*) from notification where status = 'PENDING'"
                + " and next_attempt_at < now() + interval '1 minute'");
        Proc.Result r = psql("registration", "select count(*) from outbox_event where published_at is null");
        if (n.exit() != 0 || r.exit() != 0) {
            return -1;
        }
        return Long.parseLong(n.out().trim()) + Long.parseLong(r.out().trim());
    }

    /**
     * Waits until the receipts of the phase before are sent: nothing owed (above) and no email at the sink for 4 s
     * (which also covers events still in Kafka, not yet turned into intents). Bounded by {@code drainSeconds}.
     */
    private void drainAll(String what) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        long deadline = t0 + p.drainSeconds() * 1000L;
        long last = sink.count();
        long quietSince = System.currentTimeMillis();
        long owed = owed();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            long now = sink.count();
            if (now != last) {
                last = now;
                quietSince = System.currentTimeMillis();
            }
            owed = owed();
            if (owed == 0 && System.currentTimeMillis() - quietSince >= 4000) {
                break;
            }
        }
        String line = String.format(Locale.ROOT, "drained %s in %.0f s (%d still owed)", what,
                (System.currentTimeMillis() - t0) / 1000.0, owed);
        System.err.println("bench: " + line);
        report.evidence.merge("drain waits between phases", line, (a, b) -> a + "\n" + b);
        if (owed != 0) {
            report.findings.add("The receipts of " + what + " were not all sent within " + p.drainSeconds()
                    + " s (" + owed + " intents/events still owed); the next phase started on that backlog.");
        }
    }

    /**
     * The receipts of (a) are not measured, and sending tens of thousands of them at the email rate would take longer
     * than the rest of the run: once notification-service has caught up with the events (its intents stop growing
     * for 3 s and registration's outbox is empty), the receipt intents still pending are cancelled by SQL, as the
     * sweep's are, and the count said.
     */
    private void discardReceipts(String what) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        long deadline = t0 + p.drainSeconds() * 1000L;
        String last = "";
        long stableSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            String now = psql("notification", "select count(*) from notification").out().trim();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.currentTimeMillis();
            }
            String unpublished = psql("registration", "select count(*) from outbox_event where published_at is null").out().trim();
            if ("0".equals(unpublished) && System.currentTimeMillis() - stableSince >= 3000) {
                break;
            }
        }
        Proc.Result r = psql("notification", "with c as (update notification set status = 'CANCELLED', last_error ="
                + " 'bench: receipt of an unmeasured phase, cancelled' where status = 'PENDING' and kind like 'REPLY%'"
                + " returning 1) select count(*) from c");
        String sent = psql("notification", "select count(*) from notification where kind like 'REPLY%' and status = 'SENT'").out().trim();
        report.evidence.merge("drain waits between phases", String.format(Locale.ROOT, "receipts of %s: notification-service"
                        + " caught up in %.0f s; %s pending receipt intents cancelled by SQL (%s receipts sent so far in the run)",
                what, (System.currentTimeMillis() - t0) / 1000.0, r.out().trim(), sent), (a, b) -> a + "\n" + b);
    }

    // --- (b) the system sustained --------------------------------------------------------------------------------

    record Step(double rate, boolean kept, double growth, long created, long emails, long failed, double regCpu,
                double notifCpu, double seconds, String samples) {
    }

    /**
     * (b): the highest open-loop accept rate at which the receipts keep up. Each step runs {@code sustainWindow}
     * seconds at one rate, starting from a drained system, and samples every second what is owed: requests sent and
     * not yet answered, plus 201s whose receipt has not reached the sink. The rate is kept when that backlog,
     * averaged over the last fifth of the window, exceeds its average over the second fifth (the first is the
     * ramp) by no more than one second of arrivals (or 5): a backlog that grows without bound fails it, the steady
     * in-flight work at a rate does not. Rates: start below the email rate, double while kept, halve while not,
     * then bisect.
     */
    private double sustained(int instances, List<String> urls, List<OpenLoop.Invitee> invitees, double pgTps, double aRate)
            throws Exception {
        load("sustained, " + instances + " instance(s)");
        double cap = 2 * Math.max(aRate, 1) * instances;
        double start = emailRate > 0 ? Math.min(0.7 * emailRate * instances, 0.7 * aRate * instances) : 0.3 * aRate;
        if (instances > 1 && lastSustained > 0) {
            start = Math.min(cap, 1.5 * lastSustained);
        }
        double rate = Math.max(2, start);
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < p.sustainSteps(); i++) {
            if (i > 0) {
                drainAll("a sustained-rate step");
            }
            Step step = step(urls, invitees, rate, instances);
            steps.add(step);
            if (step.kept()) {
                lo = Math.max(lo, rate);
            } else {
                hi = Math.min(hi, rate);
            }
            double next = hi == Double.POSITIVE_INFINITY ? Math.min(cap, rate * 2) : lo == 0 ? rate / 2 : (lo + hi) / 2;
            if (next == rate || next < 1) {
                break;
            }
            rate = next;
        }
        StringBuilder ev = new StringBuilder();
        for (Step s : steps) {
            ev.append(String.format(Locale.ROOT, "%.1f/s for %.0f s: %s (backlog growth %.1f; %d × 201, %d receipts at the sink,"
                            + " %d failed); CPU registration %.2f ms/accept, notification %.2f ms/receipt%n  backlog samples: %s%n",
                    s.rate(), s.seconds(), s.kept() ? "kept" : "NOT kept", s.growth(), s.created(), s.emails(), s.failed(),
                    s.created() == 0 ? 0 : 1000 * s.regCpu() / s.created(), s.emails() == 0 ? 0 : 1000 * s.notifCpu() / s.emails(),
                    s.samples()));
        }
        String who = instances == 1 ? "one instance each" : instances + " instances of registration- and notification-service";
        report.evidence.put("(b) sustained-rate search, " + who, ev.toString());
        Step best = steps.stream().filter(Step::kept).max(java.util.Comparator.comparingDouble(Step::rate)).orElse(null);
        String note = best == null
                ? String.format(Locale.ROOT, "no rate tried was kept (lowest %.1f/s); %d steps of %d s", steps.stream()
                        .mapToDouble(Step::rate).min().orElse(0), steps.size(), p.sustainWindow())
                : String.format(Locale.ROOT, "%d steps of %d s, open loop (rates and backlogs in the evidence); at this rate:"
                        + " registration %.2f ms CPU per accept, notification %.2f ms CPU per receipt (schedstat, all"
                        + " instances)", steps.size(), p.sustainWindow(), best.created() == 0 ? 0 : 1000 * best.regCpu() / best.created(),
                        best.emails() == 0 ? 0 : 1000 * best.notifCpu() / best.emails());
        report.figure(instances == 1 ? "1" : "8", "(b) the system sustained, " + who + ": highest accept rate whose receipts keep up",
                lo, "accepts/s", "pgbench TPS (above)", pgTps, "≥ 0.15×", note);
        if (instances == 1) {
            lastSustainedOne = lo;
        }
        if (best != null && instances == 1) {
            sustainedRegCpuMs = best.created() == 0 ? -1 : 1000 * best.regCpu() / best.created();
            sustainedNotifCpuMs = best.emails() == 0 ? -1 : 1000 * best.notifCpu() / best.emails();
        }
        lastSustained = lo;
        return lo;
    }

    private double lastSustained = -1;
    private double lastSustainedOne = -1;

    private static String dash(double v) {
        return v < 0 ? "not measured" : Report.fmt(v);
    }
    private double sustainedRegCpuMs = -1;
    private double sustainedNotifCpuMs = -1;

    private long[] cpuOf(String service, int instances) {
        long cpu = 0;
        for (int n = 1; n <= instances; n++) {
            cpu += schedstat(n == 1 ? service : service + "-" + n)[0];
        }
        return new long[] {cpu};
    }

    private Step step(List<String> urls, List<OpenLoop.Invitee> invitees, double rate, int instances) throws Exception {
        java.util.concurrent.atomic.AtomicLong emails = new java.util.concurrent.atomic.AtomicLong();
        Consumer<SmtpSink.Received> counter = r -> emails.incrementAndGet();
        OpenLoop.Progress progress = new OpenLoop.Progress();
        List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        long reg0 = cpuOf("registration-service", instances)[0];
        long not0 = cpuOf("notification-service", instances)[0];
        sink.listen(counter);
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
        OpenLoop.Outcome o = OpenLoop.run(urls, invitees, rate, (long) Math.ceil(rate * p.sustainWindow()), 0, modes, progress);
        sampler.interrupt();
        sampler.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long reg1 = cpuOf("registration-service", instances)[0];
        long not1 = cpuOf("notification-service", instances)[0];
        sink.unlisten(counter);
        // Within the sending window only: the loop's final wait for the last answers is not a rate.
        long windowMs = p.sustainWindow() * 1000L;
        List<long[]> in = samples.stream().filter(x -> x[0] <= windowMs + 500).toList();
        double growth = growth(in, windowMs);
        boolean kept = kept(growth, rate, o.failed());
        String trace = in.stream().map(x -> String.valueOf(x[1])).reduce((a, b) -> a + " " + b).orElse("");
        return new Step(rate, kept, growth, o.created(), emails.get(), o.failed(), (reg1 - reg0) / 1e9, (not1 - not0) / 1e9,
                seconds, trace);
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

    // --- end to end, with the hops ----------------------------------------------------------------------------

    /**
     * Accept → receipt accepted by SMTP at 50% of (b), open loop, each invitation once, and the path per hop from
     * the timestamps the system already stores (docs/capacity.md, "Per-hop timestamps"): the 201 (after the commit),
     * registration's outbox row marked published (after the broker's acknowledgement), notification's inbox row
     * (the consuming transaction), the intent's creation, and the DATA terminator at the sink.
     */
    private void endToEnd(List<OpenLoop.Invitee> invitees, double sustainedRate) throws Exception {
        load("end to end");
        double rate = Math.max(1, sustainedRate / 2);
        int count = (int) Math.min(invitees.size(), Math.max(p.e2eCount(), Math.round(rate * p.e2eSeconds())));
        List<OpenLoop.Invitee> who = invitees.subList(0, count);
        Set<UUID> ids = new java.util.HashSet<>();
        who.forEach(w -> ids.add(w.invitationId()));
        Map<UUID, Long> arrived = new ConcurrentHashMap<>();
        Consumer<SmtpSink.Received> l = r -> {
            UUID id = r.invitationId() != null ? r.invitationId() : invitationByAddress.get(String.valueOf(address(r.to())));
            if (id != null && ids.contains(id)) {
                arrived.putIfAbsent(id, r.nanos());
            }
        };
        Instant epoch = Instant.now();
        long nanoBase = System.nanoTime();
        long epochMicrosBase = epoch.getEpochSecond() * 1_000_000 + epoch.getNano() / 1000;
        String phaseStart = Instant.now().minusSeconds(1).toString();
        sink.listen(l);
        OpenLoop.Outcome o = OpenLoop.run(List.of(REG), who, rate, who.size(), 0, modes, new OpenLoop.Progress());
        long deadline = System.currentTimeMillis() + 120_000;
        while (arrived.size() < o.created() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        sink.unlisten(l);
        Histogram h = new Histogram(600_000_000L, 3);
        for (Map.Entry<UUID, Long> e : o.intendedNanos().entrySet()) {
            Long at = arrived.get(e.getKey());
            if (at != null) {
                h.recordValue(Math.max(0, (at - e.getValue()) / 1000));
            }
        }
        String note = String.format(Locale.ROOT, "at 50%% of (b): %.1f accepts/s, %d accepts (%d × 201), %d receipt emails"
                + " matched by invitation (link or address)", rate, o.sent(), o.created(), h.getTotalCount());
        report.figure("3", "accept → receipt email accepted by SMTP, p50", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(50) / 1000.0,
                "ms", "", null, "", note);
        report.figure("3", "accept → receipt email accepted by SMTP, p99", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(99) / 1000.0,
                "ms", "", null, "< 500 ms", "");
        report.evidence.put("end-to-end histogram (µs)", percentiles(h));
        hops(o, arrived, ids, nanoBase, epochMicrosBase, phaseStart);
    }

    private void hops(OpenLoop.Outcome o, Map<UUID, Long> arrived, Set<UUID> ids, long nanoBase, long epochMicrosBase,
                      String phaseStart) {
        String in = ids.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElse("null");
        // Registration: the outbox row of the reply's event (created_at: the transaction's start; published_at: set
        // once the broker acknowledged it).
        Proc.Result reg = psql("registration", "select message_key, event_id, (extract(epoch from created_at) * 1e6)::bigint,"
                + " (extract(epoch from published_at) * 1e6)::bigint from outbox_event where message_key in (" + in + ")"
                + " and event_type in ('InvitationAccepted.v1', 'ReplyChanged.v1') and created_at >= timestamptz '" + phaseStart
                + "' order by id");
        Proc.Result inbox = psql("notification", "select event_id, (extract(epoch from processed_at) * 1e6)::bigint"
                + " from inbox_processed_event where processed_at >= timestamptz '" + phaseStart + "'");
        // inserted_at (V6__intent_inserted_at.sql): the database's wall clock. created_at and sent_at are business
        // time, which the local stack runs in 2022: only their difference is used (the time from SMTP accepted to
        // SENT recorded, which is off the path).
        Proc.Result intents = psql("notification", "select invitation_id, (extract(epoch from min(inserted_at)) * 1e6)::bigint,"
                + " (extract(epoch from min(sent_at - created_at)) * 1e6)::bigint from notification where invitation_id in (" + in + ")"
                + " and kind in ('REPLY_ACCEPTED', 'REPLY_CHANGED') and inserted_at >= timestamptz '" + phaseStart + "'"
                + " group by invitation_id");
        if (reg.exit() != 0 || inbox.exit() != 0 || intents.exit() != 0) {
            report.evidence.put("end to end per hop", "NOT MEASURED: " + Proc.tail(reg.out() + inbox.out() + intents.out(), 1000));
            return;
        }
        Map<UUID, long[]> outbox = new HashMap<>();
        Map<UUID, String> eventOf = new HashMap<>();
        for (String line : reg.out().lines().filter(x -> !x.isBlank()).toList()) {
            String[] f = line.split("\\|", -1);
            UUID id = UUID.fromString(f[0]);
            if (!outbox.containsKey(id) && !f[3].isEmpty()) {
                outbox.put(id, new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
                eventOf.put(id, f[1]);
            }
        }
        Map<String, Long> consumed = new HashMap<>();
        for (String line : inbox.out().lines().filter(x -> !x.isBlank()).toList()) {
            String[] f = line.split("\\|", -1);
            consumed.put(f[0], Long.parseLong(f[1]));
        }
        Map<UUID, long[]> intent = new HashMap<>();
        for (String line : intents.out().lines().filter(x -> !x.isBlank()).toList()) {
            String[] f = line.split("\\|", -1);
            intent.put(UUID.fromString(f[0]), new long[] {Long.parseLong(f[1]), f[2].isEmpty() ? -1 : Long.parseLong(f[2])});
        }
        String[] names = {"request → 201 (the transaction committed)", "201 → outbox row marked published (relay poll,"
                + " Kafka acknowledgement)", "published → notification's inbox row (consume; the consumer may start before"
                + " the relay marks its row, hence negative values)", "inbox → intent created", "intent → DATA accepted at"
                + " the SMTP sink (sender wake-up, rendering, signing, SMTP)", "SMTP accepted → SENT recorded (after the"
                + " fact; not on the path)"};
        List<List<Double>> hops = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            hops.add(new ArrayList<>());
        }
        int complete = 0;
        for (UUID id : ids) {
            Long intended = o.intendedNanos().get(id);
            Long created = o.createdNanos().get(id);
            Long smtp = arrived.get(id);
            long[] ob = outbox.get(id);
            long[] it = intent.get(id);
            Long cons = ob == null ? null : consumed.get(eventOf.get(id));
            if (intended == null || created == null || smtp == null || ob == null || it == null || cons == null) {
                continue;
            }
            complete++;
            long t0 = epochMicrosBase + (intended - nanoBase) / 1000;
            long t1 = epochMicrosBase + (created - nanoBase) / 1000;
            long t5 = epochMicrosBase + (smtp - nanoBase) / 1000;
            long[] t = {t0, t1, ob[1], cons, it[0], t5};
            for (int i = 0; i < 5; i++) {
                hops.get(i).add((t[i + 1] - t[i]) / 1000.0);
            }
            if (it[1] >= 0) {
                // sent_at − created_at (both business time) minus the part of it before the SMTP acceptance.
                hops.get(5).add((it[1] - (t5 - it[0])) / 1000.0);
            }
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d of %d accepts with every timestamp (ms):%n", complete,
                ids.size()));
        for (int i = 0; i < names.length; i++) {
            List<Double> v = hops.get(i);
            v.sort(Double::compare);
            b.append(String.format(Locale.ROOT, "  %-150s p50 %8.1f  p99 %8.1f  max %8.1f%n", names[i], pct(v, 50), pct(v, 99),
                    v.isEmpty() ? Double.NaN : v.get(v.size() - 1)));
            if (i < 5 && !v.isEmpty()) {
                report.figure("3", "  hop: " + names[i] + ", p99", pct(v, 99), "ms", "", null, "",
                        String.format(Locale.ROOT, "p50 %.1f ms; %d accepts with every timestamp", pct(v, 50), complete));
            }
        }
        b.append("Clocks: the bench's (System.nanoTime mapped to the epoch once) and PostgreSQL's (outbox published_at and inbox"
                + " processed_at: now(); intent inserted_at: clock_timestamp()) are the same host clock. The services' business"
                + " clock (created_at, sent_at) runs from 2022 in the local stack: only sent_at − created_at is used.\n");
        report.evidence.put("end to end per hop", b.toString());
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    // --- database size per row ------------------------------------------------------------------------------

    /** Bytes per row of each table that grows with the participants (pg_total_relation_size: heap, indexes, TOAST). */
    private void databaseSizes() {
        load("database sizes");
        StringBuilder b = new StringBuilder("database  table  rows  total bytes (pg_total_relation_size)  bytes/row\n");
        for (String db : List.of("invitation", "registration", "speaking_request", "notification")) {
            Proc.Result tables = psql(db, "select relname from pg_stat_user_tables order by relname");
            if (tables.exit() != 0) {
                b.append(db).append(": unreadable\n");
                continue;
            }
            for (String t : tables.out().lines().filter(x -> !x.isBlank()).toList()) {
                Proc.Result r = psql(db, "select count(*), pg_total_relation_size('" + t + "') from " + t);
                if (r.exit() != 0) {
                    continue;
                }
                String[] f = r.out().trim().split("\\|");
                long rows = Long.parseLong(f[0]);
                long bytes = Long.parseLong(f[1]);
                b.append(String.format(Locale.ROOT, "%-17s %-28s %9d %12d %8s%n", db, t, rows, bytes,
                        rows == 0 ? "—" : String.valueOf(bytes / rows)));
                if (rows >= 100 && (db.equals("invitation") && t.equals("invitation") || db.equals("registration") && t.equals("reply")
                        || db.equals("notification") && t.equals("notification") || db.equals("notification") && t.equals("contact"))) {
                    report.figure("9", db + "." + t + ": bytes per row (heap + indexes + TOAST)", (double) bytes / rows, "B", "", null,
                            "", rows + " rows, " + bytes / 1024 + " KiB");
                }
            }
            Proc.Result size = psql(db, "select pg_database_size(current_database())");
            b.append(db).append(": database size ").append(size.out().trim()).append(" bytes\n");
        }
        report.evidence.put("database sizes after the bulk, accept and end-to-end phases (before the sweep's 100k seeded contacts)",
                b.toString());
    }

    // --- 1 vs 2 instances (issue #18) ------------------------------------------------------------------------

    /**
     * The email rate (a bulk of new invitations) and the sustained accept rate with a second instance of
     * notification-service and of registration-service started by {@code ./wsis start <service> 2} (same databases,
     * same consumer groups: they split the 6 partitions and the sender's claims), the accepts sent to both in turn.
     */
    private void twoInstances(UUID letterId, List<OpenLoop.Invitee> invitees, double pgTps, double aRate,
                              double sustained1) throws Exception {
        load("two instances");
        for (String service : List.of("notification-service", "registration-service")) {
            long t0 = System.currentTimeMillis();
            Proc.run(root, stackEnv, List.of("./wsis", "start", service, "2")).requireOk("./wsis start " + service + " 2");
            report.evidence.merge("second instances", service + "-2 started and ready in "
                    + (System.currentTimeMillis() - t0) / 1000.0 + " s (./wsis start " + service + " 2)",
                    (a, b) -> a + "\n" + b);
        }
        // Both notification instances must hold partitions before the bulk, or the first one does all the work.
        Thread.sleep(5000);
        double oneRate = emailRate;
        double[] sent0 = {metric(NOTIF, "wsis_notifications_sent_total"), metric("http://127.0.0.1:8184", "wsis_notifications_sent_total")};
        bulkLarge(letterId, p.bulkSecond(), "second", false);
        double[] sent1 = {metric(NOTIF, "wsis_notifications_sent_total"), metric("http://127.0.0.1:8184", "wsis_notifications_sent_total")};
        double twoRate = lastBulkRate;
        report.figure("8", "notification-service emails/s, two instances (bulk of " + p.bulkSecond() + ")", twoRate, "msg/s",
                "one instance (measure 4)", oneRate, "", "both instances send to the same sink; 2 cores shared by everything");
        report.evidence.merge("second instances", String.format(Locale.ROOT, "emails sent during the bulk"
                        + " (wsis_notifications_sent_total of each instance's /q/metrics): notification-service %.0f,"
                        + " notification-service-2 %.0f", sent1[0] - sent0[0], sent1[1] - sent0[1]), (a, b) -> a + "\n" + b);
        drainAll("the bulk with two instances");
        double two = sustained(2, List.of(REG, "http://127.0.0.1:8182"), invitees, pgTps, aRate);
        report.figure("8", "(b) sustained accept rate, two instances ÷ one", two, "accepts/s", "one instance ((b) above)",
                sustained1 > 0 ? sustained1 : null, "", "");
        for (String name : List.of("registration-service-2", "notification-service-2")) {
            Proc.run(root, stackEnv, List.of("./wsis", "stop", name));
        }
    }

    /** The sum of every sample of one Prometheus metric of one instance; NaN when it cannot be read. */
    private double metric(String baseUrl, String name) {
        try {
            return ops.text(baseUrl + "/q/metrics").lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    // --- startup of one service alone -------------------------------------------------------------------------

    /**
     * Each service alone: the four are stopped (PostgreSQL and Kafka stay up), then each is started by itself with
     * {@code ./wsis start}, timed from its JVM's start to the first 200 from /q/health/ready, and stopped again.
     */
    private void startupAlone() throws Exception {
        drainAll("everything before the startup measurement");
        for (String name : SERVICES.keySet()) {
            Proc.run(root, stackEnv, List.of("./wsis", "stop", name));
        }
        load("startup alone");
        Api probe = new Api("");
        long btime = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith("btime"))
                .map(l -> Long.parseLong(l.split("\\s+")[1])).findFirst().orElseThrow();
        for (Map.Entry<String, Integer> s : SERVICES.entrySet()) {
            String name = s.getKey();
            Path pidFile = root.resolve("bench/target/run/pids/" + name + ".pid");
            Files.deleteIfExists(pidFile);
            Process start = Proc.start(root, stackEnv, List.of("./wsis", "start", name), work.resolve("start-" + name + ".log"));
            Long startMillis = null;
            Long ready = null;
            long deadline = System.currentTimeMillis() + 120_000;
            while (ready == null && System.currentTimeMillis() < deadline) {
                if (startMillis == null && Files.exists(pidFile)) {
                    String pid = Files.readString(pidFile).trim();
                    if (!pid.isEmpty() && Files.exists(Path.of("/proc/" + pid + "/stat"))) {
                        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        startMillis = btime * 1000 + Long.parseLong(f[19]) * 10;
                    }
                }
                if (startMillis != null && probe.status("http://127.0.0.1:" + s.getValue() + "/q/health/ready") == 200) {
                    ready = System.currentTimeMillis();
                }
                Thread.sleep(20);
            }
            start.waitFor();
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            if (startMillis == null || ready == null) {
                report.notMeasured("7", name + " alone: process start → ready", "not ready within 120 s, see "
                        + work.resolve("start-" + name + ".log"));
            } else {
                report.figure("7", name + " alone (the other services down, PostgreSQL and Kafka up): process start → first"
                        + " 200 from /q/health/ready", (ready - startMillis) / 1000.0, "s", "", null, "≤ 3 s",
                        "load average then: " + load);
            }
            Proc.run(root, stackEnv, List.of("./wsis", "stop", name));
        }
    }

    // --- measure 7 (RSS) and 6 -----------------------------------------------------------------------------

    private void rss() throws IOException {
        load("RSS");
        for (String name : SERVICES.keySet()) {
            String pid = Files.readString(root.resolve("bench/target/run/pids/" + name + ".pid")).trim();
            List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
            double mb = statusKb(status, "VmRSS") / 1024.0;
            // What the RSS is made of, for the analysis: anonymous memory (heap, the relocated class cache, code,
            // metaspace, malloc) against mapped files (the JVM's libraries and jars), the class cache's size, and
            // the heap as the collector sees it.
            String cacheSize = "none";
            try (var caches = Files.newDirectoryStream(root.resolve(name + "/target"), "wsis-jdk*.{aot,jsa}")) {
                for (Path cache : caches) {
                    cacheSize = String.format(Locale.ROOT, "%.0f MiB", Files.size(cache) / 1048576.0);
                }
            }
            report.figure("7", name + ": RSS after the load phases", mb, "MiB", "", null, "≤ 300 MiB",
                    String.format(Locale.ROOT, "from /proc/<pid>/status after the load phases: %.0f MiB anonymous, "
                                    + "%.0f MiB mapped files; class cache file %s; -Xmx256m",
                            statusKb(status, "RssAnon") / 1024.0, statusKb(status, "RssFile") / 1024.0, cacheSize));
            Proc.Result heap = Proc.run(root, Map.of(), List.of("jcmd", pid, "GC.heap_info"));
            report.evidence.put("heap of " + name + " after the load phases (jcmd GC.heap_info)", heap.out().strip());
        }
    }

    private static long statusKb(List<String> status, String field) {
        return status.stream().filter(l -> l.startsWith(field + ":")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
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
        report.figure("6", "reminder sweep over " + open + " open invitations: duration", seconds, "s", "", null, "< 60 s",
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
