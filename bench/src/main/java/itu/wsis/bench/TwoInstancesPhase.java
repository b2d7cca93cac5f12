package itu.wsis.bench;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measure 8, one vs two instances (phase 13, issue #18): the email rate (a bulk of new invitations) and the
 * sustained accept rate with a second instance of notification-service and of registration-service started by
 * {@code ./wsis start <service> 2} (same databases, same consumer groups: they split the 6 partitions and the
 * sender's claims), the accepts sent to both in turn. The second instances are stopped after.
 */
final class TwoInstancesPhase {

    private static final String EVIDENCE = "second instances";

    private final RunContext ctx;

    TwoInstancesPhase(RunContext ctx) {
        this.ctx = ctx;
    }

    void run(UUID letterId, List<OpenLoop.Invitee> invitees, double pgTps, double aRate, double sustained1) throws Exception {
        Stack stack = ctx.stack;
        Report report = ctx.report;
        ctx.load("two instances");
        for (String service : List.of("notification-service", "registration-service")) {
            long t0 = System.currentTimeMillis();
            stack.startInstance(service, 2);
            report.evidence.merge(EVIDENCE, service + "-2 started and ready in "
                    + (System.currentTimeMillis() - t0) / 1000.0 + " s (./wsis start " + service + " 2)",
                    (a, b) -> a + "\n" + b);
        }
        // Both notification instances must hold partitions before the bulk, or the first one does all the work.
        Thread.sleep(5000);
        double oneRate = ctx.measured.emailRate;
        double[] sent0 = {metric(Stack.NOTIF, "wsis_notifications_sent_total"), metric(Stack.NOTIF_2, "wsis_notifications_sent_total")};
        BulkPhase.Bulk bulk = new BulkPhase(ctx).large(letterId, ctx.p.bulkSecond(), "second", false);
        double[] sent1 = {metric(Stack.NOTIF, "wsis_notifications_sent_total"), metric(Stack.NOTIF_2, "wsis_notifications_sent_total")};
        report.figure("8", "notification-service emails/s, two instances (bulk of " + ctx.p.bulkSecond() + ")", bulk.emailRate(), "msg/s",
                "one instance (measure 4)", oneRate, "", "both instances send to the same sink; 2 cores shared by everything");
        report.evidence.merge(EVIDENCE, String.format(Locale.ROOT, "emails sent during the bulk"
                        + " (wsis_notifications_sent_total of each instance's /q/metrics): notification-service %.0f,"
                        + " notification-service-2 %.0f", sent1[0] - sent0[0], sent1[1] - sent0[1]), (a, b) -> a + "\n" + b);
        ctx.drain.all("the bulk with two instances");
        double two = new SustainedPhase(ctx).run(2, List.of(Stack.REG, Stack.REG_2), invitees, pgTps, aRate, sustained1);
        report.figure("8", "(b) sustained accept rate, two instances ÷ one", two, "accepts/s", "one instance ((b) above)",
                sustained1 > 0 ? sustained1 : null, "", "");
        for (String name : List.of("registration-service-2", "notification-service-2")) {
            stack.stop(name);
        }
    }

    /** The sum of every sample of one Prometheus metric of one instance; NaN when it cannot be read. */
    private double metric(String baseUrl, String name) {
        try {
            return sum(ctx.ops().text(baseUrl + "/q/metrics"), name);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Every sample of the metric, whatever its labels. */
    static double sum(String metrics, String name) {
        return Scrape.sum(metrics, l -> l.startsWith(name + "{") || l.startsWith(name + " "));
    }
}
