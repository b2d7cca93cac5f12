package itu.wsis.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of one run. {@code sustainWindow}: seconds of each open-loop step of the sustained-rate search (the goal
 * says 60); {@code sustainSteps}: how many rates it tries; {@code bulkSecond}: invitations of the bulk with two
 * instances; {@code drainSeconds}: the longest wait for the receipts of one phase to be sent before the next starts;
 * {@code startsAlone}: how many times each service is started alone.
 */
record Params(boolean quick, int clients, int pgbenchSeconds, int pgbenchRows, int wrkSeconds, int latencySeconds,
              int e2eCount, double e2eSeconds, int bulkLarge, int sweepContacts, int smtpMessages, int sustainWindow,
              int sustainSteps, int bulkSecond, int drainSeconds, int startsAlone) {

    static Params of(boolean quick) {
        return quick ? new Params(true, 2, 3, 2_000, 3, 3, 10, 5, 60, 1_000, 300, 8, 2, 40, 120, 1)
                : new Params(false, 8, 20, 200_000, 15, 20, 150, 30, 10_000, 100_000, 20_000, 60, 4, 5_000, 900, 3);
    }

    /** The results file's "Parameters" table, in its order. */
    Map<String, String> describe(Part part, boolean statements) {
        Map<String, String> d = new LinkedHashMap<>();
        if (statements) {
            d.put("pg_stat_statements", "loaded (--statements): the statements per email are counted;"
                    + " the extension costs PostgreSQL CPU, so this run's rates are not comparable with a run without it");
        }
        d.put("mode", (quick ? "quick (tiny parameters: the harness is exercised, the numbers mean nothing)" : "full")
                + part.modeSuffix);
        d.put("concurrency N (pgbench clients, wrk connections)", String.valueOf(clients));
        d.put("pgbench", pgbenchSeconds + " s, " + pgbenchRows + " seeded invitations, -M prepared, -j 2");
        d.put("HTTP max throughput (wrk, closed loop)", wrkSeconds + " s, 2 threads, after a warm-up run "
                + ThroughputPhase.WARM_UP_FACTOR + " times as long on other invitations");
        d.put("latency (open loop)", latencySeconds + " s at 50% of (a), notification-service frozen as in (a), after"
                + " an unmeasured open-loop run at the same rate until registration-service's JIT compilers use at most "
                + Math.round(100 * LatencyPhase.SETTLED_JIT_SHARE) + "% of a core over " + LatencyPhase.QUIET_WINDOWS
                + " quarters of it in a row (at most "
                + 3 * latencySeconds + " s)");
        d.put("end to end", "at 50% of (b), open loop, each invitation once: at least " + e2eCount
                + " accepts, or " + e2eSeconds + " s of them");
        d.put("(a) endpoint alone", "notification-service frozen with SIGSTOP during the warm-up, the"
                + " closed-loop run and the latency run (SIGCONT after; its receipts then drain before (b)); then the"
                + " closed-loop run again on the same invitations with invitation- and speaking-request-service frozen"
                + " too (their backlog of the accepts' events is consumed before the next phase)");
        d.put("(b) sustained search", sustainSteps + " open-loop steps of " + sustainWindow
                + " s each, from a drained system; kept when the backlog (requests unanswered + 201s without receipt)"
                + " grows by at most max(5, one second of arrivals) between the second and the last fifth of the window");
        d.put("two instances", "./wsis start notification-service 2 and registration-service 2 (ports"
                + " 8184 and 8182: the first instance's + 100); a bulk of " + bulkSecond + " new invitations, then (b) again with the accepts"
                + " sent to both registration instances in turn");
        d.put("bulk issue", "193 and " + bulkLarge + " invitations");
        d.put("reminder sweep", sweepContacts + " open invitations seeded by SQL");
        d.put("raw SMTP", smtpMessages + " messages per smtp-source run");
        d.put("each service alone", startsAlone + " start(s) of each service with the others down (PostgreSQL and Kafka up),"
                + " each after a second in which the machine was at most 15 % busy; the figure is the slowest start");
        d.put("stack", "`./wsis up` with WSIS_RUN_DIR=bench/target/run (fresh data), WSIS_SMTP_PORT="
                + Stack.SINK_PORT + " (the bench's SMTP sink instead of GreenMail), service JVMs with the wsis defaults (-Xms32m -Xmx256m, serial GC, class cache; bench/README.md)");
        d.put("config overrides for the run", "WSIS_LINKS_RATE_LIMITS_PER_LINK_PERMITS=1000000 (the"
                + " load repeats each invitee's link far beyond the production limit of 60/min per link and service; failed"
                + " authentications, the only thing counted per address, do not occur);"
                + " WSIS_NOTIFICATIONS_REMINDERS_SWEEP_INTERVAL=off"
                + " (the sweep runs only when the bench triggers it, so it is measured alone)");
        return d;
    }
}
