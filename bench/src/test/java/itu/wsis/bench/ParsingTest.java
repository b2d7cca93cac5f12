package itu.wsis.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What the bench reads from the tools' output, /proc and /q/metrics, and what it sends when it seeds. */
class ParsingTest {

    @Test
    void wrkCountsOnlyTheNewReplyVersions() {
        ThroughputPhase.Wrk w = ThroughputPhase.Wrk.parse("""
                Running 3s test @ http://127.0.0.1:8082
                  51 requests in 3.02s, 26.14KB read
                Requests/sec:     16.89
                Transfer/sec:      8.66KB
                statuses 201=30 200=15 other=6
                """);

        assertThat(w).isEqualTo(new ThroughputPhase.Wrk(16.89, 30, 15, 6));
        assertThat(w.total()).isEqualTo(51);
        assertThat(w.writeRate()).isCloseTo(16.89 * 30 / 51, within(1e-9));
        assertThat(new ThroughputPhase.Wrk(10, 0, 0, 0).writeRate()).isZero();
        assertThatThrownBy(() -> ThroughputPhase.Wrk.parse("Requests/sec: 3.0\n"))
                .as("no statuses line: accept.lua did not run").hasMessageContaining("not understood");
    }

    @Test
    void theSendersSharedStatementsAreTheDifferenceBetweenTwoScrapes() {
        String before = """
                # TYPE wsis_notifications_sender_requests_per_statement summary
                wsis_notifications_sender_requests_per_statement_count{statement="mark-sent"} 10.0
                wsis_notifications_sender_requests_per_statement_sum{statement="mark-sent"} 12.0
                wsis_notifications_sender_requests_per_statement_max{statement="mark-sent"} 2.0
                """;
        String after = """
                wsis_notifications_sender_requests_per_statement_count{application="notification-service",statement="mark-sent"} 110.0 # {span_id="abe75201c3e9f5b1",trace_id="6f025559d1ac8e57570b528a23f09a2f"} 1.0 1796453654.134
                wsis_notifications_sender_requests_per_statement_sum{statement="mark-sent"} 312.0
                wsis_notifications_sender_requests_per_statement_count{statement="renew-and-load"} 50.0
                wsis_notifications_sender_requests_per_statement_sum{statement="renew-and-load"} 100.0
                """;

        assertThat(BulkPhase.sample(after, BulkPhase.SHARED + "_count", "mark-sent")).as("not the exemplar's")
                .isEqualTo(110.0);
        assertThat(BulkPhase.sample(after, BulkPhase.SHARED + "_sum", "mark-sent")).isEqualTo(312.0);
        assertThat(BulkPhase.sample(before, BulkPhase.SHARED + "_sum", "renew-and-load")).isZero();
        assertThat(BulkPhase.sharedStatements(before, after)).contains(
                "renew-and-load        50 statements for      100 intents: 2.00 intents per statement",
                "mark-sent            100 statements for      300 intents: 3.00 intents per statement");
    }

    @Test
    void aProcessCpuIsItsUserAndSystemTicksCountedAfterItsNameAndItsEndedChildrensApart() {
        String stat = "4242 (java) x (y)) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 567 8 9 20 0 40 0 5173958"
                + " 3925794816 83207 18446744073709551615 1 1 0 0 0 0 0 4096 17612 0 0 0 17 1 0 0 0 0 0";

        assertThat(MachineCpu.process(stat)).isEqualTo(new MachineCpu.Process("java) x (y)", 1, 1234 + 567, 8 + 9,
                5173958));
    }

    @Test
    void aKernelWorkerThatChangedItsNameIsTheSameProcessAndAPidThatStartedAgainIsANewOne() {
        var before = new MachineCpu.Snapshot(0, 2, Map.of(
                30L, new MachineCpu.Process("kworker/0:1-events", 2, 4_000, 0, 100),
                31L, new MachineCpu.Process("java", 1, 700, 0, 200)));
        var after = new MachineCpu.Snapshot(500, 2, Map.of(
                30L, new MachineCpu.Process("kworker/0:1-mm_percpu_wq", 2, 4_050, 0, 100),
                31L, new MachineCpu.Process("java", 1, 30, 0, 900)));

        // 50 ticks of the worker's in the interval, not its 4,050 since boot; pid 31 is a new java: all of its 30.
        assertThat(MachineCpu.shares(before, after, Map.of())).containsExactly(
                new MachineCpu.Share(MachineCpu.EXITED, 4.2),
                new MachineCpu.Share(MachineCpu.OTHER + "kworker", 0.5),
                new MachineCpu.Share(MachineCpu.OTHER + "java", 0.3));
    }

    @Test
    void theMachineIsBusyForEveryTickNotIdleOrWaitingForIo() {
        List<String> procStat = List.of(
                "cpu  100 2 30 5000 40 6 7 8 0 0",
                "cpu0 50 1 15 2500 20 3 3 4 0 0",
                "cpu1 50 1 15 2500 20 3 4 4 0 0",
                "intr 12345");

        assertThat(MachineCpu.busyTicks(procStat)).isEqualTo(100 + 2 + 30 + 6 + 7 + 8);
        assertThat(MachineCpu.cpus(procStat)).isEqualTo(2);
        assertThatThrownBy(() -> MachineCpu.busyTicks(List.of("intr 1"))).hasMessageContaining("not /proc/stat");
    }

    @Test
    void stealIsTheEighthCountOfTheCpuLineAndEveryTickCountsIdleAndIoWaitButNotGuestTimeTwice() {
        List<String> procStat = List.of(
                "cpu  100 2 30 5000 40 6 7 8 90 0",
                "cpu0 50 1 15 2500 20 3 3 4 45 0",
                "intr 12345");

        assertThat(MachineCpu.stealTicks(procStat)).isEqualTo(8);
        assertThat(MachineCpu.allTicks(procStat)).isEqualTo(100 + 2 + 30 + 5000 + 40 + 6 + 7 + 8);
        assertThat(MachineCpu.stealTicks(List.of("cpu  100 2 30 5000"))).isZero();
    }

    @Test
    void aSpeedReadingIsTheMedianOfItsRunsAndEachIsComparedWithTheFirst() {
        assertThat(SpeedProbe.median(new double[]{5, 1, 9, 3, 7})).isEqualTo(5);
        assertThat(SpeedProbe.median(new double[]{4, 1, 3, 2})).isEqualTo(2.5);

        SpeedProbe probe = new SpeedProbe();
        SpeedProbe.Reading first = probe.take("start");
        SpeedProbe.Reading second = probe.take("later");

        assertThat(first.shaMegabytesPerSecond()).isPositive();
        assertThat(second.sortMillis()).isPositive();
        assertThat(second.busyShare()).isBetween(0.0, 1.0);
        assertThat(second.stealShare()).isBetween(0.0, second.busyShare());
        assertThat(probe.table().lines().filter(l -> l.startsWith("start ") || l.startsWith("later ")).toList())
                .hasSize(2).first().asString().contains(" 1.00 ");
    }

    @Test
    void theMachineCpuGoesToTheProcessesTheBenchKnowsThenPostgresThenTheRest() {
        var before = new MachineCpu.Snapshot(1_000, 2, Map.of(
                10L, new MachineCpu.Process("java", 1, 500),
                20L, new MachineCpu.Process("postgres", 1, 100),
                21L, new MachineCpu.Process("postgres", 20, 50),
                30L, new MachineCpu.Process("bash", 1, 40),
                40L, new MachineCpu.Process("postgres", 20, 70),
                60L, new MachineCpu.Process("java", 1, 5),
                61L, new MachineCpu.Process("java", 60, 1_000)));
        var after = new MachineCpu.Snapshot(1_900, 2, Map.of(
                10L, new MachineCpu.Process("java", 1, 800),
                20L, new MachineCpu.Process("postgres", 1, 200),
                21L, new MachineCpu.Process("postgres", 20, 90),
                30L, new MachineCpu.Process("kworker/0:1", 2, 25),
                50L, new MachineCpu.Process("postgres", 20, 60),
                60L, new MachineCpu.Process("java", 1, 5),
                61L, new MachineCpu.Process("java", 60, 1_190)));

        var shares = MachineCpu.shares(before, after, Map.of(10L, "notification-service", 60L, "Kafka"));

        // 300 ticks for the service; PostgreSQL 100 + 40 + 60 (a backend started in between); Kafka's broker is its
        // launcher's child (190); pid 30 reused by a kernel thread, so all of its 25 are the new one's; 40 ended:
        // 900 - 715 attributed = 185 no one holds.
        assertThat(shares).containsExactly(
                new MachineCpu.Share("notification-service", 3.0),
                new MachineCpu.Share(MachineCpu.POSTGRES, 2.0),
                new MachineCpu.Share("Kafka", 1.9),
                new MachineCpu.Share(MachineCpu.EXITED, 1.85),
                new MachineCpu.Share(MachineCpu.OTHER + "kworker", 0.25));
        assertThat(MachineCpu.busySeconds(before, after)).isEqualTo(9.0);
        assertThat(MachineCpu.seconds(shares, "notification-service")).isEqualTo(3.0);
        assertThat(MachineCpu.seconds(shares, "GreenMail")).isZero();
        assertThat(MachineCpu.table(shares, before, after, 5.0, 100, "email")).contains(
                "machine over 5.0 s: 9.0 s busy of 10.0 s on 2 CPUs (90%), 90.00 ms per email",
                "     3.0         30.000    33%  notification-service");
    }

    @Test
    void aProfileFrameCountsForTheLibraryThatRunsIt() {
        assertThat(Profile.components("org.bouncycastle.math.ec.rfc7748.X25519Field"))
                .containsExactly("Ed25519 (personal-link signature)");
        assertThat(Profile.components("org.bouncycastle.math.ec.rfc8032.Ed25519"))
                .containsExactly("Ed25519 (personal-link signature)");
        assertThat(Profile.components("io.opentelemetry.sdk.trace.SdkSpanBuilder"))
                .containsExactly("OpenTelemetry (spans, context)");
        assertThat(Profile.components("io.quarkus.opentelemetry.runtime.QuarkusContextStorage"))
                .containsExactly("OpenTelemetry (spans, context)");
        assertThat(Profile.components("java.util.HashMap")).isEmpty();
    }

    @Test
    void theLoadGeneratorsAreNotTheBenchJvmsOwnWorkThoughItStartedThem() {
        var before = new MachineCpu.Snapshot(0, 2, Map.of(
                70L, new MachineCpu.Process("java", 1, 100, 10),
                20L, new MachineCpu.Process("postgres", 1, 100, 500)));
        // wrk ran and ended in between (its 150 ticks are in the JVM's children's times); pgbench still runs; a
        // PostgreSQL backend closed (its 30 are in the postmaster's).
        var after = new MachineCpu.Snapshot(500, 2, Map.of(
                70L, new MachineCpu.Process("java", 1, 150, 160),
                20L, new MachineCpu.Process("postgres", 1, 110, 530),
                72L, new MachineCpu.Process("pgbench", 70, 30),
                73L, new MachineCpu.Process("psql", 70, 20)));

        var shares = MachineCpu.shares(before, after, Map.of(70L, MachineCpu.BENCH));

        // 500 busy: load 150 + 30 + 20, bench 50, PostgreSQL 10 + 30; 210 held by no live process or child.
        assertThat(shares).containsExactly(
                new MachineCpu.Share(MachineCpu.EXITED, 2.1),
                new MachineCpu.Share(MachineCpu.LOAD, 2.0),
                new MachineCpu.Share(MachineCpu.BENCH, 0.5),
                new MachineCpu.Share(MachineCpu.POSTGRES, 0.4));
        // While ./wsis up runs, what the bench's JVM reaped is the script and its helpers, not a load tool; a load
        // tool still running keeps its own name.
        assertThat(MachineCpu.shares(before, after, Map.of(70L, MachineCpu.BENCH), MachineCpu.WSIS_SCRIPT))
                .contains(new MachineCpu.Share(MachineCpu.WSIS_SCRIPT, 1.5), new MachineCpu.Share(MachineCpu.LOAD, 0.5));
    }

    @Test
    void aJvmsClassCacheIsTheAotCacheOrAnAppCdsArchiveItMappedNotTheJdksOwn() {
        String jdk = "7f3c00000000-7f3c01000000 r--p 00000000 08:01 123 /usr/lib/jvm/temurin-25-jdk-amd64/lib/server/classes.jsa";
        String aot = "7f3d00000000-7f3d08000000 rw-p 00001000 08:01 456 /work/main/registration-service/target/wsis-jdk25.aot";
        String jsa = "7f3d00000000-7f3d08000000 r--p 00001000 08:01 789 /work/ci/notification-service/target/wsis-jdk17.jsa";
        String heap = "7f3e00000000-7f3e10000000 rw-p 00000000 00:00 0 ";

        assertThat(ProcStats.classCache(List.of(heap, jdk, aot))).isEqualTo("mapped (wsis-jdk25.aot)");
        assertThat(ProcStats.classCache(List.of(jsa, heap))).isEqualTo("mapped (wsis-jdk17.jsa)");
        assertThat(ProcStats.classCache(List.of(heap, jdk, jdk.replace("classes.jsa", "classes_nocoops.jsa"))))
                .isEqualTo("not mapped");
    }

    @Test
    void pgbenchTpsIsTheOneWithoutConnectionTime() {
        assertThat(PgbenchPhase.tps("""
                latency average = 0.891 ms
                initial connection time = 12.532 ms
                tps = 2240.356960 (without initial connection time)
                """)).isEqualTo(2240.35696);
        assertThatThrownBy(() -> PgbenchPhase.tps("pgbench: error")).hasMessageContaining("no tps");
    }

    @Test
    void gcPausesAreTheDifferenceBetweenTwoScrapesOverEveryCollector() {
        String before = """
                # TYPE jvm_gc_pause_seconds summary
                jvm_gc_pause_seconds_count{action="end of minor GC",application="registration-service",cause="Allocation Failure",gc="Copy"} 40.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",application="registration-service",cause="Allocation Failure",gc="Copy"} 0.4
                jvm_gc_pause_seconds_count{action="end of major GC",application="registration-service",cause="Allocation Failure",gc="MarkSweepCompact"} 1.0
                jvm_gc_pause_seconds_sum{action="end of major GC",application="registration-service",cause="Allocation Failure",gc="MarkSweepCompact"} 0.1
                """;
        String after = """
                jvm_gc_pause_seconds_count{action="end of minor GC",application="registration-service",cause="Allocation Failure",gc="Copy"} 48.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",application="registration-service",cause="Allocation Failure",gc="Copy"} 0.48
                jvm_gc_pause_seconds_max{action="end of minor GC",application="registration-service",cause="Allocation Failure",gc="Copy"} 0.012
                jvm_gc_pause_seconds_count{action="end of major GC",application="registration-service",cause="Allocation Failure",gc="MarkSweepCompact"} 2.0
                jvm_gc_pause_seconds_sum{action="end of major GC",application="registration-service",cause="Allocation Failure",gc="MarkSweepCompact"} 0.15
                jvm_gc_pause_seconds_max{action="end of major GC",application="registration-service",cause="Allocation Failure",gc="MarkSweepCompact"} 0.05
                jvm_gc_memory_allocated_bytes_total{application="registration-service"} 1.0E9
                """;
        assertThat(LatencyPhase.gcPauses(before, after)).isEqualTo("9 pauses, 130.0 ms in all, 14.4 ms on average;"
                + " the longest in the last minutes (Micrometer's max) 50.0 ms");
    }

    @Test
    void pgbenchTransactionsAreTheOnesActuallyProcessed() {
        assertThat(PgbenchPhase.transactions("""
                number of clients: 8
                number of transactions actually processed: 66485
                number of failed transactions: 0 (0.000%)
                """)).isEqualTo(66485);
        assertThat(PgbenchPhase.transactions("pgbench: error")).isEqualTo(-1);
    }

    @Test
    void theServerTimerIsTheAcceptEndpointsDeltaOverTheRun() {
        String before = """
                http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="201",uri="/invitations/{invitationId}/accept"} 100.0
                http_server_requests_seconds_sum{method="POST",outcome="SUCCESS",status="201",uri="/invitations/{invitationId}/accept"} 1.0
                http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/q/health"} 7.0
                """;
        String after = """
                http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="201",uri="/invitations/{invitationId}/accept"} 250.0 # {span_id="abe75201c3e9f5b1",trace_id="6f025559d1ac8e57570b528a23f09a2f"} 0.004 1796453654.134
                http_server_requests_seconds_sum{method="POST",outcome="SUCCESS",status="201",uri="/invitations/{invitationId}/accept"} 1.5
                http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="200",uri="/invitations/{invitationId}/accept"} 50.0
                http_server_requests_seconds_sum{method="POST",outcome="SUCCESS",status="200",uri="/invitations/{invitationId}/accept"} 0.5
                http_server_requests_seconds_max{method="POST",outcome="SUCCESS",status="201",uri="/invitations/{invitationId}/accept"} 0.2
                http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/q/health"} 9000.0
                """;

        assertThat(ThroughputPhase.timer(after)).containsExactly(300.0, 2.0);
        assertThat(ThroughputPhase.serverTimer(before, after))
                .startsWith("http_server_requests_seconds{uri=/invitations/{invitationId}/accept}: 200 requests, mean 5.00 ms")
                .contains("http_server_requests_seconds_max{")
                .doesNotContain("/q/health");
    }

    @Test
    void metricsAreSummedOverTheirLabels() {
        String metrics = """
                # HELP wsis_notifications_sent_total Emails sent
                wsis_notifications_sent_total{kind="INVITATION"} 40.0
                wsis_notifications_sent_total{kind="REPLY_ACCEPTED"} 2.0 # {span_id="f474f4718e7f776b",trace_id="2460f3a896bf6b9f70c210b5302e18d1"} 1.0 1796453654.585
                wsis_notifications_sent_totally_different 99.0
                jvm_memory_used_bytes{area="heap",id="Tenured Gen"} 1000.0
                jvm_memory_used_bytes{area="heap",id="Eden Space"} 24.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5000.0
                """;

        assertThat(TwoInstancesPhase.sum(metrics, "wsis_notifications_sent_total")).isEqualTo(42.0);
        assertThat(SweepPhase.heapUsed(metrics)).isEqualTo(1024.0);
    }

    @Test
    void aProcessStartsAtItsTicksAfterBootWhateverItsName() {
        // Field 2, the command, may hold spaces and parentheses; field 22 is the start time in 10 ms ticks.
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 30 0 12345 999 77";

        assertThat(ProcStats.startMillis(stat, 1_700_000_000_250L)).isEqualTo(1_700_000_000_250L + 123_450L);
    }

    @Test
    void quarkusStartupStepsAreListedLongestFirstWithTheRestSummed() {
        List<String> log = List.of(
                "2026-12-06 04:30:57,216 Build step VertxBinderProcessor.build completed in: 0ms",
                "2026-12-06 04:30:57,685 Build step ArcProcessor.notifyBeanContainerListeners completed in: 372ms",
                "2026-12-06 04:30:58,084 Build step HibernateValidatorProcessor.init completed in: 397ms",
                "2026-12-06 04:30:58,112 Build step ResteasyReactiveProcessor.setupDeployment completed in: 23ms",
                "2026-12-06 04:30:59,422 INFO  [io.quarkus] (main) registration-service 1.0.0-SNAPSHOT on JVM (powered by"
                        + " Quarkus 3.33.2) started in 2.524s. Listening on: http://0.0.0.0:8082");

        String table = StartupPhase.steps(log, 2);

        assertThat(table).startsWith("Quarkus: started in 2.524 s").contains("4 steps, 792 ms in all");
        assertThat(table.lines().filter(l -> l.matches(" *\\d+  .*")).toList()).containsExactly(
                "   397  HibernateValidatorProcessor.init",
                "   372  ArcProcessor.notifyBeanContainerListeners",
                "    23  the other 2 steps");
    }

    @Test
    void theBootTimeKeepsTheUptimesHundredths() {
        // /proc/uptime: seconds since boot (truncated to the hundredth), then the idle time of every CPU.
        assertThat(ProcStats.bootTimeMillis("3632.81 6890.12\n", 1_796_508_766_000L))
                .isEqualTo(1_796_508_766_000L - 3_632_810L - 5);
    }

    @Test
    void aProcessJustLaunchedStartsWhenItWasLaunchedNotUpToASecondBefore() throws Exception {
        // btime of /proc/stat is whole seconds: a boot time taken from it put every start up to 1 s early.
        long boot = ProcStats.bootTimeMillis();
        long before = System.currentTimeMillis();
        Process sleep = new ProcessBuilder("sleep", "30").start();
        long after = System.currentTimeMillis();
        try {
            long started = ProcStats.startMillis(Files.readString(Path.of("/proc/" + sleep.pid() + "/stat")), boot);
            assertThat(started).isBetween(before - 30, after + 30);
        } finally {
            sleep.destroy();
        }
    }

    @Test
    void statusFieldsAreReadInKilobytes() {
        List<String> status = List.of("Name:\tjava", "VmRSS:\t  284000 kB", "RssAnon:\t  236000 kB");

        assertThat(ProcStats.statusKb(status, "VmRSS")).isEqualTo(284_000);
        assertThat(ProcStats.statusKb(status, "RssAnon")).isEqualTo(236_000);
        assertThat(ProcStats.statusKb(status, "RssFile")).as("absent").isZero();
    }

    @Test
    void threadsAreGroupedByNameWithoutTheirNumber() {
        assertThat(ProcStats.threadGroup("vert.x-eventloop-thread-1\n")).isEqualTo("vert.x-eventloop-thread");
        assertThat(ProcStats.threadGroup("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
        assertThat(ProcStats.threadGroup("GC Thread#3")).isEqualTo("GC Thread");

        ProcStats.Cpu before = new ProcStats.Cpu(1_000_000_000L, 0, Map.of("11|loop", 1_000_000_000L));
        ProcStats.Cpu after = new ProcStats.Cpu(4_000_000_000L, 2_000_000_000L,
                Map.of("11|loop", 2_000_000_000L, "12|loop", 1_500_000_000L, "13|GC", 500_000_000L));
        assertThat(ProcStats.cpuShareByGroup("svc", before, after, 6.0))
                .startsWith("svc over 6.0 s: 3.00 s on CPU (50% of one core), 2.00 s runnable but waiting")
                .endsWith("0.67 s of waiting per second of CPU\n  CPU by thread group:\n      2.50 s  loop\n      0.50 s  GC\n");
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> v = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

        assertThat(EndToEndPhase.pct(v, 50)).isEqualTo(5.0);
        assertThat(EndToEndPhase.pct(v, 99)).isEqualTo(10.0);
        assertThat(EndToEndPhase.pct(v, 0)).isEqualTo(1.0);
        assertThat(EndToEndPhase.pct(List.of(), 50)).isNaN();
    }

    @Test
    void importsSpreadTheInviteesOverTheMemberStates() {
        ArrayNode rows = Seeding.inviteeRows(List.of("CH", "FR", "KE"), 1000, 1004, "second");

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("email").asText()).isEqualTo("second-1000@bench.example.org");
        assertThat(rows.get(0).get("fullName").asText()).isEqualTo("Bench Invitee second 1000");
        assertThat(rows.findValuesAsText("memberState")).containsExactly("FR", "KE", "CH", "FR");
    }

    @Test
    void theBenchLetterHasTheDemoTextsUnderItsOwnReference() throws Exception {
        ObjectNode demo = (ObjectNode) Api.JSON.readTree("""
                {"reference": "CL-22/010", "subjects": {"en": "Invitation", "fr": "Invitation (fr)"}, "signatory": "SG"}""");

        ObjectNode letter = Seeding.benchLetter(demo, language -> "body in " + language, "BENCH-1");

        assertThat(letter.get("reference").asText()).isEqualTo("BENCH-1");
        assertThat(letter.has("subjects")).isFalse();
        assertThat(letter.get("signatory").asText()).isEqualTo("SG");
        assertThat(letter.at("/texts/fr/subject").asText()).isEqualTo("Invitation (fr)");
        assertThat(letter.at("/texts/en/body").asText()).isEqualTo("body in en");
        assertThat(demo.has("subjects")).as("the demo letter itself is left as it was").isTrue();
    }
}
