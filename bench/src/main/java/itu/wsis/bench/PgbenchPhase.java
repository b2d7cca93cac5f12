package itu.wsis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measure 1's reference (phase 5): pgbench running the accept's own statements ({@link AcceptScript}) in a separate
 * database of the same server with registration's schema. Its TPS is the reference of (a) and (b).
 */
final class PgbenchPhase {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: (\\d+)");

    // pgbench reads ":name" as a variable, even inside a literal: a space after each JSON colon, and the colons of
    // the timestamps escaped as \u003a (the same JSON once parsed).
    static final String DELEGATION = "[{\"name\": \"Bench Delegate\",\"title\": \"Minister\",\"email\": \"delegate@bench.example.org\","
            + "\"accessibilityNeed\": null,\"headOfDelegation\": true}]";
    static final String PAYLOAD = "{\"eventId\": \"00000000-0000-0000-0000-000000000000\",\"occurredAt\": \"2022-03-21T09\\u003a00\\u003a00Z\","
            + "\"invitationId\": \"00000000-0000-0000-0000-000000000000\",\"version\": 1,\"mode\": \"IN_PERSON\","
            + "\"late\": false,\"delegationSize\": 1,\"headOfDelegation\": {\"name\": \"Bench Delegate\",\"title\": \"Minister\"},"
            + "\"channel\": \"WEB\",\"recordedAt\": \"2022-03-21T09\\u003a00\\u003a00Z\",\"recordedBy\": \"invitee\"}";

    private final RunContext ctx;

    PgbenchPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    /** @return pgbench's TPS */
    double run() throws Exception {
        ctx.load("pgbench");
        Params p = ctx.p;
        Seeding.acceptDatabase(ctx.stack, ctx.work, p.pgbenchRows());
        Path script = ctx.work.resolve("accept.sql");
        Files.writeString(script, AcceptScript.build(ctx.root, p.pgbenchRows(), DELEGATION, PAYLOAD));
        MachineCpu.Snapshot machine0 = MachineCpu.take();
        long t0 = System.nanoTime();
        Proc.Result r = ctx.stack.pgTool(List.of("pgbench", "-n", "-M", "prepared", "-f", script.toString(),
                "-c", String.valueOf(p.clients()), "-j", "2", "-T", String.valueOf(p.pgbenchSeconds()), "bench_accept"));
        MachineCpu.Snapshot machine1 = backendsGone(machine0);
        // The interval the two readings span, the wait for the backends included: the busy time is over all of it.
        double seconds = (System.nanoTime() - t0) / 1e9;
        ctx.report.evidence.put("pgbench output", r.out());
        r.requireOk("pgbench");
        double tps = tps(r.out());
        String written = ctx.stack.psql("bench_accept", "select count(*) from reply").out().trim();
        ctx.report.figure("1", "pgbench: the accept (admission read + 3-statement transaction), N clients", tps, "TPS",
                "platform notes: one-row INSERT, 8 clients: 13.4k", 13400.0, "",
                written + " reply rows written; separate database bench_accept, same server and schema");
        postgresCpu(machine0, machine1, seconds, transactions(r.out()));
        return tps;
    }

    /**
     * The machine once the server processes pgbench's connections started have ended and been reaped (at most 2 s
     * after pgbench): until the postmaster collects a backend, its CPU is in no live process, and a snapshot taken at
     * once gave PostgreSQL 0.16 ms per transaction in one run of 2026-12-06 instead of 0.53-0.57.
     */
    private static MachineCpu.Snapshot backendsGone(MachineCpu.Snapshot before) throws InterruptedException {
        MachineCpu.Snapshot after = MachineCpu.take();
        for (int i = 0; i < 20 && startedSince(before, after); i++) {
            Thread.sleep(100);
            after = MachineCpu.take();
        }
        return after;
    }

    private static boolean startedSince(MachineCpu.Snapshot before, MachineCpu.Snapshot after) {
        return after.processes().entrySet().stream().anyMatch(e -> e.getValue().comm().equals("postgres")
                && (before.processes().get(e.getKey()) == null || !before.processes().get(e.getKey()).sameAs(e.getValue())));
    }

    /**
     * PostgreSQL's own CPU per transaction of the accept's statements: what the database needs per accept when
     * nothing else asks it anything, the part of (a)'s budget no service can give back.
     */
    private void postgresCpu(MachineCpu.Snapshot before, MachineCpu.Snapshot after, double seconds, long transactions) {
        if (transactions <= 0) {
            ctx.report.notMeasured("1", "PostgreSQL's CPU per pgbench transaction", "pgbench reported no transactions");
            return;
        }
        List<MachineCpu.Share> shares = MachineCpu.shares(before, after, ctx.stack.knownPids());
        double pg = MachineCpu.seconds(shares, MachineCpu.POSTGRES);
        ctx.measured.pgCpuPerTxnMs = 1000 * pg / transactions;
        ctx.report.figure("1", "PostgreSQL's CPU per pgbench transaction (the accept's statements)",
                ctx.measured.pgCpuPerTxnMs, "ms", "", null, "", String.format(Locale.ROOT,
                        "%.1f s of the server processes' CPU over %d transactions; by process in the evidence", pg,
                        transactions));
        ctx.report.evidence.put("the whole machine's CPU during pgbench, by process (/proc)",
                MachineCpu.table(shares, before, after, seconds, transactions, "txn"));
    }

    /** The transactions pgbench completed; -1 when it did not say. */
    static long transactions(String pgbenchOutput) {
        Matcher m = TRANSACTIONS.matcher(pgbenchOutput);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The TPS pgbench reports without its initial connection time. */
    static double tps(String pgbenchOutput) {
        Matcher m = TPS.matcher(pgbenchOutput);
        if (!m.find()) {
            throw new IllegalStateException("no tps in pgbench output");
        }
        return Double.parseDouble(m.group(1));
    }
}
