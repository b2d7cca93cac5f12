package itu.wsis.system;

import io.restassured.response.Response;
import itu.wsis.system.OtlpReceiver.ReceivedSpan;
import itu.wsis.system.scenario.Api;
import itu.wsis.system.scenario.ExpectedAllocation;
import itu.wsis.system.scenario.ForumRun;
import itu.wsis.system.scenario.ForumRun.Fate;
import itu.wsis.system.scenario.ForumRun.FaultReport;
import itu.wsis.system.scenario.ForumRun.Invitee;
import itu.wsis.system.scenario.LogScan;
import itu.wsis.system.scenario.Mailbox;
import itu.wsis.system.scenario.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static itu.wsis.system.scenario.Api.INVITATION;
import static itu.wsis.system.scenario.Api.NOTIFICATION;
import static itu.wsis.system.scenario.Api.REGISTRATION;
import static itu.wsis.system.scenario.Api.SPEAKING;
import static itu.wsis.system.scenario.ForumRun.holdFaultUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #8: the whole WSIS Forum 2022 through the APIs of the four services as processes, with faults, and every
 * email counted by Message-ID at the SMTP server. See docs/system-tests.md for what each step checks and how to run
 * the CI form and the soak.
 * <p>
 * The steps share state and run in order; once one fails the later ones are skipped (their checks would only repeat
 * the first failure).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForumScenarioIT {

    static final int MEMBER_STATES = ForumRun.MEMBER_STATES;
    static final int ACCEPT_IN_PERSON = 80;
    static final int ACCEPT_REMOTE = 40;
    static final int DECLINE = 30;
    static final int CORRESPONDENCE_ACCEPT = 5;
    static final int CORRESPONDENCE_DECLINE = 5;
    static final int SILENT = 33;
    static final int SESSIONS = 3;
    static final int CAPACITY = 20;
    static final int SPEAKING_REQUESTS = 100;
    static final int SPEAKING_WITHDRAWALS = 10;
    static final int UNDISTURBED_ACCEPTS = 40;
    static final Duration DRAIN_LIMIT = ForumRun.DRAIN_LIMIT;

    /** CI form by default; -Psoak sets longer outages and resets the offsets of every consuming service. */
    record Settings(boolean soak, Duration kafkaOutage, Duration smtpOutage, List<String> offsetResetServices) {
        static Settings fromSystemProperties() {
            boolean soak = Boolean.getBoolean("wsis.scenario.soak");
            Duration kafka = Duration.parse(System.getProperty("wsis.scenario.kafka-outage", soak ? "PT45S" : "PT10S"));
            Duration smtp = Duration.parse(System.getProperty("wsis.scenario.smtp-outage", soak ? "PT120S" : "PT30S"));
            List<String> reset = List.of(System.getProperty("wsis.scenario.offset-reset",
                    soak ? NOTIFICATION + "," + REGISTRATION + "," + SPEAKING + "," + INVITATION : NOTIFICATION)
                    .split(","));
            return new Settings(soak, kafka, smtp, reset);
        }
    }

    static final Map<String, List<String>> CONSUMER_GROUPS = Map.of(
            INVITATION, List.of("invitation-service"),
            REGISTRATION, List.of("registration-service"),
            SPEAKING, List.of("speaking-request-service.invitation-events",
                    "speaking-request-service.registration-events"),
            NOTIFICATION, List.of("notification-service"));

    static final Settings SETTINGS = Settings.fromSystemProperties();
    static final Random RANDOM = new Random(22010);

    static SystemStack stack;
    static ForumRun run;
    static Mailbox mailbox;
    static Api api;
    static Sql sql;
    static boolean broken;
    /** The invitees, the expected emails, the faults and the checks, shared with ReliabilityScenarioIT. */
    static List<Invitee> invitees;
    static ExpectedAllocation allocation;
    /** The first acceptance of step 3, made before any fault: the one whose trace step 4 follows. */
    static Invitee tracedAccept;

    @BeforeAll
    static void start() {
        // The services run with their own defaults: notification-service's claim lease (30 s) is what lets a crashed
        // sender's intents come back within the 60 s drain. Spans go to the stack's collector for the trace step.
        stack = SystemStack.start(SystemStack.Options.defaults().withTraces());
        run = new ForumRun(stack);
        mailbox = run.mailbox;
        api = run.api;
        sql = run.sql;
        invitees = run.invitees;
    }

    @AfterAll
    static void stop() {
        if (run != null) {
            run.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    interface Step {
        void run() throws Exception;
    }

    static void step(Step step) throws Exception {
        assumeTrue(!broken, "an earlier step failed");
        try {
            step.run();
        } catch (Throwable t) {
            broken = true;
            throw t;
        }
    }

    static void expect(UUID invitationId, String kind) {
        run.expect(invitationId, kind);
    }

    static int expectedTotal() {
        return run.expectedTotal();
    }

    // ------------------------------------------------------------------------------------------------ 1. forum

    @Test
    @Order(1)
    void theSecretariatCreatesTheForumAndPublishesTheLetter() throws Exception {
        step(() -> {
            run.createForumAndLetter();
            // Three high-level policy sessions of 20 slots, once speaking-request-service knows the forum (events).
            run.createSessions(SESSIONS, CAPACITY);
        });
    }

    // ---------------------------------------------------------------------- 2. invitees, invitations, a crash

    @Test
    @Order(2)
    void everyMinisterGetsOneInvitationInTheirLanguageDespiteANotificationCrash() throws Exception {
        step(() -> {
            run.importInvitees(run.memberStateMinisters());
            assertThat(run.issueToAllImported("scenario-" + run.letterId)).isEqualTo(MEMBER_STATES);

            // Fault: notification-service SIGKILLed in the middle of the batch, then started again.
            int before = awaitAtLeast(40, Duration.ofMinutes(3));
            ServiceProcess notification = stack.service(NOTIFICATION);
            notification.kill();
            run.notificationKills.add(Instant.now());
            int atKill = mailbox.distinctCount();
            assertThat(atKill).as("the crash must come in the middle of the batch").isLessThan(MEMBER_STATES);
            Instant restartBegin = Instant.now();
            notification.start();
            notification.awaitReady(Duration.ofSeconds(180));
            Instant recovered = Instant.now();
            api.assertBackAtSharedTime(notification);
            Instant last = mailbox.awaitDistinct(MEMBER_STATES, Duration.ofMinutes(3));
            Duration drain = drain(recovered, last);
            run.report(new FaultReport("notification-service SIGKILL during the invitation batch",
                    Duration.between(run.notificationKills.get(0), restartBegin),
                    Duration.between(restartBegin, recovered), drain,
                    "killed after " + atKill + " of " + MEMBER_STATES + " invitations (" + before + " seen)"));
            assertThat(drain).as("invitation backlog drained after the restart").isLessThanOrEqualTo(DRAIN_LIMIT);

            run.readInvitations();
            run.checkEveryEmailOnce("after the notification-service crash", Duration.ofSeconds(3));
        });
    }

    // ------------------------------------------------------------------- 3. replies, broker crash, SMTP outage

    @Test
    @Order(3)
    void everyReplyGetsItsReceiptThroughABrokerCrashAndAnSmtpOutage() throws Exception {
        step(() -> {
            List<Invitee> order = new ArrayList<>(invitees);
            Collections.shuffle(order, RANDOM);
            int k = 0;
            for (int i = 0; i < ACCEPT_IN_PERSON; i++) {
                order.get(k++).fate = Fate.ACCEPT_IN_PERSON;
            }
            for (int i = 0; i < ACCEPT_REMOTE; i++) {
                order.get(k++).fate = Fate.ACCEPT_REMOTE;
            }
            for (int i = 0; i < DECLINE; i++) {
                order.get(k++).fate = Fate.DECLINE;
            }
            for (int i = 0; i < CORRESPONDENCE_ACCEPT; i++) {
                order.get(k++).fate = Fate.CORRESPONDENCE_ACCEPT;
            }
            for (int i = 0; i < CORRESPONDENCE_DECLINE; i++) {
                order.get(k++).fate = Fate.CORRESPONDENCE_DECLINE;
            }
            while (k < order.size()) {
                order.get(k++).fate = Fate.SILENT;
            }
            assertThat(invitees.stream().filter(i -> i.fate == Fate.SILENT)).hasSize(SILENT);

            // Registration knows the invitations only from invitation events.
            await().atMost(Duration.ofMinutes(2)).until(() ->
                    sql.count("registration", "select count(*) from invitation_view") == MEMBER_STATES);

            List<Invitee> accepting = order.stream()
                    .filter(i -> i.fate == Fate.ACCEPT_IN_PERSON || i.fate == Fate.ACCEPT_REMOTE).toList();
            accepting = new ArrayList<>(accepting);
            Collections.shuffle(accepting, RANDOM);
            Instant killedAt = null;
            for (int n = 0; n < accepting.size(); n++) {
                if (n == UNDISTURBED_ACCEPTS) {
                    // The first replies' receipts arrive with nothing broken: the latency baseline.
                    mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(2));
                }
                if (n == accepting.size() / 2) {
                    // Fault: the broker SIGKILLed in the middle of the replies; replies go on (outbox).
                    stack.kafka().kill();
                    killedAt = Instant.now();
                }
                Invitee invitee = accepting.get(n);
                if (n == 0) {
                    tracedAccept = invitee;
                }
                run.replyRequestedAt.put(invitee.invitationId, Instant.now());
                run.latencyGroup.put(invitee.invitationId, n < UNDISTURBED_ACCEPTS ? "accepted, nothing broken"
                        : n < accepting.size() / 2 ? "accepted just before the broker crash"
                        : "accepted while the broker was down");
                api.accept(invitee.invitationId, invitee.token, acceptBody(invitee,
                                invitee.fate == Fate.ACCEPT_IN_PERSON ? "IN_PERSON" : "REMOTE"))
                        .then().statusCode(201);
                invitee.replyVersions++;
                expect(invitee.invitationId, "REPLY_ACCEPTED");
            }
            holdFaultUntil(killedAt.plus(SETTINGS.kafkaOutage()));
            Instant restartBegin = Instant.now();
            stack.kafka().restart();
            Instant recovered = Instant.now();
            Instant last = mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));
            Duration drain = drain(recovered, last);
            run.report(new FaultReport("Kafka broker SIGKILL in the middle of the replies",
                    Duration.between(killedAt, restartBegin), Duration.between(restartBegin, recovered), drain,
                    (accepting.size() - accepting.size() / 2) + " accepts made while the broker was down"));
            assertThat(drain).as("receipts drained after the broker restart").isLessThanOrEqualTo(DRAIN_LIMIT);
            run.checkEveryEmailOnce("after the broker crash", Duration.ofSeconds(3));

            // Fault: SMTP unreachable while the declines and the correspondence are recorded.
            stack.cutSmtp();
            Instant cutAt = Instant.now();
            for (Invitee invitee : order) {
                if (invitee.fate == Fate.DECLINE || invitee.fate == Fate.CORRESPONDENCE_ACCEPT
                        || invitee.fate == Fate.CORRESPONDENCE_DECLINE) {
                    run.latencyGroup.put(invitee.invitationId, "declined or recorded while SMTP was down");
                }
                switch (invitee.fate) {
                    case DECLINE -> {
                        run.replyRequestedAt.put(invitee.invitationId, Instant.now());
                        api.decline(invitee.invitationId, invitee.token, "Other commitments")
                                .then().statusCode(201);
                        invitee.replyVersions++;
                        expect(invitee.invitationId, "REPLY_DECLINED");
                    }
                    case CORRESPONDENCE_ACCEPT -> {
                        run.replyRequestedAt.put(invitee.invitationId, Instant.now());
                        api.correspondence(invitee.invitationId, """
                                        {"status":"ACCEPTED","mode":"IN_PERSON","delegation":%s,"channel":"LETTER",
                                         "documentReference":"Letter %s/2022","documentDate":"2022-03-21"}"""
                                        .formatted(delegation(invitee), invitee.memberState))
                                .then().statusCode(201);
                        invitee.replyVersions++;
                        expect(invitee.invitationId, "REPLY_ACCEPTED");
                    }
                    case CORRESPONDENCE_DECLINE -> {
                        run.replyRequestedAt.put(invitee.invitationId, Instant.now());
                        api.correspondence(invitee.invitationId, """
                                        {"status":"DECLINED","reason":"Regrets","channel":"NOTE_VERBALE",
                                         "documentReference":"Note %s/2022","documentDate":"2022-03-21"}"""
                                        .formatted(invitee.memberState))
                                .then().statusCode(201);
                        invitee.replyVersions++;
                        expect(invitee.invitationId, "REPLY_DECLINED");
                    }
                    default -> {
                    }
                }
            }
            holdFaultUntil(cutAt.plus(SETTINGS.smtpOutage()));
            assertThat(mailbox.distinctCount()).as("nothing can arrive while SMTP is down")
                    .isEqualTo(MEMBER_STATES + ACCEPT_IN_PERSON + ACCEPT_REMOTE);
            stack.restoreSmtp();
            Instant restored = Instant.now();
            last = mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));
            drain = drain(restored, last);
            run.report(new FaultReport("SMTP unreachable", Duration.between(cutAt, restored), Duration.ZERO, drain,
                    (DECLINE + CORRESPONDENCE_ACCEPT + CORRESPONDENCE_DECLINE) + " replies recorded during the outage"));
            assertThat(drain).as("receipts drained after SMTP came back").isLessThanOrEqualTo(DRAIN_LIMIT);
            run.checkEveryEmailOnce("after the SMTP outage", Duration.ofSeconds(3));

            // The silent invitees' links work too: each opens its invitation at registration-service.
            for (Invitee invitee : invitees) {
                if (invitee.fate == Fate.SILENT) {
                    api.invitee(REGISTRATION, invitee.token).get("/invitations/" + invitee.invitationId)
                            .then().statusCode(200);
                }
            }
        });
    }

    // ---------------------------------------------------------------------------- 4. one accept, one trace

    /** The route template registration-service names the accept's SERVER span by (never the raw path). */
    static final String ACCEPT_ROUTE = "POST /invitations/{invitationId}/accept";

    @Test
    @Order(4)
    void oneAcceptIsOneTraceFromTheRequestToTheReceiptsSmtpSpan() throws Exception {
        step(() -> {
            OtlpReceiver traces = stack.traces();
            String invitationId = tracedAccept.invitationId.toString();

            // The receipt as ops see it in the delivery log: its id is what the SMTP span must name.
            List<Map<String, Object>> receipts = api.ops(NOTIFICATION).queryParam("invitationId", invitationId)
                    .queryParam("kind", "REPLY_ACCEPTED").get("/ops/notifications")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(receipts).as("receipts of %s in the delivery log", invitationId).hasSize(1);
            assertThat(receipts.get(0).get("status")).isEqualTo("SENT");
            String receiptId = (String) receipts.get(0).get("id");

            // Found by the invitation id in its attributes (url.path): the span's name holds only the template.
            List<ReceivedSpan> requests = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> traces.spans().stream().filter(s -> s.service().equals(REGISTRATION)
                            && s.kind().equals("SERVER") && s.attributes().values().stream()
                            .anyMatch(v -> v.endsWith("/invitations/" + invitationId + "/accept"))).toList(),
                            found -> !found.isEmpty());
            assertThat(requests).as("SERVER spans of the one accept").hasSize(1);
            ReceivedSpan request = requests.get(0);
            assertThat(request.name()).isEqualTo(ACCEPT_ROUTE);
            assertThat(request.parentSpanId()).as("the accept starts its trace").isEmpty();
            String traceId = request.traceId();

            // Spans reach the collector in batches, each service on its own schedule: wait for the whole chain.
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                List<ReceivedSpan> trace = traces.trace(traceId);
                assertThat(trace).as("a PRODUCER span of registration-service in trace %s", traceId)
                        .anyMatch(s -> s.service().equals(REGISTRATION) && s.kind().equals("PRODUCER"));
                assertThat(trace).as("a CONSUMER span of notification-service in trace %s", traceId)
                        .anyMatch(s -> s.service().equals(NOTIFICATION) && s.kind().equals("CONSUMER"));
                List<ReceivedSpan> smtp = trace.stream().filter(s -> s.service().equals(NOTIFICATION)
                        && s.kind().equals("CLIENT") && s.name().equals("smtp send")).toList();
                assertThat(smtp).as("smtp send spans in trace %s", traceId).isNotEmpty().allSatisfy(s -> {
                    assertThat(s.attribute("wsis.notification.kind")).isEqualTo("REPLY_ACCEPTED");
                    assertThat(s.attribute("wsis.notification.id")).isEqualTo(receiptId);
                });
                // Same trace id is not yet one trace: the SMTP span must descend from the request, span by span.
                assertThat(ancestry(trace, smtp.get(0))).as("ancestry of the receipt's smtp send span")
                        .contains(request.spanId());
            });

            List<ReceivedSpan> trace = traces.trace(traceId);
            List<String> personal = run.personalValues();
            personal.add(tracedAccept.email);
            List<LogScan.Finding> findings = new ArrayList<>();
            for (ReceivedSpan span : trace) {
                findings.addAll(LogScan.scan("span " + span.service() + " '" + span.name() + "'",
                        span.name() + " " + span.attributes(), personal));
            }
            assertThat(findings).as("personal data or a token in the spans of trace %s", traceId).isEmpty();
            assertThat(traces.rejected()).as("exports the collector could not read").isEmpty();
            System.out.println("Trace of one accept: " + traceId + ", " + trace.size() + " spans: "
                    + trace.stream().collect(Collectors.groupingBy(s -> s.service() + " " + s.kind(),
                    java.util.TreeMap::new, Collectors.counting())));
        });
    }

    /** The span ids from {@code span} up through its parents, as far as the trace holds them. */
    static List<String> ancestry(List<ReceivedSpan> trace, ReceivedSpan span) {
        Map<String, ReceivedSpan> byId = trace.stream()
                .collect(Collectors.toMap(ReceivedSpan::spanId, s -> s, (a, b) -> a));
        List<String> chain = new ArrayList<>();
        for (ReceivedSpan at = span; at != null && !chain.contains(at.spanId()); at = byId.get(at.parentSpanId())) {
            chain.add(at.spanId());
        }
        return chain;
    }

    // ----------------------------------------------------------------------------------- 5. speaking requests

    @Test
    @Order(5)
    void speakingTimeIsAllocatedByPrecedenceAndTheListOfSpeakersMatchesTheRule() throws Exception {
        step(() -> {
            long accepted = invitees.stream().filter(Invitee::accepted).count();
            await().atMost(Duration.ofMinutes(2)).until(() -> sql.count("speaking_request",
                    "select count(*) from invitation where reply_status = 'ACCEPTED'") == accepted);

            List<Invitee> requesting = new ArrayList<>(invitees.stream()
                    .filter(i -> i.fate == Fate.ACCEPT_IN_PERSON || i.fate == Fate.ACCEPT_REMOTE).toList());
            Collections.shuffle(requesting, RANDOM);
            requesting = requesting.subList(0, SPEAKING_REQUESTS);
            allocation = new ExpectedAllocation(SESSIONS, CAPACITY);
            Instant previousSubmission = Instant.EPOCH;
            for (int n = 0; n < requesting.size(); n++) {
                Invitee invitee = requesting.get(n);
                List<Integer> preferences = ForumRun.randomPreferences(RANDOM, SESSIONS);
                boolean inPerson = invitee.fate == Fate.ACCEPT_IN_PERSON;
                String body = run.speakingRequestBody(invitee, preferences);
                Response response = api.requestSpeakingTime(invitee.invitationId, invitee.token, body);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                run.speakingRequests++;
                Map<UUID, List<String>> emails = allocation.submit(new ExpectedAllocation.Request(
                        invitee.invitationId, invitee.memberState, invitee.rank, inPerson, n, preferences));
                emails.forEach((id, kinds) -> kinds.forEach(kind -> expect(id, kind)));
                // The answer already says where the request stands, and it must be what the rule says.
                assertOutcome(invitee, response.path("status"), response.path("seat.sessionId"),
                        response.path("waitingPosition"));
                // First come is the order of submission: the service's submission times must agree with it.
                Instant submitted = Instant.parse(response.path("submittedAt"));
                assertThat(submitted).isAfter(previousSubmission);
                previousSubmission = submitted;
            }

            List<Invitee> seated = requesting.stream()
                    .filter(i -> allocation.current().outcomes().get(i.invitationId).session() != null).toList();
            for (int w = 0; w < SPEAKING_WITHDRAWALS; w++) {
                Invitee invitee = seated.get(w * seated.size() / SPEAKING_WITHDRAWALS);
                api.withdrawSpeakingRequest(invitee.invitationId, invitee.token).then().statusCode(200)
                        .body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
                allocation.withdraw(invitee.invitationId)
                        .forEach((id, kinds) -> kinds.forEach(kind -> expect(id, kind)));
            }

            // Every active request stands where the rule puts it, and no session is overbooked.
            for (Invitee invitee : requesting) {
                ExpectedAllocation.Outcome outcome = allocation.current().outcomes().get(invitee.invitationId);
                List<Map<String, Object>> row = sql.rows("speaking_request", """
                        select r.status, s.session_id, s.position, r.waiting_position
                          from speaking_request r left join speaking_slot s on s.request_id = r.id
                         where r.invitation_id = ?""", invitee.invitationId);
                assertThat(row).hasSize(1);
                if (outcome == null) {
                    assertThat(row.get(0).get("status")).isEqualTo("WITHDRAWN");
                } else {
                    assertOutcome(invitee, (String) row.get(0).get("status"),
                            row.get(0).get("session_id") == null ? null : row.get(0).get("session_id").toString(),
                            (Integer) row.get(0).get("waiting_position"));
                    if (outcome.session() != null) {
                        assertThat(row.get(0).get("position")).isEqualTo(outcome.position());
                    }
                }
            }
            assertThat(sql.count("speaking_request", """
                    select count(*) from hl_session h
                     where h.allocated > h.capacity
                        or h.allocated <> (select count(*) from speaking_slot s where s.session_id = h.id)""")).isZero();

            // The published lists of speakers are the independent computation, speaker by speaker.
            api.secretariat(SPEAKING).post("/forums/" + run.forumId + "/allocation/publish").then().statusCode(200);
            for (int s = 0; s < SESSIONS; s++) {
                List<String> published = api.at(SPEAKING).get("/sessions/" + run.sessionIds.get(s) + "/speakers")
                        .then().statusCode(200).body("published", org.hamcrest.Matchers.equalTo(true))
                        .extract().path("speakers.memberState");
                List<String> expected = allocation.current().speakers().get(s).stream()
                        .map(ExpectedAllocation.Request::memberState).toList();
                assertThat(published).as("list of speakers of session %d", s + 1).isEqualTo(expected);
                assertThat(published).hasSize(CAPACITY);
            }
            List<String> waiting = sql.rows("speaking_request", """
                            select member_state from speaking_request where status = 'WAITLISTED'
                             order by waiting_position""").stream().map(r -> (String) r.get("member_state")).toList();
            assertThat(waiting).as("waiting list").isEqualTo(allocation.current().waiting().stream()
                    .map(ExpectedAllocation.Request::memberState).toList());

            mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));
            run.checkEveryEmailOnce("after the speaking requests", Duration.ofSeconds(3));
        });
    }

    static void assertOutcome(Invitee invitee, String status, String sessionId, Integer waitingPosition) {
        ExpectedAllocation.Outcome expected = allocation.current().outcomes().get(invitee.invitationId);
        if (expected.session() != null) {
            assertThat(status).as("status of %s's request", invitee.memberState).isEqualTo("ALLOCATED");
            assertThat(sessionId).as("session of %s", invitee.memberState)
                    .isEqualTo(run.sessionIds.get(expected.session()).toString());
        } else {
            assertThat(status).as("status of %s's request", invitee.memberState).isEqualTo("WAITLISTED");
            assertThat(waitingPosition).as("waiting position of %s", invitee.memberState)
                    .isEqualTo(expected.position());
        }
    }

    // ---------------------------------------------------------------------------- 6. every event delivered again

    @Test
    @Order(6)
    void eventsDeliveredAgainFromTheBeginningChangeNothing() throws Exception {
        step(() -> {
            mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));
            int mailsBefore = mailbox.distinctCount();
            long intentsBefore = sql.count("notification", "select count(*) from notification");
            long repliesBefore = sql.count("registration", "select count(*) from reply");
            long requestsBefore = sql.count("speaking_request", "select count(*) from speaking_request");
            for (String service : SETTINGS.offsetResetServices()) {
                ServiceProcess process = stack.service(service);
                process.close();
                Instant stoppedAt = Instant.now();
                long rewound = 0;
                for (String group : CONSUMER_GROUPS.get(service)) {
                    long lag = stack.consumerLag(group);
                    // A member that left a moment ago may still be listed: retry until the group is empty.
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                            .ignoreExceptions().until(() -> stack.resetConsumerOffsets(group) != null);
                    rewound += stack.consumerLag(group) - lag;
                }
                Instant restartBegin = Instant.now();
                process.start();
                process.awaitReady(Duration.ofSeconds(180));
                Instant recovered = Instant.now();
                api.assertBackAtSharedTime(process);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                        CONSUMER_GROUPS.get(service).stream().mapToLong(stack::consumerLag).sum() == 0);
                Duration drain = Duration.between(recovered, Instant.now());
                run.report(new FaultReport("consumer offsets of " + service + " reset to the beginning",
                        Duration.between(stoppedAt, restartBegin), Duration.between(restartBegin, recovered), drain,
                        rewound + " events delivered again"));
                assertThat(rewound).as("events to deliver again").isPositive();
                assertThat(drain).as("redelivered backlog of " + service + " consumed")
                        .isLessThanOrEqualTo(DRAIN_LIMIT);
            }
            // Ten seconds of nothing new: long enough for the sender (every second) to send anything a redelivery
            // would have wrongly caused. Awaitility checks it throughout, and names what it waited for if it fails.
            await("no email or intent caused by the redelivery").during(Duration.ofSeconds(10))
                    .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                    .until(() -> mailbox.distinctCount() == mailsBefore
                            && sql.count("notification", "select count(*) from notification") == intentsBefore);
            assertThat(mailbox.distinctCount()).isEqualTo(mailsBefore);
            assertThat(sql.count("notification", "select count(*) from notification")).isEqualTo(intentsBefore);
            assertThat(sql.count("registration", "select count(*) from reply")).isEqualTo(repliesBefore);
            assertThat(sql.count("speaking_request", "select count(*) from speaking_request"))
                    .isEqualTo(requestsBefore);
            run.checkEveryEmailOnce("after every event was delivered again", Duration.ZERO);
        });
    }

    // ------------------------------------------------------------------------------------ 7. time passes

    @Test
    @Order(7)
    void onlyTheSilentAreRemindedOncePerReminderPointAndALateReplyIsFlagged() throws Exception {
        step(() -> {
            Instant responseDeadline = single("select distinct response_deadline_at from contact");
            Instant speakingDeadline = single("select distinct speaking_deadline_at from contact");
            List<Invitee> silent = invitees.stream().filter(i -> i.fate == Fate.SILENT).toList();
            Set<UUID> requested = sql.rows("speaking_request", "select invitation_id from speaking_request")
                    .stream().map(r -> (UUID) r.get("invitation_id")).collect(Collectors.toSet());

            // Reminders go out only inside each recipient's working hours and never on their weekend, so each
            // reminder point is followed in two-hour steps (every zone's 09:00-18:00 window holds at least three of
            // them) until every zone has had a working day. The first point falls on a Friday evening (the deadline
            // is Friday 15 April): the Saturday/Sunday and Friday/Saturday weekends defer its reminders to Sunday or
            // Monday, so it is followed for four days, up to just before the next point.
            sweepThrough(responseDeadline.minus(Duration.ofDays(7)), Duration.ofDays(4));
            silent.forEach(i -> expect(i.invitationId, "REMINDER_RESPONSE"));
            mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));

            sweepThroughTheDayAfter(speakingDeadline.minus(Duration.ofDays(3)));
            invitees.stream().filter(Invitee::accepted).filter(i -> !requested.contains(i.invitationId))
                    .forEach(i -> expect(i.invitationId, "REMINDER_SPEAKING_REQUEST"));
            mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));

            sweepThroughTheDayAfter(responseDeadline.minus(Duration.ofDays(2)));
            silent.forEach(i -> expect(i.invitationId, "REMINDER_RESPONSE"));
            mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));

            // After the deadline: no reminder any more, and a late reply through the link follows the forum's
            // late-reply policy: FLAG takes it marked late, REJECT refuses it.
            api.advanceAllTo(responseDeadline.plus(Duration.ofHours(2)));
            assertThat(api.sweepReminders()).isZero();
            String policy = api.secretariat(REGISTRATION).get("/staff/forums/" + run.forumId + "/settings")
                    .then().statusCode(200).extract().path("lateReplyPolicy");
            Invitee late = silent.get(0);
            Instant requestedAt = Instant.now();
            Response reply = api.accept(late.invitationId, late.token, acceptBody(late, "REMOTE"));
            if ("FLAG".equals(policy)) {
                reply.then().statusCode(201).body("late", org.hamcrest.Matchers.equalTo(true));
                assertThat(sql.rows("registration", "select late from reply where invitation_id = ?",
                        late.invitationId)).extracting(r -> r.get("late")).containsExactly(true);
                late.fate = Fate.LATE;
                late.replyVersions++;
                run.replyRequestedAt.put(late.invitationId, requestedAt);
                run.latencyGroup.put(late.invitationId, "late acceptance, nothing broken");
                expect(late.invitationId, "REPLY_ACCEPTED");
            } else {
                assertThat(policy).isEqualTo("REJECT");
                reply.then().statusCode(409);
            }
            mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));
        });
    }

    void sweepThroughTheDayAfter(Instant reminderPoint) {
        sweepThrough(reminderPoint, Duration.ofDays(1));
    }

    void sweepThrough(Instant reminderPoint, Duration span) {
        for (int hours = 0; hours <= span.toHours() - 2; hours += 2) {
            Instant now = reminderPoint.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(hours));
            api.advanceAllTo(now);
            api.sweepReminders();
            // The sender checks the recipient's working hours when it sends. Two hours pass here in a second, so
            // let it send what is due now before the clock moves on: otherwise a reminder made inside a window is
            // looked at after it closed and waits for the next working day, which the real clock would not do.
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> sql.count(
                    "notification", """
                            select count(*) from notification where kind like 'REMINDER%' and status = 'PENDING'
                               and next_attempt_at <= ?""", java.sql.Timestamp.from(now)) == 0);
        }
    }

    static Instant single(String query) {
        List<Map<String, Object>> rows = sql.rows("notification", query);
        assertThat(rows).hasSize(1);
        return ((java.sql.Timestamp) rows.get(0).values().iterator().next()).toInstant();
    }

    // ------------------------------------------------------------------------------------------ 8. final checks

    @Test
    @Order(8)
    void everyExpectedEmailArrivedOnceAndTheServicesAgree() throws Exception {
        step(() -> {
            ForumRun.Delivered delivered = run.checkEveryEmailOnce("at the end", Duration.ofSeconds(5));
            run.checkNoDuplicateRowsAndNoOverbooking();
            run.checkTheServicesAgree();
            run.checkLogsHoldNoPersonalData();
            System.out.println(run.writeSummary("ForumScenarioIT", SETTINGS.soak() ? "soak" : "CI form",
                    delivered, null));
        });
    }

    static String acceptBody(Invitee invitee, String mode) {
        return ForumRun.acceptBody(invitee, mode);
    }

    static String delegation(Invitee invitee) {
        return ForumRun.delegation(invitee);
    }

    static int awaitAtLeast(int count, Duration timeout) {
        return run.awaitAtLeast(count, timeout);
    }

    static Duration drain(Instant recovered, Instant lastArrival) {
        return ForumRun.drain(recovered, lastArrival);
    }
}
