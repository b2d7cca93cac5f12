package itu.wsis.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import itu.wsis.system.scenario.Api;
import itu.wsis.system.scenario.ExpectedAllocation;
import itu.wsis.system.scenario.Mailbox;
import itu.wsis.system.scenario.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static itu.wsis.system.scenario.Api.INVITATION;
import static itu.wsis.system.scenario.Api.NOTIFICATION;
import static itu.wsis.system.scenario.Api.REGISTRATION;
import static itu.wsis.system.scenario.Api.SPEAKING;
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

    static final int MEMBER_STATES = 193;
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
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    static final List<String> LANGUAGES = List.of("ar", "en", "es", "fr", "ru", "zh");
    /** Mixed ranks, so that precedence has something to order; ministers are the most common, as in reality. */
    static final List<String> RANK_CYCLE = List.of("HEAD_OF_STATE", "MINISTER", "DEPUTY_MINISTER", "AMBASSADOR",
            "MINISTER", "HEAD_OF_GOVERNMENT", "MINISTER", "HEAD_OF_DELEGATION", "DEPUTY_MINISTER", "OTHER");

    enum Fate { ACCEPT_IN_PERSON, ACCEPT_REMOTE, DECLINE, CORRESPONDENCE_ACCEPT, CORRESPONDENCE_DECLINE, SILENT, LATE }

    static final class Invitee {
        final int index;
        final String memberState;
        final String email;
        final List<String> cc;
        final String language;
        final String rank;
        final String zone;
        UUID invitationId;
        String token;
        Fate fate;

        Invitee(int index, String memberState, String email, List<String> cc, String language, String rank,
                String zone) {
            this.index = index;
            this.memberState = memberState;
            this.email = email;
            this.cc = cc;
            this.language = language;
            this.rank = rank;
            this.zone = zone;
        }

        boolean accepted() {
            return fate == Fate.ACCEPT_IN_PERSON || fate == Fate.ACCEPT_REMOTE || fate == Fate.CORRESPONDENCE_ACCEPT
                    || fate == Fate.LATE;
        }
    }

    record FaultReport(String fault, Duration outage, Duration restart, Duration drain, String note) {
    }

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
    static final ObjectMapper JSON = new ObjectMapper();
    static final Random RANDOM = new Random(22010);

    static SystemStack stack;
    static Mailbox mailbox;
    static Api api;
    static Sql sql;
    static Instant scenarioStart;
    static boolean broken;

    static UUID forumId;
    static UUID letterId;
    static final List<UUID> sessionIds = new ArrayList<>();
    static final List<Invitee> invitees = new ArrayList<>();
    static final Map<UUID, Invitee> byInvitation = new HashMap<>();
    /** The emails each invitation should have received, by kind, in the order they were caused. */
    static final Map<UUID, List<String>> expectedEmails = new HashMap<>();
    static final Map<UUID, Instant> replyRequestedAt = new HashMap<>();
    /** Which circumstances each reply met, for the latency figures. */
    static final Map<UUID, String> latencyGroup = new HashMap<>();
    static final List<FaultReport> faults = new ArrayList<>();
    /** When notification-service was SIGKILLed: the one moment a message may legitimately be sent twice. */
    static final List<Instant> notificationKills = new ArrayList<>();
    static ExpectedAllocation allocation;

    @BeforeAll
    static void start() {
        scenarioStart = Instant.now();
        // The services run with their own defaults: notification-service's claim lease (30 s) is what lets a crashed
        // sender's intents come back within the 60 s drain.
        stack = SystemStack.start(Map.of());
        mailbox = new Mailbox(stack);
        api = new Api(stack);
        sql = new Sql(stack);
    }

    @AfterAll
    static void stop() {
        if (mailbox != null) {
            mailbox.close();
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
        expectedEmails.computeIfAbsent(invitationId, id -> new ArrayList<>()).add(kind);
    }

    static int expectedTotal() {
        return expectedEmails.values().stream().mapToInt(List::size).sum();
    }

    // ------------------------------------------------------------------------------------------------ 1. forum

    @Test
    @Order(1)
    void theSecretariatCreatesTheForumAndPublishesTheLetter() throws Exception {
        step(() -> {
            Path demo = Path.of(System.getProperty("wsis.root", "..")).resolve(
                    "invitation-service/src/main/resources/demo/wsis-2022");
            JsonNode forum = JSON.readTree(Files.readString(demo.resolve("forum.json")));
            forumId = UUID.fromString(api.secretariat(INVITATION).body(forum.toString()).post("/forums")
                    .then().statusCode(201).extract().path("id"));

            ObjectNode letter = (ObjectNode) JSON.readTree(Files.readString(demo.resolve("letter.json")));
            ObjectNode texts = JSON.createObjectNode();
            letter.get("subjects").fields().forEachRemaining(subject -> {
                try {
                    texts.putObject(subject.getKey()).put("subject", subject.getValue().asText())
                            .put("body", Files.readString(demo.resolve("body." + subject.getKey() + ".md")));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            letter.remove("subjects");
            letter.set("texts", texts);
            letterId = UUID.fromString(api.secretariat(INVITATION).body(letter.toString())
                    .post("/forums/" + forumId + "/letters").then().statusCode(201).extract().path("id"));
            api.secretariat(INVITATION).post("/letters/" + letterId + "/publish").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));

            // Three high-level policy sessions of 20 slots, once speaking-request-service knows the forum (events).
            for (int day = 0; day < SESSIONS; day++) {
                String body = """
                        {"titles":{"ar":"جلسة السياسات %1$d","en":"High-level policy session %1$d",
                          "es":"Sesión de alto nivel %1$d","fr":"Session de haut niveau %1$d",
                          "ru":"Сессия высокого уровня %1$d","zh":"高级别政策会议 %1$d"},
                         "start":"2022-0%2$s","end":"2022-0%3$s","capacity":%4$d,"statementMinutes":3,
                         "modalities":["IN_PERSON","REMOTE_LIVE","VIDEO"]}"""
                        .formatted(day + 1, List.of("5-31T09:30", "6-01T09:30", "6-02T09:30").get(day),
                                List.of("5-31T11:30", "6-01T11:30", "6-02T11:30").get(day), CAPACITY);
                String id = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    Response r = api.secretariat(SPEAKING).body(body).post("/forums/" + forumId + "/sessions");
                    return r.statusCode() == 201 ? r.path("id") : null;
                }, java.util.Objects::nonNull);
                sessionIds.add(UUID.fromString(id));
            }
        });
    }

    // ---------------------------------------------------------------------- 2. invitees, invitations, a crash

    @Test
    @Order(2)
    void everyMinisterGetsOneInvitationInTheirLanguageDespiteANotificationCrash() throws Exception {
        step(() -> {
            List<Map<String, Object>> states = api.secretariat(INVITATION).get("/member-states")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(states).hasSize(MEMBER_STATES);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                String code = (String) states.get(i).get("code");
                String rank = RANK_CYCLE.get(i % RANK_CYCLE.size());
                String language = LANGUAGES.get(i % LANGUAGES.size());
                List<String> cc = i % 7 == 0 ? List.of("mission." + code.toLowerCase() + "@example.org") : List.of();
                Invitee invitee = new Invitee(i, code, "minister." + code.toLowerCase() + "@example.org", cc,
                        language, rank, (String) states.get(i).get("timeZone"));
                invitees.add(invitee);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("memberState", code);
                row.put("fullName", "Minister " + code);
                row.put("formOfAddress", rank.endsWith("MINISTER") ? (i % 2 == 0 ? "MADAM_MINISTER"
                        : "MISTER_MINISTER") : "EXCELLENCY");
                row.put("rank", rank);
                row.put("title", "Minister of Information and Communication Technologies");
                row.put("ministry", "Ministry of Information and Communication Technologies");
                row.put("email", invitee.email);
                row.put("cc", cc);
                row.put("preferredLanguage", language);
                row.put("timeZone", invitee.zone);
                rows.add(row);
            }
            api.secretariat(INVITATION).body(JSON.writeValueAsString(rows)).post("/invitees/import")
                    .then().statusCode(200).body("written", org.hamcrest.Matchers.equalTo(MEMBER_STATES));

            api.secretariat(INVITATION).header("Idempotency-Key", "scenario-" + letterId)
                    .post("/letters/" + letterId + "/invitations/bulk")
                    .then().statusCode(200).body("issued", org.hamcrest.Matchers.equalTo(MEMBER_STATES));

            // Fault: notification-service SIGKILLed in the middle of the batch, then started again.
            int before = awaitAtLeast(40, Duration.ofMinutes(3));
            ServiceProcess notification = stack.service(NOTIFICATION);
            notification.kill();
            notificationKills.add(Instant.now());
            int atKill = mailbox.distinctCount();
            assertThat(atKill).as("the crash must come in the middle of the batch").isLessThan(MEMBER_STATES);
            Instant restartBegin = Instant.now();
            notification.start();
            notification.awaitReady(Duration.ofSeconds(180));
            api.alignClock(NOTIFICATION);
            Instant recovered = Instant.now();
            Instant last = mailbox.awaitDistinct(MEMBER_STATES, Duration.ofMinutes(3));
            Duration drain = drain(recovered, last);
            faults.add(new FaultReport("notification-service SIGKILL during the invitation batch",
                    Duration.between(notificationKills.get(0), restartBegin),
                    Duration.between(restartBegin, recovered), drain,
                    "killed after " + atKill + " of " + MEMBER_STATES + " invitations (" + before + " seen)"));
            assertThat(drain).as("invitation backlog drained after the restart").isLessThanOrEqualTo(DRAIN_LIMIT);

            List<Mailbox.Mail> mails = mailbox.all();
            assertThat(mails).hasSize(MEMBER_STATES);
            Map<String, Invitee> byEmail = invitees.stream().collect(Collectors.toMap(i -> i.email, i -> i));
            for (Mailbox.Mail mail : mails) {
                Invitee invitee = byEmail.get(mail.to());
                assertThat(invitee).as("invitation to %s", mail.to()).isNotNull();
                assertThat(invitee.token).as("a second invitation to %s", mail.to()).isNull();
                assertThat(mail.language()).as("language of the invitation to %s", mail.to())
                        .isEqualTo(invitee.language);
                assertThat(mail.cc()).containsExactlyInAnyOrderElementsOf(invitee.cc);
                assertThat(mail.token()).as("personal link in the invitation to %s", mail.to()).isNotNull();
                invitee.token = mail.token();
                invitee.invitationId = Mailbox.invitationIdOf(invitee.token);
                byInvitation.put(invitee.invitationId, invitee);
                expect(invitee.invitationId, "INVITATION");
            }
            assertThat(byInvitation).hasSize(MEMBER_STATES);
            assertThat(sql.rows("invitation", "select id from invitation").stream()
                    .map(r -> (UUID) r.get("id")).collect(Collectors.toSet())).isEqualTo(byInvitation.keySet());
            checkEveryEmailOnce("after the notification-service crash", Duration.ofSeconds(3));
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
                replyRequestedAt.put(invitee.invitationId, Instant.now());
                latencyGroup.put(invitee.invitationId, n < UNDISTURBED_ACCEPTS ? "accepted, nothing broken"
                        : n < accepting.size() / 2 ? "accepted just before the broker crash"
                        : "accepted while the broker was down");
                api.accept(invitee.invitationId, invitee.token, acceptBody(invitee,
                                invitee.fate == Fate.ACCEPT_IN_PERSON ? "IN_PERSON" : "REMOTE"))
                        .then().statusCode(201);
                expect(invitee.invitationId, "REPLY_ACCEPTED");
            }
            sleepUntil(killedAt.plus(SETTINGS.kafkaOutage()));
            Instant restartBegin = Instant.now();
            stack.kafka().restart();
            Instant recovered = Instant.now();
            Instant last = mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));
            Duration drain = drain(recovered, last);
            faults.add(new FaultReport("Kafka broker SIGKILL in the middle of the replies",
                    Duration.between(killedAt, restartBegin), Duration.between(restartBegin, recovered), drain,
                    (accepting.size() - accepting.size() / 2) + " accepts made while the broker was down"));
            assertThat(drain).as("receipts drained after the broker restart").isLessThanOrEqualTo(DRAIN_LIMIT);
            checkEveryEmailOnce("after the broker crash", Duration.ofSeconds(3));

            // Fault: SMTP unreachable while the declines and the correspondence are recorded.
            stack.cutSmtp();
            Instant cutAt = Instant.now();
            for (Invitee invitee : order) {
                if (invitee.fate == Fate.DECLINE || invitee.fate == Fate.CORRESPONDENCE_ACCEPT
                        || invitee.fate == Fate.CORRESPONDENCE_DECLINE) {
                    latencyGroup.put(invitee.invitationId, "declined or recorded while SMTP was down");
                }
                switch (invitee.fate) {
                    case DECLINE -> {
                        replyRequestedAt.put(invitee.invitationId, Instant.now());
                        api.decline(invitee.invitationId, invitee.token, "Other commitments")
                                .then().statusCode(201);
                        expect(invitee.invitationId, "REPLY_DECLINED");
                    }
                    case CORRESPONDENCE_ACCEPT -> {
                        replyRequestedAt.put(invitee.invitationId, Instant.now());
                        api.correspondence(invitee.invitationId, """
                                        {"status":"ACCEPTED","mode":"IN_PERSON","delegation":%s,"channel":"LETTER",
                                         "documentReference":"Letter %s/2022","documentDate":"2022-03-21"}"""
                                        .formatted(delegation(invitee), invitee.memberState))
                                .then().statusCode(201);
                        expect(invitee.invitationId, "REPLY_ACCEPTED");
                    }
                    case CORRESPONDENCE_DECLINE -> {
                        replyRequestedAt.put(invitee.invitationId, Instant.now());
                        api.correspondence(invitee.invitationId, """
                                        {"status":"DECLINED","reason":"Regrets","channel":"NOTE_VERBALE",
                                         "documentReference":"Note %s/2022","documentDate":"2022-03-21"}"""
                                        .formatted(invitee.memberState))
                                .then().statusCode(201);
                        expect(invitee.invitationId, "REPLY_DECLINED");
                    }
                    default -> {
                    }
                }
            }
            sleepUntil(cutAt.plus(SETTINGS.smtpOutage()));
            assertThat(mailbox.distinctCount()).as("nothing can arrive while SMTP is down")
                    .isEqualTo(MEMBER_STATES + ACCEPT_IN_PERSON + ACCEPT_REMOTE);
            stack.restoreSmtp();
            Instant restored = Instant.now();
            last = mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));
            drain = drain(restored, last);
            faults.add(new FaultReport("SMTP unreachable", Duration.between(cutAt, restored), Duration.ZERO, drain,
                    (DECLINE + CORRESPONDENCE_ACCEPT + CORRESPONDENCE_DECLINE) + " replies recorded during the outage"));
            assertThat(drain).as("receipts drained after SMTP came back").isLessThanOrEqualTo(DRAIN_LIMIT);
            checkEveryEmailOnce("after the SMTP outage", Duration.ofSeconds(3));

            // The silent invitees' links work too: each opens its invitation at registration-service.
            for (Invitee invitee : invitees) {
                if (invitee.fate == Fate.SILENT) {
                    api.invitee(REGISTRATION, invitee.token).get("/invitations/" + invitee.invitationId)
                            .then().statusCode(200);
                }
            }
        });
    }

    // ----------------------------------------------------------------------------------- 4. speaking requests

    @Test
    @Order(4)
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
                List<Integer> preferences = new ArrayList<>(List.of(0, 1, 2));
                Collections.shuffle(preferences, RANDOM);
                preferences = preferences.subList(0, 1 + RANDOM.nextInt(SESSIONS));
                boolean inPerson = invitee.fate == Fate.ACCEPT_IN_PERSON;
                String body = """
                        {"speaker":{"name":"Minister %s","title":"Minister","substitute":false},
                         "preferredSessionIds":%s,"statementLanguage":"%s","modality":"%s",
                         "topic":"ICTs for well-being, inclusion and resilience"}""".formatted(invitee.memberState,
                        JSON.writeValueAsString(preferences.stream().map(sessionIds::get).toList()),
                        invitee.language, inPerson ? "IN_PERSON" : "REMOTE_LIVE");
                Response response = api.requestSpeakingTime(invitee.invitationId, invitee.token, body);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
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
            api.secretariat(SPEAKING).post("/forums/" + forumId + "/allocation/publish").then().statusCode(200);
            for (int s = 0; s < SESSIONS; s++) {
                List<String> published = api.at(SPEAKING).get("/sessions/" + sessionIds.get(s) + "/speakers")
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
            checkEveryEmailOnce("after the speaking requests", Duration.ofSeconds(3));
        });
    }

    static void assertOutcome(Invitee invitee, String status, String sessionId, Integer waitingPosition) {
        ExpectedAllocation.Outcome expected = allocation.current().outcomes().get(invitee.invitationId);
        if (expected.session() != null) {
            assertThat(status).as("status of %s's request", invitee.memberState).isEqualTo("ALLOCATED");
            assertThat(sessionId).as("session of %s", invitee.memberState)
                    .isEqualTo(sessionIds.get(expected.session()).toString());
        } else {
            assertThat(status).as("status of %s's request", invitee.memberState).isEqualTo("WAITLISTED");
            assertThat(waitingPosition).as("waiting position of %s", invitee.memberState)
                    .isEqualTo(expected.position());
        }
    }

    // ---------------------------------------------------------------------------- 5. every event delivered again

    @Test
    @Order(5)
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
                api.alignClock(service);
                Instant recovered = Instant.now();
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                        CONSUMER_GROUPS.get(service).stream().mapToLong(stack::consumerLag).sum() == 0);
                Duration drain = Duration.between(recovered, Instant.now());
                faults.add(new FaultReport("consumer offsets of " + service + " reset to the beginning",
                        Duration.between(stoppedAt, restartBegin), Duration.between(restartBegin, recovered), drain,
                        rewound + " events delivered again"));
                assertThat(rewound).as("events to deliver again").isPositive();
                assertThat(drain).as("redelivered backlog of " + service + " consumed")
                        .isLessThanOrEqualTo(DRAIN_LIMIT);
            }
            // Long enough for the sender (every second) to send anything a redelivery would have wrongly caused.
            Thread.sleep(10_000);
            assertThat(mailbox.distinctCount()).isEqualTo(mailsBefore);
            assertThat(sql.count("notification", "select count(*) from notification")).isEqualTo(intentsBefore);
            assertThat(sql.count("registration", "select count(*) from reply")).isEqualTo(repliesBefore);
            assertThat(sql.count("speaking_request", "select count(*) from speaking_request"))
                    .isEqualTo(requestsBefore);
            checkEveryEmailOnce("after every event was delivered again", Duration.ZERO);
        });
    }

    // ------------------------------------------------------------------------------------ 6. time passes

    @Test
    @Order(6)
    void onlyTheSilentAreRemindedOncePerReminderPointAndALateReplyIsFlagged() throws Exception {
        step(() -> {
            Instant responseDeadline = single("select distinct response_deadline_at from contact");
            Instant speakingDeadline = single("select distinct speaking_deadline_at from contact");
            List<Invitee> silent = invitees.stream().filter(i -> i.fate == Fate.SILENT).toList();
            Set<UUID> requested = sql.rows("speaking_request", "select invitation_id from speaking_request")
                    .stream().map(r -> (UUID) r.get("invitation_id")).collect(Collectors.toSet());

            // Reminders go out only inside each recipient's working hours, so each reminder point is followed for a
            // whole day in two-hour steps: every zone's 09:00-18:00 window holds at least three of them.
            sweepThroughTheDayAfter(responseDeadline.minus(Duration.ofDays(7)));
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
            String policy = api.secretariat(REGISTRATION).get("/staff/forums/" + forumId + "/settings")
                    .then().statusCode(200).extract().path("lateReplyPolicy");
            Invitee late = silent.get(0);
            Instant requestedAt = Instant.now();
            Response reply = api.accept(late.invitationId, late.token, acceptBody(late, "REMOTE"));
            if ("FLAG".equals(policy)) {
                reply.then().statusCode(201).body("late", org.hamcrest.Matchers.equalTo(true));
                assertThat(sql.rows("registration", "select late from reply where invitation_id = ?",
                        late.invitationId)).extracting(r -> r.get("late")).containsExactly(true);
                late.fate = Fate.LATE;
                replyRequestedAt.put(late.invitationId, requestedAt);
                latencyGroup.put(late.invitationId, "late acceptance, nothing broken");
                expect(late.invitationId, "REPLY_ACCEPTED");
            } else {
                assertThat(policy).isEqualTo("REJECT");
                reply.then().statusCode(409);
            }
            mailbox.awaitDistinct(expectedTotal(), Duration.ofMinutes(3));
        });
    }

    void sweepThroughTheDayAfter(Instant reminderPoint) {
        for (int hours = 0; hours <= 22; hours += 2) {
            api.advanceAllTo(reminderPoint.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(hours)));
            api.sweepReminders();
        }
    }

    static Instant single(String query) {
        List<Map<String, Object>> rows = sql.rows("notification", query);
        assertThat(rows).hasSize(1);
        return ((java.sql.Timestamp) rows.get(0).values().iterator().next()).toInstant();
    }

    // ------------------------------------------------------------------------------------------ 7. final checks

    @Test
    @Order(7)
    void everyExpectedEmailArrivedOnceAndTheServicesAgree() throws Exception {
        step(() -> {
            Delivered delivered = checkEveryEmailOnce("at the end", Duration.ofSeconds(5));
            checkNoDuplicateRowsAndNoOverbooking();
            checkTheServicesAgree();
            writeSummary(delivered.mails(), delivered.log(), delivered.resentInCrashWindow());
        });
    }

    record Delivered(List<Mailbox.Mail> mails, Map<String, Map<String, Object>> log, int resentInCrashWindow) {
    }

    /**
     * Every email expected so far arrived, once, to its minister, in the minister's language, and nothing else did:
     * run after each fault's recovery and at the end.
     */
    static Delivered checkEveryEmailOnce(String when, Duration quiet) throws Exception {
        // Quiet period: whatever is still on its way would show up here as unexpected.
        Thread.sleep(quiet.toMillis());
        List<Mailbox.Mail> mails = mailbox.all();
        Map<String, Map<String, Object>> log = new HashMap<>();
        for (Map<String, Object> row : sql.rows("notification",
                "select message_id, invitation_id, kind, status, language from notification")) {
            if (row.get("message_id") != null) {
                log.put(Mailbox.strip((String) row.get("message_id")), row);
            }
        }
        Map<UUID, List<String>> received = new HashMap<>();
        List<String> unexpectedCopies = new ArrayList<>();
        int resentInCrashWindow = 0;
        for (Mailbox.Mail mail : mails) {
            Map<String, Object> row = log.get(mail.messageId());
            assertThat(row).as("delivery-log row of message %s to %s", mail.messageId(), mail.to()).isNotNull();
            assertThat(row.get("status")).isEqualTo("SENT");
            UUID invitationId = (UUID) row.get("invitation_id");
            Invitee invitee = byInvitation.get(invitationId);
            assertThat(mail.to()).isEqualTo(invitee.email);
            assertThat(mail.language()).as("language of %s to %s", row.get("kind"), mail.to())
                    .isEqualTo(invitee.language);
            received.computeIfAbsent(invitationId, id -> new ArrayList<>()).add((String) row.get("kind"));
            if (mail.copies() != mail.recipients()) {
                // The one documented window (docs/notifications.md): killed after SMTP accepted the message and
                // before SENT was committed, it goes again with the same Message-ID. Only around a crash.
                boolean crashWindow = mail.copies() == 2 * mail.recipients() && notificationKills.stream()
                        .anyMatch(kill -> !mail.firstSeen().isAfter(kill.plusMillis(500))
                                && mail.firstSeen().isAfter(kill.minusSeconds(5)));
                if (crashWindow) {
                    resentInCrashWindow++;
                } else {
                    unexpectedCopies.add(mail.messageId() + " x" + mail.copies() + " to " + mail.to());
                }
            }
        }
        assertThat(unexpectedCopies).as("messages delivered more than once, %s", when).isEmpty();
        Map<UUID, List<String>> expectedSorted = sortedKinds(expectedEmails);
        Map<UUID, List<String>> receivedSorted = sortedKinds(received);
        assertThat(receivedSorted).as("emails per invitation, by kind, %s", when).isEqualTo(expectedSorted);
        assertThat(mails).hasSize(expectedTotal());
        assertThat(sql.count("notification", "select count(*) from notification where status <> 'SENT'"))
                .as("intents not sent, %s", when).isZero();
        assertThat(sql.count("speaking_request", """
                select count(*) from hl_session h
                 where h.allocated > h.capacity
                    or h.allocated <> (select count(*) from speaking_slot s where s.session_id = h.id)"""))
                .as("overbooked sessions, %s", when).isZero();
        return new Delivered(mails, log, resentInCrashWindow);
    }

    static Map<UUID, List<String>> sortedKinds(Map<UUID, List<String>> byInvitation) {
        Map<UUID, List<String>> sorted = new TreeMap<>();
        byInvitation.forEach((id, kinds) -> sorted.put(id, kinds.stream().sorted().toList()));
        return sorted;
    }

    static void checkNoDuplicateRowsAndNoOverbooking() {
        assertThat(sql.count("invitation", "select count(*) from invitation")).isEqualTo(MEMBER_STATES);
        assertThat(sql.count("invitation", "select count(distinct invitee_id) from invitation"))
                .isEqualTo(MEMBER_STATES);
        assertThat(sql.count("invitation", "select count(*) from invitee")).isEqualTo(MEMBER_STATES);
        long replies = invitees.stream().filter(i -> i.fate != Fate.SILENT).count();
        assertThat(sql.count("registration", "select count(*) from reply")).as("reply versions").isEqualTo(replies);
        assertThat(sql.count("registration", "select count(distinct invitation_id) from reply")).isEqualTo(replies);
        assertThat(sql.count("speaking_request", "select count(*) from speaking_request"))
                .isEqualTo(SPEAKING_REQUESTS);
        assertThat(sql.count("speaking_request", "select count(distinct invitation_id) from speaking_request"))
                .isEqualTo(SPEAKING_REQUESTS);
        assertThat(sql.count("speaking_request", """
                select count(*) from hl_session h
                 where h.allocated > h.capacity
                    or h.allocated <> (select count(*) from speaking_slot s where s.session_id = h.id)""")).isZero();
        assertThat(sql.count("speaking_request", """
                select count(*) from speaking_slot s join speaking_request r on r.id = s.request_id
                 where r.status <> 'ALLOCATED'""")).isZero();
        assertThat(sql.count("notification", "select count(*) - count(distinct message_id) from notification"
                + " where message_id is not null")).isZero();
        for (String service : SystemStack.SERVICES) {
            assertThat(stack.recordsIn("wsis.dlq." + service)).as("dead letters of %s", service).isZero();
        }
    }

    /** Invitation status, the latest reply, speaking eligibility and the notification directory say the same. */
    static void checkTheServicesAgree() {
        Map<UUID, String> invitationStatus = column("invitation", "select id, status from invitation");
        Map<UUID, String> latestReply = column("registration", """
                select distinct on (invitation_id) invitation_id, status from reply
                 order by invitation_id, version desc""");
        Map<UUID, String> speakingView = column("speaking_request",
                "select id, reply_status from invitation where issued");
        Map<UUID, String> directory = column("notification", "select invitation_id, reply_status from contact");
        Set<UUID> requesting = sql.rows("speaking_request", "select invitation_id from speaking_request").stream()
                .map(r -> (UUID) r.get("invitation_id")).collect(Collectors.toSet());
        for (Invitee invitee : invitees) {
            UUID id = invitee.invitationId;
            String expected = switch (invitee.fate) {
                case ACCEPT_IN_PERSON, ACCEPT_REMOTE, CORRESPONDENCE_ACCEPT, LATE -> "ACCEPTED";
                case DECLINE, CORRESPONDENCE_DECLINE -> "DECLINED";
                case SILENT -> null;
            };
            assertThat(invitationStatus.get(id)).as("invitation-service status of %s", invitee.memberState)
                    .isEqualTo(expected == null ? "ISSUED" : expected);
            assertThat(latestReply.get(id)).as("registration reply of %s", invitee.memberState).isEqualTo(expected);
            assertThat(speakingView.get(id)).as("speaking-request view of %s", invitee.memberState)
                    .isEqualTo(expected);
            assertThat(directory.get(id)).as("notification directory of %s", invitee.memberState)
                    .isEqualTo(expected);
            if (requesting.contains(id)) {
                assertThat(expected).as("a speaking request needs an acceptance").isEqualTo("ACCEPTED");
            }
        }
        // And through the API: registration's statistics.
        Response stats = api.secretariat(REGISTRATION).get("/staff/forums/" + forumId + "/statistics");
        stats.then().statusCode(200);
        assertThat((Integer) stats.path("total.invited")).isEqualTo(MEMBER_STATES);
        assertThat((Integer) stats.path("total.accepted"))
                .isEqualTo((int) invitees.stream().filter(Invitee::accepted).count());
        assertThat((Integer) stats.path("total.declined")).isEqualTo(DECLINE + CORRESPONDENCE_DECLINE);
        assertThat((Integer) stats.path("total.noReply"))
                .isEqualTo((int) invitees.stream().filter(i -> i.fate == Fate.SILENT).count());
        assertThat((Integer) stats.path("total.late"))
                .isEqualTo((int) invitees.stream().filter(i -> i.fate == Fate.LATE).count());
    }

    static Map<UUID, String> column(String db, String query) {
        Map<UUID, String> values = new HashMap<>();
        for (Map<String, Object> row : sql.rows(db, query)) {
            var it = row.values().iterator();
            values.put((UUID) it.next(), (String) it.next());
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------------ summary

    static void writeSummary(List<Mailbox.Mail> mails, Map<String, Map<String, Object>> log, int resent)
            throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# System test summary: ForumScenarioIT (").append(SETTINGS.soak() ? "soak" : "CI form")
                .append(")\n\n");
        md.append("Scenario duration: ").append(seconds(Duration.between(scenarioStart, Instant.now())))
                .append(" (stack start included)\n\n");
        md.append("## Emails (distinct Message-IDs) by kind and language\n\n| kind | total |");
        LANGUAGES.forEach(l -> md.append(' ').append(l).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(LANGUAGES.size())).append('\n');
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Mailbox.Mail mail : mails) {
            Map<String, Object> row = log.get(mail.messageId());
            counts.computeIfAbsent((String) row.get("kind"), k -> new TreeMap<>())
                    .merge(mail.language(), 1, Integer::sum);
        }
        counts.forEach((kind, byLanguage) -> {
            md.append("| ").append(kind).append(" | ")
                    .append(byLanguage.values().stream().mapToInt(Integer::intValue).sum()).append(" |");
            LANGUAGES.forEach(l -> md.append(' ').append(byLanguage.getOrDefault(l, 0)).append(" |"));
            md.append('\n');
        });
        md.append("| **all** | ").append(mails.size()).append(" |").append(" |".repeat(LANGUAGES.size()))
                .append("\n\nExpected ").append(expectedTotal()).append(", lost 0, unexpected 0, duplicates 0")
                .append(" (same Message-ID re-sent in the documented crash window: ").append(resent).append(")\n\n");
        md.append("## Faults\n\n| fault | outage | restart | backlog drained after recovery | note |\n"
                + "|---|---|---|---|---|\n");
        for (FaultReport f : faults) {
            md.append("| ").append(f.fault()).append(" | ").append(seconds(f.outage())).append(" | ")
                    .append(seconds(f.restart())).append(" | ").append(seconds(f.drain())).append(" | ")
                    .append(f.note()).append(" |\n");
        }
        Map<String, List<Long>> latencies = new TreeMap<>();
        for (Mailbox.Mail mail : mails) {
            Map<String, Object> row = log.get(mail.messageId());
            String kind = (String) row.get("kind");
            UUID invitationId = (UUID) row.get("invitation_id");
            Instant requested = replyRequestedAt.get(invitationId);
            if (requested != null && (kind.equals("REPLY_ACCEPTED") || kind.equals("REPLY_DECLINED"))) {
                long millis = Duration.between(requested, mail.firstSeen()).toMillis();
                latencies.computeIfAbsent("all replies", k -> new ArrayList<>()).add(millis);
                latencies.computeIfAbsent(latencyGroup.get(invitationId), k -> new ArrayList<>()).add(millis);
            }
        }
        md.append("\n## Reply request to receipt email arrival\n\n"
                + "| replies | n | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
        latencies.forEach((group, values) -> {
            Collections.sort(values);
            md.append("| ").append(group).append(" | ").append(values.size()).append(" | ")
                    .append(percentile(values, 50)).append(" ms | ").append(percentile(values, 95)).append(" ms | ")
                    .append(percentile(values, 99)).append(" ms | ").append(values.get(values.size() - 1))
                    .append(" ms |\n");
        });
        String summary = md.toString();
        System.out.println(summary);
        Path file = Path.of(System.getProperty("wsis.root", "..")).resolve("system-tests/target/system-test-summary.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, summary);
    }

    static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static String acceptBody(Invitee invitee, String mode) {
        return "{\"mode\":\"" + mode + "\",\"delegation\":" + delegation(invitee) + "}";
    }

    /** One to three delegates, the Minister heading the delegation. */
    static String delegation(Invitee invitee) {
        String code = invitee.memberState.toLowerCase();
        List<String> members = new ArrayList<>();
        members.add("{\"name\":\"Minister " + invitee.memberState + "\",\"title\":\"Minister\",\"email\":\""
                + invitee.email + "\",\"headOfDelegation\":true}");
        for (int i = 1; i <= invitee.index % 3; i++) {
            members.add("{\"name\":\"Adviser " + i + "\",\"title\":\"Adviser\",\"email\":\"adviser" + i + "."
                    + code + "@example.org\",\"headOfDelegation\":false}");
        }
        return "[" + String.join(",", members) + "]";
    }

    static int awaitAtLeast(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> mailbox.distinctCount() >= count);
        return mailbox.distinctCount();
    }

    /** Time from recovery to the last message of the backlog; zero if it had all arrived before recovery. */
    static Duration drain(Instant recovered, Instant lastArrival) {
        Duration d = Duration.between(recovered, lastArrival);
        return d.isNegative() ? Duration.ZERO : d;
    }

    static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
