package itu.wsis.bench;

import java.util.List;
import java.util.Locale;

/**
 * Phase 10, for the capacity model: rows and pg_total_relation_size (heap, indexes, TOAST) of every table of the four
 * databases and bytes per row, after the bulk, accept and end-to-end phases (before the sweep seeds its contacts).
 */
final class DatabaseSizesPhase {

    static final List<String> DATABASES = List.of("invitation", "registration", "speaking_request", "notification");

    private final RunContext ctx;

    DatabaseSizesPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    void run() {
        Stack stack = ctx.stack;
        ctx.load("database sizes");
        StringBuilder b = new StringBuilder("database  table  rows  total bytes (pg_total_relation_size)  bytes/row\n");
        for (String db : DATABASES) {
            Proc.Result tables = stack.psql(db, "select relname from pg_stat_user_tables order by relname");
            if (tables.exit() != 0) {
                b.append(db).append(": unreadable\n");
                continue;
            }
            for (String t : tables.out().lines().filter(x -> !x.isBlank()).toList()) {
                Proc.Result r = stack.psql(db, "select count(*), pg_total_relation_size('" + t + "') from " + t);
                if (r.exit() != 0) {
                    continue;
                }
                String[] f = r.out().trim().split("\\|");
                long rows = Long.parseLong(f[0]);
                long bytes = Long.parseLong(f[1]);
                b.append(String.format(Locale.ROOT, "%-17s %-28s %9d %12d %8s%n", db, t, rows, bytes,
                        rows == 0 ? "—" : String.valueOf(bytes / rows)));
                if (rows >= 100 && isFigure(db, t)) {
                    ctx.report.figure("9", db + "." + t + ": bytes per row (heap + indexes + TOAST)", (double) bytes / rows, "B", "", null,
                            "", rows + " rows, " + bytes / 1024 + " KiB");
                }
            }
            Proc.Result size = stack.psql(db, "select pg_database_size(current_database())");
            b.append(db).append(": database size ").append(size.out().trim()).append(" bytes\n");
        }
        ctx.report.evidence.put("database sizes after the bulk, accept and end-to-end phases (before the sweep's 100k seeded contacts)",
                b.toString());
    }

    /** The tables that grow with the participants get a figure; every table is in the evidence. */
    static boolean isFigure(String db, String table) {
        return db.equals("invitation") && table.equals("invitation") || db.equals("registration") && table.equals("reply")
                || db.equals("notification") && table.equals("notification") || db.equals("notification") && table.equals("contact");
    }
}
