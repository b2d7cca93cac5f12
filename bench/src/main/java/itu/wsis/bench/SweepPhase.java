package itu.wsis.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measure 6, the reminder sweep (phase 12): {@code sweepContacts} open invitations seeded by SQL, each one's
 * reminder due, then the sweep triggered and timed; peak heap from JFR and from /q/metrics polled every 200 ms.
 */
final class SweepPhase {

    private final RunContext ctx;

    SweepPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    void run(UUID letterId) throws Exception {
        Stack stack = ctx.stack;
        Report report = ctx.report;
        Api ops = ctx.ops();
        ctx.load("sweep");
        Instant now = Instant.parse(ops.get(Stack.NOTIF + "/ops/clock").get("now").asText());
        Seeding.sweepContacts(stack, letterId, now, ctx.p.sweepContacts());
        String open = stack.psql("notification", "select count(*) from contact where revoked_at is null and erased_at is null"
                + " and issued_at is not null and reply_status is null").out().trim();
        Path jfr = ctx.work.resolve("notification-sweep.jfr");
        ctx.jfr.start("notification-service", jfr);
        AtomicLong peakPolled = new AtomicLong();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    double heap = heapUsed(ops.text(Stack.NOTIF + "/q/metrics"));
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
        JsonNode result = ops.post(Stack.NOTIF + "/ops/notifications/reminders/sweep", "{}");
        double seconds = (System.nanoTime() - t0) / 1e9;
        poller.interrupt();
        Profile.Summary prof = ctx.jfr.stop(jfr);
        // The reminders are real intents: cancel the ones not yet sent so the sender does not spend the next
        // half hour mailing the sink, and say how many went out meanwhile.
        String sent = stack.psql("notification", "select count(*) from notification where kind like 'REMINDER%' and status = 'SENT'").out().trim();
        stack.psql("notification", "update notification set status = 'CANCELLED', last_error = 'bench: cancelled after the sweep"
                + " measurement' where status = 'PENDING' and kind like 'REMINDER%'").requireOk("cancel reminders");
        ctx.load("sweep done");
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

    /** The heap in use: jvm_memory_used_bytes summed over the heap's pools. */
    static double heapUsed(String metrics) {
        return Scrape.sum(metrics, x -> x.startsWith("jvm_memory_used_bytes") && x.contains("area=\"heap\""));
    }
}
