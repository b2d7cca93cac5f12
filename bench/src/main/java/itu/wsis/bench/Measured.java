package itu.wsis.bench;

import java.util.Locale;

/**
 * The figures later phases build on and the capacity model's inputs, each written by the one phase that measures
 * it; -1 while not measured.
 */
final class Measured {

    /** notification-service's steady email rate in the large bulk, one instance (BulkPhase). */
    double emailRate = -1;
    /** The average size of the large bulk's emails: smtp-source sends the same (BulkPhase). */
    int emailBytes = 2048;
    /** notification-service's CPU per email in the large bulk (BulkPhase). */
    double cpuPerEmailMs = -1;
    /**
     * The CPU per email of every process but notification-service in the large bulk, less what they use while the
     * stack is quiet, and the machine's CPUs (BulkPhase).
     */
    double restCpuPerEmailMs = -1;
    int cpus = -1;
    /** PostgreSQL's CPU per transaction of the accept's statements under pgbench (PgbenchPhase). */
    double pgCpuPerTxnMs = -1;
    /** registration-service's CPU per accept during (a) (ThroughputPhase). */
    double cpuPerAcceptMs = -1;
    /** (b) with one instance of each service, and the CPU costs at that rate (SustainedPhase). */
    double sustainedOne = -1;
    double sustainedRegCpuMs = -1;
    double sustainedNotifCpuMs = -1;

    /** The evidence "capacity model inputs" (docs/capacity.md, "How to redo this"). */
    String capacityInputs() {
        return String.format(Locale.ROOT,
                "E1, notification-service emails/s, one instance: %s%n"
                        + "c_mail, CPU per email in the bulk (ms): %s%n"
                        + "c_accept, CPU per accept during (a) (ms): %s%n"
                        + "(b), sustained accepts/s with receipts, one instance: %s; at that rate registration %s ms CPU"
                        + " per accept, notification %s ms CPU per receipt%n"
                        + "bytes per row: the evidence \"database sizes\"%n",
                dash(emailRate), dash(cpuPerEmailMs), dash(cpuPerAcceptMs), dash(sustainedOne),
                dash(sustainedRegCpuMs), dash(sustainedNotifCpuMs));
    }

    static String dash(double v) {
        return v < 0 ? "not measured" : Report.fmt(v);
    }
}
