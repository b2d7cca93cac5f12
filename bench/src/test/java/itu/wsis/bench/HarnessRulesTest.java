package itu.wsis.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that turn samples into verdicts: a wrong one would publish a goal as met. */
class HarnessRulesTest {

    private static Report.Figure figure(Double value, Double reference, String goal) {
        return new Report.Figure("1", "x", value, "", "", reference, goal, "");
    }

    @Test
    void theJitsShareCountsOnlyTheCompilerThreadsAndTheirCpuInBetween() {
        ProcStats.Cpu before = new ProcStats.Cpu(0, 0, java.util.Map.of("11|C2 CompilerThre", 4_000_000_000L,
                "12|C1 CompilerThre", 1_000_000_000L, "20|vert.x-eventloo", 9_000_000_000L));
        ProcStats.Cpu after = new ProcStats.Cpu(0, 0, java.util.Map.of("11|C2 CompilerThre", 4_600_000_000L,
                "12|C1 CompilerThre", 1_100_000_000L, "13|C2 CompilerThre", 200_000_000L,
                "20|vert.x-eventloo", 12_000_000_000L));
        // The second C2 thread started in between: all of its CPU is in the interval.
        assertThat(LatencyPhase.compilerSeconds(before, after)).isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theSlowRequestsAreGroupedByTheSecondTheyWereDueInAndAStallStandsOut() {
        long second = 1_765_000_000L;
        List<OpenLoop.Slow> slow = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            slow.add(new OpenLoop.Slow(second * 1000 + 10 * i, 300_000 - 1_000 * i));
        }
        slow.add(new OpenLoop.Slow((second + 7) * 1000 + 500, 26_000));

        String text = LatencyPhase.slowBySecond(slow, 3_100);

        assertThat(text).startsWith("31 of 3100 requests (1.00 %) over 25 ms, due in 2 distinct seconds");
        assertThat(text).contains("05:46:40           30        300.0").contains("05:46:47            1         26.0");
        assertThat(text.indexOf("05:46:40")).isLessThan(text.indexOf("05:46:47"));
        assertThat(LatencyPhase.slowBySecond(List.of(), 100)).isEqualTo("0 of 100 requests (0.00 %) over 25 ms, due in 0"
                + " distinct seconds\n");
    }

    @Test
    void ratioGoalsCompareTheRatioToTheReference() {
        assertThat(Report.verdict(figure(60.0, 100.0, "≥ 0.6×"))).isEqualTo("yes");
        assertThat(Report.verdict(figure(59.0, 100.0, "≥ 0.6×"))).isEqualTo("**no**");
        assertThat(Report.verdict(figure(59.0, null, "≥ 0.6×"))).isEqualTo("not measured");
    }

    @Test
    void upperBoundsCompareTheValue() {
        assertThat(Report.verdict(figure(1.5, null, "≤ 1.5 ms"))).isEqualTo("yes");
        assertThat(Report.verdict(figure(1.51, null, "≤ 1.5 ms"))).isEqualTo("**no**");
        assertThat(Report.verdict(figure(300.0, null, "≤ 300 MiB"))).isEqualTo("yes");
        assertThat(Report.verdict(figure(25.0, null, "< 25 ms"))).isEqualTo("**no**");
        assertThat(Report.verdict(figure(24.9, null, "< 25 ms"))).isEqualTo("yes");
        assertThat(Report.verdict(figure(null, null, "< 25 ms"))).isEmpty();
        assertThat(Report.verdict(figure(3.0, null, "bounded"))).isEmpty();
    }

    private static List<long[]> trace(long windowMs, java.util.function.LongUnaryOperator backlogAtMs) {
        List<long[]> samples = new ArrayList<>();
        for (long t = 1000; t <= windowMs; t += 1000) {
            samples.add(new long[] {t, backlogAtMs.applyAsLong(t)});
        }
        return samples;
    }

    @Test
    void aSteadyBacklogIsKeptAndAGrowingOneIsNot() {
        // 100/s with 30 in flight all along, noise of ±4.
        List<long[]> steady = trace(60_000, t -> 30 + (t / 1000 % 3 == 0 ? 4 : -4));
        assertThat(SustainedPhase.kept(SustainedPhase.growth(steady, 60_000), 100, 0)).isTrue();
        // 100/s arriving, 90/s leaving: 10 more owed every second, 360 more over the last three fifths.
        List<long[]> growing = trace(60_000, t -> 10 * t / 1000);
        assertThat(SustainedPhase.growth(growing, 60_000)).isGreaterThan(300);
        assertThat(SustainedPhase.kept(SustainedPhase.growth(growing, 60_000), 100, 0)).isFalse();
        // A slow rate may wobble by a few requests without failing.
        assertThat(SustainedPhase.kept(SustainedPhase.growth(trace(60_000, t -> t > 50_000 ? 4 : 0), 60_000), 2, 0)).isTrue();
        assertThat(SustainedPhase.kept(0, 100, 1)).as("a failed request fails the step").isFalse();
    }

    @Test
    void modesAlternateFromTheFirstRequestOn() {
        OpenLoop.Modes modes = new OpenLoop.Modes();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(modes.next(a)).isEqualTo("IN_PERSON");
        assertThat(modes.next(a)).isEqualTo("REMOTE");
        assertThat(modes.next(b)).isEqualTo("IN_PERSON");
        assertThat(modes.next(a)).isEqualTo("IN_PERSON");
    }

    @Test
    void receiptsAreMatchedByTheAddressInTheirToHeader() {
        assertThat(Mailbox.address("\"Bench Invitee 5\" <Invitee-5@Bench.example.org>")).isEqualTo("invitee-5@bench.example.org");
        assertThat(Mailbox.address("invitee-5@bench.example.org")).isEqualTo("invitee-5@bench.example.org");
        assertThat(Mailbox.address("=?UTF-8?Q?Bench?= <a@b.org>, c@d.org")).isEqualTo("a@b.org");
        assertThat(Mailbox.address(null)).isNull();
    }
}
