package itu.wsis.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local stack under test, driven through {@code ./wsis} exactly as a user runs it, with the bench's environment
 * (its own run directory, the bench's SMTP sink, the raised per-link limit, the reminder sweep off): starting and
 * stopping it and single services, their pids, freezing and thawing services, and psql/pg tools against its
 * PostgreSQL.
 */
final class Stack {

    static final String INV = "http://127.0.0.1:8081";
    static final String REG = "http://127.0.0.1:8082";
    static final String NOTIF = "http://127.0.0.1:8084";
    /** The second instances of {@code ./wsis start <service> 2}: the first one's port + 100. */
    static final String REG_2 = "http://127.0.0.1:8182";
    static final String NOTIF_2 = "http://127.0.0.1:8184";
    static final int SINK_PORT = 2525;
    static final int POSTFIX_SINK_PORT = 2526;
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("invitation-service", 8081);
        SERVICES.put("registration-service", 8082);
        SERVICES.put("speaking-request-service", 8083);
        SERVICES.put("notification-service", 8084);
    }

    /** PostgreSQL, Kafka, GreenMail's SMTP and HTTP, the four services and the second instances. */
    private static final int[] PORTS = {15432, 9092, 3025, 8025, 8081, 8082, 8083, 8084, 8182, 8184};

    private final Path root;
    private final Path work;
    private final Path run;
    private final Map<String, String> env = new HashMap<>();
    private boolean started;
    private final Set<String> frozen = new LinkedHashSet<>();

    Stack(Path root, Path work, boolean statements) {
        this.root = root;
        this.work = work;
        this.run = root.resolve("bench/target/run");
        env.put("WSIS_RUN_DIR", run.toString());
        env.put("WSIS_SMTP_PORT", String.valueOf(SINK_PORT));
        env.put("WSIS_UP_TIMEOUT", "400");
        env.put("WSIS_LINKS_RATE_LIMITS_PER_LINK_PERMITS", "1000000");
        env.put("WSIS_NOTIFICATIONS_REMINDERS_SWEEP_INTERVAL", "off");
        if (statements) {
            env.put("WSIS_PG_STAT_STATEMENTS", "on");
        }
    }

    Path root() {
        return root;
    }

    /** Scratch files of the run: logs, JFR recordings, wrk's target lists, the pgbench script. */
    Path work() {
        return work;
    }

    /** Fresh PostgreSQL and Kafka data for every run, apart from the user's own {@code .run}. */
    void clean() {
        Proc.run(root, Map.of(), List.of("rm", "-rf", run.toString())).requireOk("rm run dir");
    }

    /** The bench uses the stack's fixed ports: a user's {@code ./wsis up} still running would be measured instead. */
    void requirePortsFree() throws IOException {
        for (int port : PORTS) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                throw new IllegalStateException("port " + port + " is in use: stop the local stack (./wsis down) first");
            } catch (ConnectException expected) {
                // free
            }
        }
    }

    /** {@code ./wsis up} in the background, its output in {@code wsis-up.log}. */
    Process launchUp() throws IOException {
        Process up = Proc.start(root, env, List.of("./wsis", "up"), upLog());
        started = true;
        return up;
    }

    Path upLog() {
        return work.resolve("wsis-up.log");
    }

    /** {@code ./wsis start <service>} in the background (a lone start, timed by the caller). */
    Process launchStart(String service, Path log) throws IOException {
        return launchStart(service, log, Map.of());
    }

    /** The same, with more environment for the service's JVM (for example {@code JDK_JAVA_OPTIONS}). */
    Process launchStart(String service, Path log, Map<String, String> more) throws IOException {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(more);
        return Proc.start(root, all, List.of("./wsis", "start", service), log);
    }

    /** The log ./wsis writes a service's output to. */
    Path serviceLog(String service) {
        return run.resolve("logs/" + service + ".log");
    }

    /** {@code ./wsis start <service> <n>}: the n-th instance, on the first one's port + 100 × (n − 1). */
    void startInstance(String service, int n) {
        Proc.run(root, env, List.of("./wsis", "start", service, String.valueOf(n))).requireOk("./wsis start " + service + " " + n);
    }

    /** {@code ./wsis stop <name>}: a service, or a second instance by its name ({@code <service>-2}). */
    void stop(String name) {
        Proc.run(root, env, List.of("./wsis", "stop", name));
    }

    /** {@code ./wsis down} if this run started the stack; its output on stderr. */
    void down() {
        if (started) {
            Proc.Result down = Proc.run(root, env, List.of("./wsis", "down"));
            System.err.println(down.out());
        }
    }

    /** A dev JWT of the role from {@code ./wsis token}: the last line of its output. */
    String token(String role) {
        return Proc.run(root, env, List.of("./wsis", "token", role)).requireOk("./wsis token").out().trim()
                .lines().reduce((a, b) -> b).orElseThrow();
    }

    Path pidFile(String service) {
        return run.resolve("pids/" + service + ".pid");
    }

    String pid(String service) throws IOException {
        return Files.readString(pidFile(service)).trim();
    }

    /**
     * The processes the bench knows, by pid: the services and their second instances, the stack's Kafka, GreenMail
     * and PostgreSQL launcher (PostgreSQL's own server processes are not its children once started), and the bench.
     */
    Map<Long, String> knownPids() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String service : SERVICES.keySet()) {
            names.put(service, service);
            names.put(service + "-2", service + " (second instance)");
        }
        names.put("kafka", "Kafka (the stack's KRaft broker, a child of its launcher)");
        names.put("smtp", "GreenMail (the stack's SMTP server; the bench's sink takes the mail)");
        names.put("postgres", "the stack's PostgreSQL launcher (JVM)");
        Map<Long, String> known = new HashMap<>();
        names.forEach((file, name) -> {
            try {
                known.put(Long.parseLong(pid(file)), name);
            } catch (IOException | NumberFormatException e) {
                // not running
            }
        });
        known.put(ProcessHandle.current().pid(), MachineCpu.BENCH);
        return known;
    }

    /**
     * Freezes a service with SIGSTOP: every thread (Kafka consumers, relay, sender, scheduler) stops without a line of
     * the service changed or a setting that production would not have, and SIGCONT ({@link #thaw}) resumes it where it
     * was. The services offer no pausable channel (SmallRye's pause/resume is not exposed), and stopping the process
     * instead would also measure its restart. Events wait in Kafka meanwhile; a consumer is evicted from its group
     * after the session timeout and rejoins on SIGCONT.
     */
    void freeze(String service) throws IOException {
        Proc.run(root, Map.of(), List.of("kill", "-STOP", pid(service))).requireOk("kill -STOP");
        frozen.add(service);
    }

    /** SIGCONT; a failure is a finding of the run, not a reason to lose the figures measured so far. */
    void thaw(String service, Report report) {
        try {
            Proc.run(root, Map.of(), List.of("kill", "-CONT", pid(service))).requireOk("kill -CONT");
            frozen.remove(service);
        } catch (IOException e) {
            report.findings.add(service + " could not be resumed: " + e.getMessage());
        }
    }

    /** Thaws whatever is still frozen (the end of a run, however it ended). */
    void thawAll(Report report) {
        for (String service : List.copyOf(frozen)) {
            thaw(service, report);
        }
    }

    /** A tool run from the repository root with no extra environment (wrk, jcmd, kill). */
    Proc.Result tool(List<String> command) {
        return Proc.run(root, Map.of(), command);
    }

    /** The stack's PostgreSQL as its superuser, for psql, pg_dump and pgbench. */
    static Map<String, String> pgEnv() {
        return Map.of("PGPASSWORD", "postgres", "PGHOST", "127.0.0.1", "PGPORT", "15432", "PGUSER", "postgres");
    }

    /** A pg tool (pg_dump, pgbench, psql -f) against the stack's PostgreSQL. */
    Proc.Result pgTool(List<String> command) {
        return Proc.run(root, pgEnv(), command);
    }

    /** One statement (or several separated by ;) with unaligned, tuples-only output. */
    Proc.Result psql(String db, String sql) {
        return pgTool(List.of("psql", "-v", "ON_ERROR_STOP=1", "-qAt", "-d", db, "-c", sql));
    }
}
