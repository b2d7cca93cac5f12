package itu.wsis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark suite, run by {@code bench/run}: starts the local stack with the emails going to an in-process SMTP
 * sink, runs the phases in order, writes bench/results/&lt;date&gt;-&lt;commit&gt;.md, stops the stack. See
 * bench/README.md. Each phase is its own class ({@code *Phase}); they share a {@link RunContext}.
 */
public final class Bench {

    private final Options options;
    private final Params p;

    Bench(Options options) {
        this.options = options;
        this.p = Params.of(options.quick());
    }

    public static void main(String[] args) throws Exception {
        System.exit(new Bench(Options.parse(args)).run());
    }

    int run() throws Exception {
        Report report = new Report();
        Stack stack = new Stack(options.root(), options.root().resolve("bench/target/work"), options.statements());
        Files.createDirectories(stack.work());
        Mailbox mailbox = null;
        RunContext ctx = null;
        int rc = 0;
        SpeedProbe speed = new SpeedProbe();
        try {
            report.describeMachine(options.commit());
            report.parameters.putAll(p.describe(options.part(), options.statements()));
            report.load("start");
            speed.take("the run's start");
            mailbox = new Mailbox(Stack.SINK_PORT);
            ctx = new RunContext(options, p, report, stack, mailbox, speed);
            phases(ctx);
        } catch (Exception | Error e) {
            rc = 1;
            e.printStackTrace();
            report.findings.add("**The run did not complete**: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + ". Figures after that point are missing.");
        } finally {
            report.load("end");
            if (rc == 0) {
                speed.take("the run's end");
            }
            report.evidence.put("the CPU's speed over the run (SpeedProbe: the same single-thread work in the bench's"
                    + " JVM; steal and busy are shares of every CPU tick since the reading before)", speed.table());
            stack.thawAll(report);
            stack.down();
            if (mailbox != null) {
                mailbox.close();
            }
            Measured measured = ctx != null ? ctx.measured : new Measured();
            report.evidence.put("capacity model inputs (docs/capacity.md, \"How to redo this\")", measured.capacityInputs());
            LocalDate date = LocalDate.now(ZoneOffset.UTC);
            Path file = options.resultsDir().resolve(Report.fileName(date, options.commit(), options.part(), p.quick()));
            report.write(file, Report.title(date, options.commit(), options.part(), p.quick()));
            System.err.println("bench: results written to " + file);
        }
        return rc;
    }

    /** The phases in the order of bench/README.md, "Phases, in order". */
    private void phases(RunContext ctx) throws Exception {
        StartupPhase startup = new StartupPhase(ctx);
        BulkPhase bulks = new BulkPhase(ctx);
        startup.underContention();
        bulks.demoData();
        if (options.startupOnly()) {
            startup.alone();
            ctx.report.findings.add("**Partial run: the starts only** (`bench/run --only startup`): `./wsis up` with fresh"
                    + " data, the demo data, then each service started alone " + p.startsAlone() + " times, on a machine that"
                    + " has not run the load phases. Every other figure of the suite was not measured in this run.");
            return;
        }
        UUID letterId = bulks.demoStates();
        List<OpenLoop.Invitee> large = bulks.large(letterId, p.bulkLarge(), "invitee", true).invitees();
        if (!options.acceptOnly()) {
            new SmtpRawPhase(ctx).run();
        }
        if (options.emailsOnly()) {
            ctx.report.findings.add("**Partial run: the email phase only** (`bench/run --only emails`): the stack, the"
                    + " demo data, the bulks of 193 and " + p.bulkLarge() + " and the raw SMTP reference. Every other"
                    + " figure of the suite was not measured in this run.");
            return;
        }
        double pgTps = new PgbenchPhase(ctx).run();
        List<OpenLoop.Invitee> warm = large.subList(0, large.size() / 3);
        List<OpenLoop.Invitee> partA = large.subList(large.size() / 3, large.size() * 2 / 3);
        List<OpenLoop.Invitee> partB = large.subList(large.size() * 2 / 3, large.size());
        // (a) the endpoint alone: notification-service frozen (SIGSTOP) for the warm-up, the closed-loop run and
        // the latency run at 50% of it; the receipts of those accepts wait in Kafka and are sent afterwards.
        double httpRate;
        ThroughputPhase throughput = new ThroughputPhase(ctx);
        ctx.stack.freeze("notification-service");
        try {
            throughput.warmUp(warm);
            httpRate = throughput.run(partA, pgTps);
            // The latency is the steady state at half of (a): invitation- and speaking-request-service first finish
            // the events (a)'s closed loop left them, as every other phase starts from a drained system.
            ctx.drain.consumers("the accepts' events of (a), before the latency run");
            new LatencyPhase(ctx).run(partB, httpRate);
            Thread.sleep(2000);
            throughput.runWithEveryConsumerFrozen(partA, pgTps);
        } finally {
            ctx.stack.thaw("notification-service", ctx.report);
        }
        if (options.acceptOnly()) {
            ctx.report.findings.add("**Partial run: the accept endpoint only** (`bench/run --only accept`): the stack,"
                    + " the demo data, the bulks of 193 and " + p.bulkLarge() + " (their invitees' links are the accepts'),"
                    + " pgbench, (a) and the latency at 50% of it. Every other figure of the suite was not measured in"
                    + " this run.");
            return;
        }
        ctx.drain.discardReceipts("the accepts of (a)");
        ctx.drain.all("the receipts of the accepts of (a)");
        double sustained1 = new SustainedPhase(ctx).run(1, List.of(Stack.REG), partB, pgTps, httpRate, -1);
        ctx.drain.all("the receipts of the sustained-rate search");
        new EndToEndPhase(ctx).run(partB, sustained1);
        new DatabaseSizesPhase(ctx).run();
        new RssPhase(ctx).run();
        new SweepPhase(ctx).run(letterId);
        new TwoInstancesPhase(ctx).run(letterId, partB, pgTps, httpRate, sustained1);
        startup.alone();
    }
}
