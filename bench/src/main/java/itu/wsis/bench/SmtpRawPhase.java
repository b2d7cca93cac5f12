package itu.wsis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measure 4's reference (phase 4): Postfix's smtp-source, messages of the bulk's average size, into the bench's sink
 * and into Postfix's smtp-sink, one connection reused and a new connection per message; then the service's email
 * rate against the sink's raw rate on one reused connection, which is how the service sends; then the service's SMTP
 * client alone ({@link MailClientFloorPhase}), the floor of what the sender could reach with it.
 */
final class SmtpRawPhase {

    private final RunContext ctx;
    private final Path postfix;

    SmtpRawPhase(RunContext ctx) {
        this.ctx = ctx;
        this.postfix = ctx.options.postfix();
    }

    void run() throws Exception {
        Report report = ctx.report;
        double emailRate = ctx.measured.emailRate;
        int emailBytes = ctx.measured.emailBytes;
        ctx.mailbox.quiet("invitation emails");
        ctx.load("raw SMTP");
        Double sinkReused = null;
        String unmeasured = null;
        if (postfix == null || !Files.isExecutable(postfix.resolve("usr/sbin/smtp-source"))) {
            unmeasured = "Postfix smtp-source not available (bench/run unpacks it with apt-get download postfix)";
        } else {
            sinkReused = smtpSource(Stack.SINK_PORT, true, "bench SMTP sink (JVM)");
            Double sinkFresh = smtpSource(Stack.SINK_PORT, false, "bench SMTP sink (JVM)");
            Process pf = Proc.start(ctx.root, postfixEnv(), smtpSinkCommand(), ctx.work.resolve("postfix-smtp-sink.log"));
            try {
                Thread.sleep(500);
                Double pfReused = smtpSource(Stack.POSTFIX_SINK_PORT, true, "Postfix smtp-sink");
                Double pfFresh = smtpSource(Stack.POSTFIX_SINK_PORT, false, "Postfix smtp-sink");
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
            ceiling(sinkReused);
        } else if (emailRate > 0) {
            report.figure("4", "notification-service emails/s into the bench sink (bulk backlog)", emailRate, "msg/s",
                    "", null, "≥ 0.25×", "ratio not measured: " + unmeasured);
        } else {
            report.notMeasured("4", "notification-service emails/s", "the large bulk did not produce a rate");
        }
        new MailClientFloorPhase(ctx).run(sinkReused);
    }

    /**
     * What the rest of the system leaves notification-service on these cores: the email rate if the service cost
     * nothing, and the CPU per email it could spend at the goal's rate (0.25× the sink's raw rate). A budget at or
     * below zero would mean that the goal cannot be met on this machine whatever the service does.
     */
    private void ceiling(double sinkReused) {
        Measured m = ctx.measured;
        if (m.restCpuPerEmailMs < 0 || m.cpus <= 0) {
            ctx.report.notMeasured("4", "the email rate the rest of the system allows", "the large bulk's machine CPU was not measured");
            return;
        }
        if (m.restCpuPerEmailMs == 0) {
            ctx.report.notMeasured("4", "the email rate the rest of the system allows", "the rest of the system used no"
                    + " more CPU during the bulk than while quiet: no limit to state");
            return;
        }
        double cpuMsPerSecond = 1000.0 * m.cpus;
        ctx.report.figure("4", "emails/s these CPUs would allow if notification-service cost nothing",
                cpuMsPerSecond / m.restCpuPerEmailMs, "msg/s", "raw rate of the same sink, one connection", sinkReused, "",
                String.format(Locale.ROOT, "%d CPUs ÷ %.2f ms per email for everything else (the large bulk's"
                        + " machine CPU); counts the sink, which production does not run here", m.cpus, m.restCpuPerEmailMs));
        double budget = cpuMsPerSecond / (0.25 * sinkReused) - m.restCpuPerEmailMs;
        ctx.report.figure("4", "notification-service's CPU per email that 0.25× the sink's raw rate leaves it on these CPUs",
                budget, "ms", "its CPU per email in the large bulk", m.cpuPerEmailMs > 0 ? m.cpuPerEmailMs : null, "",
                String.format(Locale.ROOT, "%d CPUs ÷ %.0f emails/s − %.2f ms for everything else; at or below 0 the"
                        + " goal is out of reach on this machine whatever the service costs", m.cpus, 0.25 * sinkReused,
                        m.restCpuPerEmailMs));
    }

    private Map<String, String> postfixEnv() {
        return Map.of("LD_LIBRARY_PATH", postfix.resolve("usr/lib/postfix").toString());
    }

    private List<String> smtpSinkCommand() {
        List<String> cmd = new ArrayList<>(List.of(postfix.resolve("usr/sbin/smtp-sink").toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            // smtp-sink refuses to run as root without a user to switch to.
            cmd.addAll(List.of("-u", "nobody"));
        }
        cmd.addAll(List.of("127.0.0.1:" + Stack.POSTFIX_SINK_PORT, "256"));
        return cmd;
    }

    /** Messages per second of one smtp-source run; null (and a finding) when it failed. */
    private Double smtpSource(int port, boolean reuse, String label) {
        List<String> cmd = new ArrayList<>(List.of(postfix.resolve("usr/sbin/smtp-source").toString()));
        if (reuse) {
            cmd.add("-d");
        }
        cmd.addAll(List.of("-s", "1", "-l", String.valueOf(ctx.measured.emailBytes), "-m", String.valueOf(ctx.p.smtpMessages()),
                "-f", "bench@bench.example.org", "-t", "sink@bench.example.org", "127.0.0.1:" + port));
        long t0 = System.nanoTime();
        Proc.Result r = Proc.run(ctx.root, postfixEnv(), cmd);
        double s = (System.nanoTime() - t0) / 1e9;
        if (r.exit() != 0) {
            ctx.report.findings.add("smtp-source against " + label + " failed: " + Proc.tail(r.out(), 300));
            return null;
        }
        return ctx.p.smtpMessages() / s;
    }
}
