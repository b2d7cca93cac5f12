package itu.wsis.bench;

import java.nio.file.Path;

/**
 * What the phases of one run share: its settings, the stack, the sink's mailbox, the probes, the report they write
 * into, and the figures one phase measures for another ({@link Measured}). Everything else a phase needs it is
 * given as an argument, and what it measures for the next it returns.
 */
final class RunContext {

    final Params p;
    final Options options;
    final Path root;
    /** Scratch files of the run: logs, JFR recordings, wrk's target lists, the pgbench script. */
    final Path work;
    final Report report;
    final Stack stack;
    final Mailbox mailbox;
    final Jfr jfr;
    final Drain drain;
    /** The next mode of each invitation, shared by every phase that accepts so that each request writes a version. */
    final OpenLoop.Modes modes = new OpenLoop.Modes();
    final Measured measured = new Measured();
    /** The CPU's speed at the points of the run where a figure has no reference of its own (a start's seconds). */
    final SpeedProbe speed;
    private Api secretariat;
    private Api ops;

    RunContext(Options options, Params p, Report report, Stack stack, Mailbox mailbox, SpeedProbe speed) {
        this.options = options;
        this.p = p;
        this.root = options.root();
        this.work = stack.work();
        this.report = report;
        this.stack = stack;
        this.mailbox = mailbox;
        this.speed = speed;
        this.jfr = new Jfr(stack, report);
        this.drain = new Drain(stack, mailbox, report, p.drainSeconds());
    }

    /** The staff APIs' clients, once the stack is up and can issue tokens. */
    void signIn() {
        secretariat = new Api(stack.token("secretariat"));
        ops = new Api(stack.token("ops"));
    }

    Api secretariat() {
        return secretariat;
    }

    Api ops() {
        return ops;
    }

    /** The load average at the start of a phase, into the results file. */
    void load(String phase) {
        report.load(phase);
    }
}
