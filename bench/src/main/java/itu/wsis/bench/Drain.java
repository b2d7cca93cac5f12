package itu.wsis.bench;

import java.util.Locale;

/**
 * The waits between phases, so that each phase starts from a system that owes nothing to the one before; every wait
 * is in the evidence ("drain waits between phases").
 */
final class Drain {

    private static final String EVIDENCE = "drain waits between phases";

    private final Stack stack;
    private final Mailbox mailbox;
    private final Report report;
    private final int drainSeconds;

    Drain(Stack stack, Mailbox mailbox, Report report, int drainSeconds) {
        this.stack = stack;
        this.mailbox = mailbox;
        this.report = report;
        this.drainSeconds = drainSeconds;
    }

    /** Intents not yet sent and registration events not yet published: what the receipts still owe. */
    long owed() {
        Proc.Result n = stack.psql("notification", "select count(*) from notification where status = 'PENDING'"
                + " and next_attempt_at < now() + interval '1 minute'");
        Proc.Result r = stack.psql("registration", "select count(*) from outbox_event where published_at is null");
        if (n.exit() != 0 || r.exit() != 0) {
            return -1;
        }
        return Long.parseLong(n.out().trim()) + Long.parseLong(r.out().trim());
    }

    /**
     * Registration's events that invitation-service or speaking-request-service has not consumed yet: each writes an
     * inbox row for every event of wsis.registration-events, whether it acts on it or not. -1 when unreadable.
     */
    long unconsumed() {
        String topic = "'wsis.registration-events'";
        Proc.Result events = stack.psql("registration", "select count(*) from outbox_event where topic = " + topic);
        Proc.Result invitation = stack.psql("invitation",
                "select count(*) from inbox_processed_event where topic = " + topic);
        Proc.Result speaking = stack.psql("speaking_request",
                "select count(*) from inbox_processed_event where topic = " + topic);
        if (events.exit() != 0 || invitation.exit() != 0 || speaking.exit() != 0) {
            return -1;
        }
        long written = Long.parseLong(events.out().trim());
        return 2 * written - Long.parseLong(invitation.out().trim()) - Long.parseLong(speaking.out().trim());
    }

    /** Waits until invitation- and speaking-request-service have consumed every registration event. */
    void consumers(String what) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        long deadline = t0 + drainSeconds * 1000L;
        long owed = unconsumed();
        while (owed != 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            owed = unconsumed();
        }
        String line = String.format(Locale.ROOT, "consumed %s in %.0f s (%d still owed)", what,
                (System.currentTimeMillis() - t0) / 1000.0, owed);
        System.err.println("bench: " + line);
        report.evidence.merge(EVIDENCE, line, (a, b) -> a + "\n" + b);
        if (owed != 0) {
            report.findings.add("The consumers did not catch up with " + what + " within " + drainSeconds
                    + " s (" + owed + " events still owed); the next phase started on that backlog.");
        }
    }

    /**
     * Waits until the receipts of the phase before are sent: nothing owed (above) and no email at the sink for 4 s
     * (which also covers events still in Kafka, not yet turned into intents). Bounded by {@code drainSeconds}.
     */
    void all(String what) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        long deadline = t0 + drainSeconds * 1000L;
        long last = mailbox.count();
        long quietSince = System.currentTimeMillis();
        long owed = owed();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            long now = mailbox.count();
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
        report.evidence.merge(EVIDENCE, line, (a, b) -> a + "\n" + b);
        if (owed != 0) {
            report.findings.add("The receipts of " + what + " were not all sent within " + drainSeconds
                    + " s (" + owed + " intents/events still owed); the next phase started on that backlog.");
        }
    }

    /**
     * The receipts of (a) are not measured, and sending tens of thousands of them at the email rate would take longer
     * than the rest of the run: once notification-service has caught up with the events (its intents stop growing
     * for 3 s and registration's outbox is empty), the receipt intents still pending are cancelled by SQL, as the
     * sweep's are, and the count said.
     */
    void discardReceipts(String what) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        long deadline = t0 + drainSeconds * 1000L;
        String last = "";
        long stableSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            String now = stack.psql("notification", "select count(*) from notification").out().trim();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.currentTimeMillis();
            }
            String unpublished = stack.psql("registration", "select count(*) from outbox_event where published_at is null").out().trim();
            if ("0".equals(unpublished) && System.currentTimeMillis() - stableSince >= 3000) {
                break;
            }
        }
        Proc.Result r = stack.psql("notification", "with c as (update notification set status = 'CANCELLED', last_error ="
                + " 'bench: receipt of an unmeasured phase, cancelled' where status = 'PENDING' and kind like 'REPLY%'"
                + " returning 1) select count(*) from c");
        String sent = stack.psql("notification", "select count(*) from notification where kind like 'REPLY%' and status = 'SENT'").out().trim();
        report.evidence.merge(EVIDENCE, String.format(Locale.ROOT, "receipts of %s: notification-service"
                        + " caught up in %.0f s; %s pending receipt intents cancelled by SQL (%s receipts sent so far in the run)",
                what, (System.currentTimeMillis() - t0) / 1000.0, r.out().trim(), sent), (a, b) -> a + "\n" + b);
    }
}
