package itu.wsis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Measures 4 and 5, the bulk issue and notification-service's email rate (phases 2 and 3): the demo data's 193
 * emails, then a new letter bulk issued to the 193 demo invitees, then to {@code bulkLarge} imported invitees, each
 * timed from the bulk POST to the last of its invitation emails at the sink. The large bulk gives the email rate,
 * the CPU per email (schedstat), a JFR profile, pg_stat_activity samples and the SMTP timings seen by the sink.
 */
final class BulkPhase {

    /** A bulk's invitations with their links, and its email rate (first to last email at the sink; null: too few). */
    record Bulk(List<OpenLoop.Invitee> invitees, Double emailRate) {
    }

    private final RunContext ctx;

    BulkPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    /** Phase 2: the 193 invitation emails of {@code ./wsis up}'s demo load. */
    void demoData() throws InterruptedException {
        ctx.mailbox.waitForNewInvitations(Set.of(), 193, 240, "demo data");
    }

    /**
     * A new letter (the demo letter's texts), published and bulk issued to the 193 demo invitees.
     *
     * @return the letter, which the later bulks and the sweep use too
     */
    UUID demoStates() throws Exception {
        String letterId = Seeding.publishBenchLetter(ctx.secretariat(), ctx.root);
        Set<UUID> known = ctx.mailbox.invitations();
        timedBulk(letterId, known, 193, "193 (the demo's Member States)", false, true);
        return UUID.fromString(letterId);
    }

    /**
     * {@code n} new invitees imported and the letter bulk issued to them. {@code primary}: the bulk whose rate is
     * notification-service's email rate (one instance), with JFR; otherwise the bulk with two instances.
     */
    Bulk large(UUID letterId, int n, String prefix, boolean primary) throws Exception {
        idle = primary ? MachineCpu.Interval.quiet(IDLE_SECONDS) : null;
        Seeding.importInvitees(ctx.secretariat(), ctx.root, n, prefix);
        Set<UUID> known = ctx.mailbox.invitations();
        Bulk bulk = timedBulk(letterId.toString(), known, n, String.format(Locale.ROOT, "%,d", n)
                + (primary ? "" : " (two instances of notification-service)"), true, primary);
        return bulk;
    }

    /** The services besides notification-service, whose share of a bulk's CPU the machine's evidence shows. */
    static final List<String> OTHER_SERVICES = List.of("invitation-service", "registration-service",
            "speaking-request-service");

    /** Seconds of the machine's quiet CPU before the primary large bulk: the stack's work that no email causes. */
    static final int IDLE_SECONDS = 10;

    /** The machine with nothing asked of the stack, before the primary large bulk. */
    private MachineCpu.Interval idle;

    private Bulk timedBulk(String letterId, Set<UUID> known, int expected, String label, boolean large, boolean primary)
            throws Exception {
        Stack stack = ctx.stack;
        Report report = ctx.report;
        Measured measured = ctx.measured;
        int before = ctx.mailbox.mark();
        Path jfr = ctx.work.resolve("notification-bulk.jfr");
        PgActivity activity = null;
        ProcStats.Cpu ncpu0 = ProcStats.schedstat(stack, "notification-service");
        ProcStats.Cpu ncpu0b = primary ? ProcStats.Cpu.NONE : ProcStats.schedstat(stack, "notification-service-2");
        if (large && primary && ctx.options.statements()) {
            stack.psql("notification", "create extension if not exists pg_stat_statements").requireOk("pg_stat_statements");
            stack.psql("notification", "select pg_stat_statements_reset()").requireOk("pg_stat_statements_reset");
        }
        String sharedBefore = null;
        if (large && primary) {
            ctx.jfr.start("notification-service", jfr);
            activity = new PgActivity("notification");
            sharedBefore = ctx.ops().text(Stack.NOTIF + "/q/metrics");
        }
        Map<String, ProcStats.Cpu> others0 = new LinkedHashMap<>();
        if (large && primary) {
            for (String other : OTHER_SERVICES) {
                others0.put(other, ProcStats.schedstat(stack, other));
            }
        }
        // Taken last before t0 and first after done, so that the machine's window is the bulk's.
        MachineCpu.Snapshot machine0 = large && primary ? MachineCpu.take() : null;
        long t0 = System.nanoTime();
        JsonNode r = ctx.secretariat().post(Stack.INV + "/letters/" + letterId + "/invitations/bulk", "{}");
        long answered = System.nanoTime();
        int issued = r.get("issued").asInt();
        if (issued != expected) {
            throw new IllegalStateException("bulk issued " + issued + ", expected " + expected + ": " + r);
        }
        List<UUID> ids = ctx.mailbox.waitForNewInvitations(known, expected, large ? 3600 : 300, "bulk " + label);
        long done = System.nanoTime();
        MachineCpu.Snapshot machine1 = machine0 == null ? null : MachineCpu.take();
        ProcStats.Cpu ncpu1 = ProcStats.schedstat(stack, "notification-service");
        if (machine0 != null) {
            machineCpu(machine0, machine1, (done - t0) / 1e9, expected, label);
            StringBuilder others = new StringBuilder();
            others0.forEach((other, cpu0) -> others.append(ProcStats.cpuShareByGroup(other, cpu0,
                    ProcStats.schedstat(stack, other), (done - t0) / 1e9)).append('\n'));
            report.evidence.put("CPU by thread group of the other services during the bulk of " + label
                    + " (schedstat)", others.toString());
        }
        if (large && primary && ctx.options.statements()) {
            statementsPerEmail(expected, label);
        }
        ProcStats.Cpu ncpu1b = primary ? ProcStats.Cpu.NONE : ProcStats.schedstat(stack, "notification-service-2");
        double notifCpu = (ncpu1.cpuNanos() - ncpu0.cpuNanos() + ncpu1b.cpuNanos() - ncpu0b.cpuNanos()) / 1e9;
        if (large) {
            report.figure("4", "notification-service CPU per email (bulk of " + label + ")", 1000 * notifCpu / expected,
                    "ms", "", null, "", String.format(Locale.ROOT, "%.1f s of CPU (schedstat, every thread%s) over %d"
                            + " invitation emails; the issue's target is about 1 ms", notifCpu,
                            primary ? "" : ", both instances", expected));
            if (primary) {
                measured.cpuPerEmailMs = 1000 * notifCpu / expected;
            }
        }
        if (sharedBefore != null) {
            report.evidence.put("the sender's shared statements during the bulk of " + label
                            + " (wsis_notifications_sender_requests_per_statement, /q/metrics before and after)",
                    sharedStatements(sharedBefore, ctx.ops().text(Stack.NOTIF + "/q/metrics")));
        }
        if (activity != null) {
            report.evidence.put("CPU and run-queue wait during the bulk of " + label,
                    ProcStats.cpuShareByGroup("notification-service", ncpu0, ncpu1, (done - t0) / 1e9));
            activity.close();
            report.evidence.put("notification database connections during the bulk of " + label + " (pg_stat_activity)",
                    activity.text());
        }
        List<SmtpSink.Received> batch = ctx.mailbox.invitationEmailsSince(before, known);
        ctx.load("bulk " + label);
        report.figure("5", "bulk issue of " + label + " invitations: POST …/invitations/bulk answered", (answered - t0) / 1e9,
                "s", "", null, "", "invitation-service: invitations and InvitationIssued outbox rows written");
        report.figure("5", "bulk issue of " + label + ": until every invitation email was accepted by SMTP",
                (done - t0) / 1e9, "s", "", null, "", ids.size() + " distinct invitations seen in emails at the sink");
        List<OpenLoop.Invitee> invitees = new ArrayList<>();
        for (UUID id : ids) {
            invitees.add(new OpenLoop.Invitee(id, ctx.mailbox.token(id)));
        }
        if (!large || batch.size() <= 1) {
            return new Bulk(invitees, null);
        }
        long first = batch.get(0).nanos();
        long last = batch.get(batch.size() - 1).nanos();
        double rate = (batch.size() - 1) / ((last - first) / 1e9);
        double avgBytes = batch.stream().mapToInt(SmtpSink.Received::bytes).average().orElse(0);
        double wholeRate = expected / ((done - t0) / 1e9);
        if (!primary) {
            report.figure("5", "bulk of " + label + ": invitations/s from the POST to the last email", wholeRate,
                    "msg/s", "", null, "", "");
            return new Bulk(invitees, rate);
        }
        measured.emailRate = rate;
        measured.emailBytes = (int) Math.round(avgBytes);
        report.figure("5", "bulk of " + label + ": invitations/s from the POST to the last email", wholeRate,
                "msg/s", "notification-service's steady email rate in the same bulk (measure 4)", rate, "≥ 0.9×",
                "the bulk reaches SMTP at the email rate when the POST, the relay and the consumer keep ahead of the sender");
        report.evidence.put("SMTP timing of notification-service's " + batch.size() + " bulk emails, seen at the sink (µs)",
                smtpTimings(batch));
        report.evidence.put("notification-service during the bulk of " + label + " (JFR)", ctx.jfr.stopText(jfr));
        return new Bulk(invitees, rate);
    }

    /**
     * The whole machine's CPU over the bulk, by process: what an email costs the rest of the system (PostgreSQL, Kafka,
     * the other services, the sink) beside notification-service. The rest's work that no email causes (relay polls,
     * Kafka's own), at the rate measured while the machine was quiet before the bulk, is taken out of its cost per
     * email.
     */
    private void machineCpu(MachineCpu.Snapshot before, MachineCpu.Snapshot after, double seconds, int emails,
                            String label) {
        Map<Long, String> known = ctx.stack.knownPids();
        List<MachineCpu.Share> shares = MachineCpu.shares(before, after, known);
        double busy = MachineCpu.busySeconds(before, after);
        double rest = busy - MachineCpu.seconds(shares, "notification-service");
        double restIdle = 0;
        String idleText = "not measured";
        if (idle != null) {
            List<MachineCpu.Share> quiet = MachineCpu.shares(idle.before(), idle.after(), known);
            restIdle = (MachineCpu.busySeconds(idle.before(), idle.after())
                    - MachineCpu.seconds(quiet, "notification-service")) / idle.seconds() * seconds;
            idleText = MachineCpu.table(quiet, idle.before(), idle.after(), idle.seconds(), idle.seconds(), "s");
        }
        double restPerEmail = 1000 * Math.max(0, rest - restIdle) / emails;
        ctx.measured.cpus = after.cpus();
        ctx.measured.restCpuPerEmailMs = restPerEmail;
        ctx.report.figure("4", "the whole machine's CPU per email (bulk of " + label + ", every process)",
                1000 * busy / emails, "ms", "", null, "", String.format(Locale.ROOT,
                        "%.1f s busy of %.1f s on %d CPUs (/proc/stat), over %d invitation emails; by process in the"
                                + " evidence", busy, seconds * after.cpus(), after.cpus(), emails));
        ctx.report.figure("4", "CPU per email of everything but notification-service (bulk of " + label + ")",
                restPerEmail, "ms", "", null, "", String.format(Locale.ROOT,
                        "%.1f s of CPU of every other process, less %.1f s that the same processes use in as long while"
                                + " the stack is quiet (measured for %d s before the bulk): PostgreSQL, Kafka, the"
                                + " other services (the bulk, the relays, the consumers of InvitationIssued), the"
                                + " bench's sink; by process in the evidence", rest, restIdle, IDLE_SECONDS));
        ctx.report.evidence.put("the whole machine's CPU during the bulk of " + label + ", by process (/proc)",
                MachineCpu.table(shares, before, after, seconds, emails, "email")
                        + "\nthe same machine, quiet, just before the bulk (per second):\n" + idleText);
    }

    /** Where the time of each message went, as the sink saw it: the service idle, the SMTP dialogue, DATA alone. */
    static String smtpTimings(List<SmtpSink.Received> batch) {
        Histogram idle = new Histogram(3_600_000_000L, 3);
        Histogram dialogue = new Histogram(3_600_000_000L, 3);
        Histogram data = new Histogram(3_600_000_000L, 3);
        for (SmtpSink.Received m : batch) {
            idle.recordValue(Math.min(m.idleBeforeNanos() / 1000, 3_600_000_000L));
            dialogue.recordValue(Math.min(m.dialogueNanos() / 1000, 3_600_000_000L));
            data.recordValue(Math.min(m.dataNanos() / 1000, 3_600_000_000L));
        }
        return String.format(Locale.ROOT, "idle before MAIL FROM (the service between two messages): mean %.0f, p50 %d, p99 %d%n"
                        + "MAIL FROM → end of DATA (SMTP dialogue):                 mean %.0f, p50 %d, p99 %d%n"
                        + "DATA transfer alone:                                     mean %.0f, p50 %d, p99 %d%n",
                idle.getMean(), idle.getValueAtPercentile(50), idle.getValueAtPercentile(99),
                dialogue.getMean(), dialogue.getValueAtPercentile(50), dialogue.getValueAtPercentile(99),
                data.getMean(), data.getValueAtPercentile(50), data.getValueAtPercentile(99));
    }

    static final String SHARED = "wsis_notifications_sender_requests_per_statement";

    /**
     * How many statements the sender's lanes shared for their renewals and SENT records between two scrapes, and how
     * many intents each served on average (DeliveryRepository's CoalescedStatement).
     */
    static String sharedStatements(String before, String after) {
        StringBuilder out = new StringBuilder();
        for (String statement : List.of("renew-and-load", "mark-sent")) {
            double statements = sample(after, SHARED + "_count", statement) - sample(before, SHARED + "_count", statement);
            double intents = sample(after, SHARED + "_sum", statement) - sample(before, SHARED + "_sum", statement);
            out.append(String.format(Locale.ROOT, "%-15s %8.0f statements for %8.0f intents: %.2f intents per statement%n",
                    statement, statements, intents, statements == 0 ? 0 : intents / statements));
        }
        return out.toString();
    }

    /** The value of the sample {@code name} with {@code statement="..."} in a Prometheus scrape; 0 when absent. */
    static double sample(String metrics, String name, String statement) {
        String tag = "statement=\"" + statement + "\"";
        return Scrape.sum(metrics, x -> x.startsWith(name + "{") && x.contains(tag));
    }

    /**
     * What the services asked PostgreSQL during the bulk, from pg_stat_statements (--statements): the calls per email
     * in each database, then the statements called at least once per 100 emails, in every database, the longest in
     * PostgreSQL's executor first.
     */
    private void statementsPerEmail(int emails, String label) {
        Proc.Result byDatabase = ctx.stack.psql("notification", perDatabaseSql(emails));
        Proc.Result each = ctx.stack.psql("notification", "select rpad(d.datname, 17) || lpad(round(calls::numeric / "
                + emails + ", 3)::text, 8) || '  ' || lpad(calls::text, 7) || '  '"
                + " || lpad(round((total_exec_time / " + emails + ")::numeric, 3)::text, 8) || '  '"
                + " || left(regexp_replace(query, '\\s+', ' ', 'g'), 150)"
                + " from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                + " where d.datname in (" + DATABASES + ") and calls >= " + Math.max(1, emails / 100)
                + " order by total_exec_time desc limit 60");
        ctx.report.evidence.put("statements the services issued during the bulk of " + label
                        + " (pg_stat_statements, --statements; every statement of the four databases, the outbox"
                        + " relays' included)",
                "per email, by database (BEGIN and COMMIT included):\n" + byDatabase.out().stripTrailing()
                        + "\n\ndatabase          per email   calls  exec ms/email  statement (those called at least once per 100"
                        + " emails; exec: time in PostgreSQL's executor, waits included, per email of the bulk)\n"
                        + each.out().stripTrailing());
    }

    /** The four services' databases, as a SQL list. */
    static final String DATABASES = "'invitation', 'registration', 'speaking_request', 'notification'";

    /** Calls per email in each database and in all four, the busiest first. */
    static String perDatabaseSql(int emails) {
        return "select rpad(coalesce(d.datname, 'all four'), 17) || round(sum(calls)::numeric / " + emails + ", 2)"
                + " from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                + " where d.datname in (" + DATABASES + ")"
                + " group by rollup (d.datname) order by sum(calls) desc";
    }
}
