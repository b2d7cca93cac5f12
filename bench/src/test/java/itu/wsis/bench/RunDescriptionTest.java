package itu.wsis.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line, and the results file's name, sections and table: what bench/run's users and CI read. */
class RunDescriptionTest {

    @Test
    void theCommandLineOfBenchRun() {
        Options o = Options.parse("--root", "/tmp/x/..", "--commit", "abc1234", "--postfix", "/p", "--only", "emails",
                "--statements", "--quick", "--out", "/o");

        assertThat(o).isEqualTo(new Options(Path.of("/tmp"), "abc1234", Path.of("/p"), Path.of("/o"), true, Part.EMAILS, true));
        assertThat(o.resultsDir()).isEqualTo(Path.of("/o"));
        Options full = Options.parse("--root", "/r");
        assertThat(full.quick() || full.emailsOnly() || full.acceptOnly() || full.statements()).isFalse();
        assertThat(full.part()).isEqualTo(Part.ALL);
        assertThat(Options.parse("--only", "accept").acceptOnly()).isTrue();
        assertThat(Options.parse("--only", "startup").startupOnly()).isTrue();
        assertThat(full.startupOnly()).isFalse();
        assertThat(full.postfix()).isNull();
        assertThat(full.resultsDir()).isEqualTo(Path.of("/r/bench/results"));
        assertThatThrownBy(() -> Options.parse("--only", "pgbench")).hasMessage("--only takes one phase: emails, accept or startup");
        assertThatThrownBy(() -> Options.parse("--fast")).hasMessage("unknown option --fast");
    }

    @Test
    void aPartialOrQuickRunNeverTakesAFullRunsName() {
        LocalDate d = LocalDate.of(2026, 12, 3);

        assertThat(Report.fileName(d, "ff1ec0a", Part.ALL, false)).isEqualTo("2026-12-03-ff1ec0a.md");
        assertThat(Report.fileName(d, "ff1ec0a", Part.EMAILS, false)).isEqualTo("2026-12-03-ff1ec0a-emails.md");
        assertThat(Report.fileName(d, "ff1ec0a", Part.ACCEPT, false)).isEqualTo("2026-12-03-ff1ec0a-accept.md");
        assertThat(Report.fileName(d, "ff1ec0a-dirty", Part.EMAILS, true)).isEqualTo("2026-12-03-ff1ec0a-dirty-emails-quick.md");
        assertThat(Report.title(d, "ff1ec0a", Part.EMAILS, true)).isEqualTo("Benchmark results 2026-12-03, commit ff1ec0a"
                + " (partial: the email phase only, `--only emails`) (quick mode)");
        assertThat(Report.fileName(d, "ff1ec0a", Part.STARTUP, false)).isEqualTo("2026-12-03-ff1ec0a-startup.md");
        assertThat(Report.title(d, "ff1ec0a", Part.ACCEPT, false)).isEqualTo("Benchmark results 2026-12-03, commit ff1ec0a"
                + " (partial: the accept endpoint only, `--only accept`)");
    }

    @Test
    void theParametersSayWhatKindOfRunItWas() {
        assertThat(Params.of(true).describe(Part.ALL, false).get("mode")).startsWith("quick (tiny parameters");
        assertThat(Params.of(false).describe(Part.EMAILS, false).get("mode"))
                .isEqualTo("full; only the email phase (--only emails): stack, demo data, bulks, raw SMTP");
        assertThat(Params.of(false).describe(Part.ACCEPT, false).get("mode"))
                .isEqualTo("full; only the accept endpoint (--only accept): stack, demo data, bulks, pgbench, (a), latency");
        assertThat(Params.of(false).describe(Part.STARTUP, false).get("mode"))
                .isEqualTo("full; only the starts (--only startup): ./wsis up, demo data, each service alone");
        assertThat(Params.of(false).describe(Part.ALL, false).get("each service alone")).startsWith("3 start(s) of each");
        assertThat(Params.of(false).describe(Part.ALL, false)).doesNotContainKey("pg_stat_statements")
                .containsEntry("bulk issue", "193 and 10000 invitations");
        assertThat(Params.of(false).describe(Part.ALL, true).keySet()).first().isEqualTo("pg_stat_statements");
        assertThat(Params.of(true).describe(Part.ALL, false).get("HTTP max throughput (wrk, closed loop)"))
                .isEqualTo("3 s, 2 threads, after a warm-up run 4 times as long on other invitations");
    }

    @Test
    void numbersKeepThreeSignificantDigitsOrSo() {
        assertThat(Report.fmt(null)).isEqualTo("—");
        assertThat(Report.fmt(1234.5)).isEqualTo("1235");
        assertThat(Report.fmt(-150.0)).isEqualTo("-150");
        assertThat(Report.fmt(12.345)).isEqualTo("12.3");
        assertThat(Report.fmt(1.2345)).isEqualTo("1.23");
        assertThat(Measured.dash(-1)).isEqualTo("not measured");
        assertThat(Measured.dash(0)).isEqualTo("0.00");
    }

    @Test
    void theCapacityInputsSayWhatWasNotMeasured() {
        Measured m = new Measured();
        m.emailRate = 78.04;
        m.cpuPerAcceptMs = 1.234;

        assertThat(m.capacityInputs()).isEqualTo("""
                E1, notification-service emails/s, one instance: 78.0
                c_mail, CPU per email in the bulk (ms): not measured
                c_accept, CPU per accept during (a) (ms): 1.23
                (b), sustained accepts/s with receipts, one instance: not measured; at that rate registration not measured\
                 ms CPU per accept, notification not measured ms CPU per receipt
                bytes per row: the evidence "database sizes"
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void theResultsFileHasItsSectionsAndOneRowPerFigure(@TempDir Path dir) throws Exception {
        Report r = new Report();
        r.machine.put("cores (available to the JVM)", "2");
        r.parameters.put("mode", "quick");
        r.loadSamples.add("start: 1.00 2.00 3.00 1/100 42");
        r.figure("1", "(a) req/s", 60.0, "req/s", "pgbench TPS (above)", 100.0, "≥ 0.6×", "a | b");
        r.notMeasured("4", "emails/s", "no rate");
        r.findings.add("a finding");
        r.evidence.put("wrk output", "\nRequests/sec: 1\n\n");
        Path file = dir.resolve("sub/results.md");

        r.write(file, "Benchmark results");

        assertThat(Files.readString(file)).startsWith("# Benchmark results\n\nWritten by `bench/run`")
                .contains("## Machine\n\n| | |\n|---|---|\n| cores (available to the JVM) | 2 |\n")
                .contains("- start: 1.00 2.00 3.00 1/100 42\n")
                .contains("## Parameters\n\n| | |\n|---|---|\n| mode | quick |\n")
                .contains("| # | figure | value | unit | reference | ratio | goal | met? | note |\n")
                .contains("| 1 | (a) req/s | 60.0 | req/s | pgbench TPS (above) | 0.60 | ≥ 0.6× | yes | a \\| b |\n")
                .contains("| 4 | emails/s | — |  |  | — |  |  | NOT MEASURED: no rate |\n")
                .contains("## Findings\n\n- a finding\n")
                .endsWith("## Evidence\n\n### wrk output\n\n```\nRequests/sec: 1\n```\n\n");
    }

    @Test
    void histogramsAreSummarisedByTheirPercentiles() {
        Histogram h = new Histogram(600_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i);
        }

        String text = Report.percentiles(h);

        assertThat(text).contains("Value").contains("Percentile").doesNotContain("\n\n");
        assertThat(text.lines().count()).isLessThanOrEqualTo(40);
    }
}
