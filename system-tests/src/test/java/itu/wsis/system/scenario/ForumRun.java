package itu.wsis.system.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import itu.wsis.system.SystemStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static itu.wsis.system.scenario.Api.INVITATION;
import static itu.wsis.system.scenario.Api.NOTIFICATION;
import static itu.wsis.system.scenario.Api.REGISTRATION;
import static itu.wsis.system.scenario.Api.SPEAKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One run of the WSIS Forum 2022 against a {@link SystemStack}: what the scenario did (the invitees and their fates,
 * the emails each invitation should have received, the faults) and the checks every scenario repeats after each fault
 * (docs/system-tests.md): every email once by Message-ID per recipient, every intent sent, no duplicate row, no dead
 * letter, the services agreeing with each other. The scenario ITs drive it step by step.
 */
public final class ForumRun implements AutoCloseable {

    public static final int MEMBER_STATES = 193;
    public static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    public static final List<String> LANGUAGES = List.of("ar", "en", "es", "fr", "ru", "zh");
    /** Mixed ranks, so that precedence has something to order; ministers are the most common, as in reality. */
    public static final List<String> RANK_CYCLE = List.of("HEAD_OF_STATE", "MINISTER", "DEPUTY_MINISTER",
            "AMBASSADOR", "MINISTER", "HEAD_OF_GOVERNMENT", "MINISTER", "HEAD_OF_DELEGATION", "DEPUTY_MINISTER",
            "OTHER");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Where a reply stands at the end, as the scenario made it. */
    public enum Fate {
        ACCEPT_IN_PERSON, ACCEPT_REMOTE, DECLINE, CORRESPONDENCE_ACCEPT, CORRESPONDENCE_DECLINE, SILENT, LATE;

        /** The status every service should report for this fate, null for no reply. */
        public String replyStatus() {
            return switch (this) {
                case ACCEPT_IN_PERSON, ACCEPT_REMOTE, CORRESPONDENCE_ACCEPT, LATE -> "ACCEPTED";
                case DECLINE, CORRESPONDENCE_DECLINE -> "DECLINED";
                case SILENT -> null;
            };
        }
    }

    public static final class Invitee {
        public final int index;
        public final String memberState;
        public final String email;
        public final List<String> cc;
        public final String language;
        public final String rank;
        public final String zone;
        public UUID invitationId;
        public String token;
        public Fate fate = Fate.SILENT;
        /** Reply versions recorded so far (a change of reply is a new version). */
        public int replyVersions;

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

        public boolean accepted() {
            return "ACCEPTED".equals(fate.replyStatus());
        }

        @Override
        public String toString() {
            return memberState;
        }
    }

    public record FaultReport(String fault, Duration outage, Duration restart, Duration drain, String note) {
    }

    public final SystemStack stack;
    public final Mailbox mailbox;
    public final Api api;
    public final Sql sql;
    public final Instant started = Instant.now();

    public UUID forumId;
    public UUID letterId;
    public final List<UUID> sessionIds = new ArrayList<>();
    public final List<Invitee> invitees = new ArrayList<>();
    public final Map<UUID, Invitee> byInvitation = new HashMap<>();
    /** The emails each invitation should have received, by kind, in the order they were caused. */
    public final Map<UUID, List<String>> expectedEmails = new ConcurrentHashMap<>();
    public final Map<UUID, Instant> replyRequestedAt = new ConcurrentHashMap<>();
    /** Which circumstances each reply met, for the latency figures. */
    public final Map<UUID, String> latencyGroup = new ConcurrentHashMap<>();
    public final List<FaultReport> faults = Collections.synchronizedList(new ArrayList<>());
    /** When an instance of notification-service was SIGKILLed: the one moment a message may be sent twice. */
    public final List<Instant> notificationKills = Collections.synchronizedList(new ArrayList<>());
    /** Intents an SMTP server refused for good (5xx), which must stay FAILED. Any other intent must be SENT. */
    public final Set<UUID> permanentFailures = ConcurrentHashMap.newKeySet();
    /** The ops resend that replaced each of them, by the original's id, once ops resent it. */
    public final Map<UUID, UUID> resends = new ConcurrentHashMap<>();
    /** Speaking requests the scenario made, for the duplicate-row check. */
    public int speakingRequests;

    public ForumRun(SystemStack stack) {
        this.stack = stack;
        this.mailbox = new Mailbox(stack);
        this.api = new Api(stack);
        this.sql = new Sql(stack);
    }

    @Override
    public void close() {
        mailbox.close();
    }

    /** Records a fault for the summary, and prints it at once, so that a later failure does not hide it. */
    public void report(FaultReport fault) {
        faults.add(fault);
        System.out.println("Fault: " + fault.fault() + ": outage " + seconds(fault.outage()) + ", restart "
                + seconds(fault.restart()) + ", drained " + seconds(fault.drain()) + " after recovery; "
                + fault.note());
    }

    public void expect(UUID invitationId, String kind) {
        expectedEmails.computeIfAbsent(invitationId, id -> Collections.synchronizedList(new ArrayList<>())).add(kind);
    }

    public int expectedTotal() {
        return expectedEmails.values().stream().mapToInt(List::size).sum();
    }

    // ------------------------------------------------------------------------------------------- the forum

    /** WSIS Forum 2022 and letter CL-22/010 in six languages, published, from the demo data's texts. */
    public void createForumAndLetter() throws IOException {
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
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        letter.remove("subjects");
        letter.set("texts", texts);
        letterId = UUID.fromString(api.secretariat(INVITATION).body(letter.toString())
                .post("/forums/" + forumId + "/letters").then().statusCode(201).extract().path("id"));
        api.secretariat(INVITATION).post("/letters/" + letterId + "/publish").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
    }

    /**
     * High-level policy sessions of {@code capacity} slots, one a day from 31 May, once speaking-request-service
     * knows the forum from {@code ForumEditionPublished}.
     */
    public void createSessions(int sessions, int capacity) {
        for (int day = 0; day < sessions; day++) {
            String body = """
                    {"titles":{"ar":"جلسة السياسات %1$d","en":"High-level policy session %1$d",
                      "es":"Sesión de alto nivel %1$d","fr":"Session de haut niveau %1$d",
                      "ru":"Сессия высокого уровня %1$d","zh":"高级别政策会议 %1$d"},
                     "start":"2022-0%2$s","end":"2022-0%3$s","capacity":%4$d,"statementMinutes":3,
                     "modalities":["IN_PERSON","REMOTE_LIVE","VIDEO"]}"""
                    .formatted(day + 1, List.of("5-31T09:30", "6-01T09:30", "6-02T09:30").get(day),
                            List.of("5-31T11:30", "6-01T11:30", "6-02T11:30").get(day), capacity);
            String id = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Response r = api.secretariat(SPEAKING).body(body).post("/forums/" + forumId + "/sessions");
                return r.statusCode() == 201 ? r.path("id") : null;
            }, Objects::nonNull);
            sessionIds.add(UUID.fromString(id));
        }
    }

    /**
     * The ministers of the 193 Member States ({@code GET /member-states}), with the six languages and mixed ranks
     * spread across them (every 7th with a Cc). Not imported yet.
     */
    public List<Invitee> memberStateMinisters() {
        List<Map<String, Object>> states = api.secretariat(INVITATION).get("/member-states")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(states).hasSize(MEMBER_STATES);
        for (int i = 0; i < states.size(); i++) {
            String code = (String) states.get(i).get("code");
            String rank = RANK_CYCLE.get(i % RANK_CYCLE.size());
            String language = LANGUAGES.get(i % LANGUAGES.size());
            List<String> cc = i % 7 == 0 ? List.of("mission." + code.toLowerCase(Locale.ROOT) + "@example.org")
                    : List.of();
            invitees.add(new Invitee(i, code, "minister." + code.toLowerCase(Locale.ROOT) + "@example.org", cc,
                    language, rank, (String) states.get(i).get("timeZone")));
        }
        return invitees;
    }

    /** Imports these invitees into invitation-service's registry. */
    public void importInvitees(List<Invitee> which) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Invitee invitee : which) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("memberState", invitee.memberState);
            row.put("fullName", "Minister " + invitee.memberState);
            row.put("formOfAddress", invitee.rank.endsWith("MINISTER")
                    ? (invitee.index % 2 == 0 ? "MADAM_MINISTER" : "MISTER_MINISTER") : "EXCELLENCY");
            row.put("rank", invitee.rank);
            row.put("title", "Minister of Information and Communication Technologies");
            row.put("ministry", "Ministry of Information and Communication Technologies");
            row.put("email", invitee.email);
            row.put("cc", invitee.cc);
            row.put("preferredLanguage", invitee.language);
            row.put("timeZone", invitee.zone);
            rows.add(row);
        }
        api.secretariat(INVITATION).body(JSON.writeValueAsString(rows)).post("/invitees/import")
                .then().statusCode(200).body("written", org.hamcrest.Matchers.equalTo(which.size()));
    }

    /** Issues the letter in bulk to every imported invitee who does not have it yet; returns how many it issued. */
    public int issueToAllImported(String idempotencyKey) {
        return api.secretariat(INVITATION).header("Idempotency-Key", idempotencyKey)
                .post("/letters/" + letterId + "/invitations/bulk")
                .then().statusCode(200).extract().path("issued");
    }

    /**
     * Reads the invitations from the mailbox once all {@code count} have arrived: each goes to a minister who had
     * none before, in the minister's language, with the right Cc and a personal link naming the invitation, whose
     * token the later steps use.
     */
    public void readInvitations() {
        List<Mailbox.Mail> mails = mailbox.all();
        assertThat(mails).hasSize(invitees.size());
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
        assertThat(byInvitation).hasSize(invitees.size());
        assertThat(sql.rows("invitation", "select id from invitation").stream()
                .map(r -> (UUID) r.get("id")).collect(Collectors.toSet())).isEqualTo(byInvitation.keySet());
    }

    // --------------------------------------------------------------------------------------------- replies

    public Response accept(Invitee invitee, String mode) {
        return api.accept(invitee.invitationId, invitee.token, acceptBody(invitee, mode));
    }

    /** One to all of {@code sessions} sessions (by index), in a random order of preference. */
    public static List<Integer> randomPreferences(java.util.Random random, int sessions) {
        List<Integer> preferences = new ArrayList<>(java.util.stream.IntStream.range(0, sessions).boxed().toList());
        Collections.shuffle(preferences, random);
        return preferences.subList(0, 1 + random.nextInt(sessions));
    }

    /**
     * A speaking request as a delegation fills it in: its minister speaks, in the delegation's language, in person if
     * it accepted in person, else live from afar, for the sessions named by index in order of preference.
     */
    public String speakingRequestBody(Invitee invitee, List<Integer> preferences) {
        try {
            return """
                    {"speaker":{"name":"Minister %s","title":"Minister","substitute":false},
                     "preferredSessionIds":%s,"statementLanguage":"%s","modality":"%s",
                     "topic":"ICTs for well-being, inclusion and resilience"}""".formatted(invitee.memberState,
                    JSON.writeValueAsString(preferences.stream().map(sessionIds::get).toList()), invitee.language,
                    invitee.fate == Fate.ACCEPT_IN_PERSON ? "IN_PERSON" : "REMOTE_LIVE");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String acceptBody(Invitee invitee, String mode) {
        return "{\"mode\":\"" + mode + "\",\"delegation\":" + delegation(invitee) + "}";
    }

    /** One to three delegates, the Minister heading the delegation. */
    public static String delegation(Invitee invitee) {
        String code = invitee.memberState.toLowerCase(Locale.ROOT);
        List<String> members = new ArrayList<>();
        members.add("{\"name\":\"Minister " + invitee.memberState + "\",\"title\":\"Minister\",\"email\":\""
                + invitee.email + "\",\"headOfDelegation\":true}");
        for (int i = 1; i <= invitee.index % 3; i++) {
            members.add("{\"name\":\"Adviser " + i + "\",\"title\":\"Adviser\",\"email\":\"adviser" + i + "."
                    + code + "@example.org\",\"headOfDelegation\":false}");
        }
        return "[" + String.join(",", members) + "]";
    }

    // ---------------------------------------------------------------------------------------------- checks

    public record Delivered(List<Mailbox.Mail> mails, Map<String, Map<String, Object>> log, int resentInCrashWindow) {
    }

    /**
     * Every email expected so far arrived, once, to its minister, in the minister's language, and nothing else did;
     * every intent is SENT but those an SMTP server refused for good; no session is overbooked. Run after each
     * fault's recovery and at the end.
     */
    public Delivered checkEveryEmailOnce(String when, Duration quiet) throws InterruptedException {
        // A sender killed after SMTP accepted a message and before SENT was committed leaves the intent claimed until
        // its lease runs out; only then is it sent again (same Message-ID) and recorded. Until then the message is in
        // the mailbox without its delivery-log row: wait for that documented window to close, not a fixed time.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Set<String> logged = deliveryLog().keySet();
            return mailbox.all().stream().allMatch(mail -> logged.contains(mail.messageId()));
        });
        // Whatever is still on its way (a second copy, a notice nobody expects) arrives before the check, not after.
        mailbox.awaitQuiet(quiet, Duration.ofMinutes(1));
        List<Mailbox.Mail> mails = mailbox.all();
        Map<String, Map<String, Object>> log = deliveryLog();
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
        assertThat(sortedKinds(received)).as("emails per invitation, by kind, %s", when)
                .isEqualTo(sortedKinds(expectedEmails));
        assertThat(mails).hasSize(expectedTotal());
        checkEveryIntentSent(when);
        assertThat(sql.count("speaking_request", """
                select count(*) from hl_session h
                 where h.allocated > h.capacity
                    or h.allocated <> (select count(*) from speaking_slot s where s.session_id = h.id)"""))
                .as("overbooked sessions, %s", when).isZero();
        return new Delivered(mails, log, resentInCrashWindow);
    }

    /** The delivery log's rows that record a message, by Message-ID. */
    private Map<String, Map<String, Object>> deliveryLog() {
        Map<String, Map<String, Object>> log = new HashMap<>();
        for (Map<String, Object> row : sql.rows("notification",
                "select message_id, invitation_id, kind, status, language from notification")) {
            if (row.get("message_id") != null) {
                log.put(Mailbox.strip((String) row.get("message_id")), row);
            }
        }
        return log;
    }

    /**
     * Every intent SENT, except those an SMTP server refused for good: each of them FAILED with the server's
     * permanent reply, and, once ops resent it, its resend SENT (one resend each).
     */
    public void checkEveryIntentSent(String when) {
        List<Map<String, Object>> notSent = sql.rows("notification",
                "select id, status, last_error from notification where status <> 'SENT'");
        assertThat(notSent.stream().map(r -> (UUID) r.get("id")).collect(Collectors.toSet()))
                .as("intents not sent, %s: %s", when, notSent).isEqualTo(permanentFailures);
        for (Map<String, Object> row : notSent) {
            assertThat(row.get("status")).as("intent %s refused for good", row.get("id")).isEqualTo("FAILED");
            assertThat((String) row.get("last_error")).as("reason of %s", row.get("id")).startsWith("smtp 5");
        }
        for (UUID failed : permanentFailures) {
            List<Map<String, Object>> rows = sql.rows("notification",
                    "select id, status from notification where resend_of = ?", failed);
            UUID resend = resends.get(failed);
            if (resend == null) {
                assertThat(rows).as("resends of %s before ops resent it", failed).isEmpty();
            } else {
                assertThat(rows).as("resends of %s", failed).hasSize(1);
                assertThat(rows.get(0).get("id")).isEqualTo(resend);
                assertThat(rows.get(0).get("status")).isEqualTo("SENT");
            }
        }
    }

    static Map<UUID, List<String>> sortedKinds(Map<UUID, List<String>> byInvitation) {
        Map<UUID, List<String>> sorted = new TreeMap<>();
        byInvitation.forEach((id, kinds) -> {
            synchronized (kinds) {
                sorted.put(id, kinds.stream().sorted().toList());
            }
        });
        return sorted;
    }

    /**
     * No row twice (SQL): one invitee and invitation per minister, one reply version per recorded reply, one speaking
     * request per requesting invitation, no seat of a request that is not allocated, no session whose count disagrees
     * with its seats or exceeds its capacity, no Message-ID twice; and no dead letter in any {@code wsis.dlq.*}.
     */
    public void checkNoDuplicateRowsAndNoOverbooking() {
        assertThat(sql.count("invitation", "select count(*) from invitation")).isEqualTo(invitees.size());
        assertThat(sql.count("invitation", "select count(distinct invitee_id) from invitation"))
                .isEqualTo(invitees.size());
        assertThat(sql.count("invitation", "select count(*) from invitee")).isEqualTo(invitees.size());
        long versions = invitees.stream().mapToLong(i -> i.replyVersions).sum();
        long replying = invitees.stream().filter(i -> i.replyVersions > 0).count();
        assertThat(sql.count("registration", "select count(*) from reply")).as("reply versions").isEqualTo(versions);
        assertThat(sql.count("registration", "select count(distinct invitation_id) from reply"))
                .isEqualTo(replying);
        assertThat(sql.count("speaking_request", "select count(*) from speaking_request"))
                .isEqualTo(speakingRequests);
        assertThat(sql.count("speaking_request", "select count(distinct invitation_id) from speaking_request"))
                .isEqualTo(speakingRequests);
        assertThat(sql.count("speaking_request", """
                select count(*) from hl_session h
                 where h.allocated > h.capacity
                    or h.allocated <> (select count(*) from speaking_slot s where s.session_id = h.id)""")).isZero();
        assertThat(sql.count("speaking_request", """
                select count(*) from speaking_slot s join speaking_request r on r.id = s.request_id
                 where r.status <> 'ALLOCATED'""")).isZero();
        assertThat(sql.count("notification", "select count(*) - count(distinct message_id) from notification"
                + " where message_id is not null")).isZero();
        checkNoDeadLetters("");
    }

    /** Nothing in any service's dead-letter topic, and nothing in its dead-letter list for ops either. */
    public void checkNoDeadLetters(String when) {
        for (String service : SystemStack.SERVICES) {
            assertThat(stack.recordsIn("wsis.dlq." + service)).as("dead letters of %s %s", service, when).isZero();
            for (var instance : stack.instances(service)) {
                if (instance.isAlive()) {
                    Response list = api.ops(instance).get("/ops/dead-letters");
                    list.then().statusCode(200);
                    assertThat((Integer) list.path("total")).as("dead letters listed by %s %s", instance.id(), when)
                            .isZero();
                }
            }
        }
    }

    /**
     * No log of the run holds an e-mail address, a token or a minister's name (docs/operations.md, "Logs"): every
     * {@code *.log} of the stack's processes, killed and restarted instances included, is read to the end.
     */
    public void checkLogsHoldNoPersonalData() {
        List<String> personal = personalValues();
        Path logs = stack.all().get(0).log().getParent();
        List<LogScan.Finding> findings = LogScan.scanDirectory(logs, personal);
        assertThat(findings.stream().limit(20).map(LogScan.Finding::toString).toList())
                .as("%d places in the logs under %s with personal data or a token (20 at most shown)", findings.size(),
                        logs)
                .isEmpty();
        // The scan read something: an empty directory would pass it without checking anything.
        assertThat(stack.instances(NOTIFICATION).get(0).log()).isNotEmptyFile();
    }

    /**
     * What the scenario knows to be personal beyond the shapes {@link LogScan} looks for: every minister's full name
     * and personal-link token.
     */
    public List<String> personalValues() {
        List<String> personal = new ArrayList<>();
        for (Invitee invitee : invitees) {
            personal.add("Minister " + invitee.memberState);
            personal.add(invitee.token);
        }
        return personal;
    }

    /** Invitation status, the latest reply, speaking eligibility and the notification directory say the same. */
    public void checkTheServicesAgree() {
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
            String expected = invitee.fate.replyStatus();
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
        // And through the API: registration's statistics, the same from every instance.
        for (var instance : stack.instances(REGISTRATION)) {
            if (!instance.isAlive()) {
                continue;
            }
            Response stats = api.secretariat(instance).get("/staff/forums/" + forumId + "/statistics");
            stats.then().statusCode(200);
            String from = " (statistics from " + instance.id() + ")";
            assertThat((Integer) stats.path("total.invited")).as("invited" + from).isEqualTo(invitees.size());
            assertThat((Integer) stats.path("total.accepted")).as("accepted" + from)
                    .isEqualTo((int) invitees.stream().filter(Invitee::accepted).count());
            assertThat((Integer) stats.path("total.declined")).as("declined" + from)
                    .isEqualTo((int) invitees.stream().filter(i -> "DECLINED".equals(i.fate.replyStatus())).count());
            assertThat((Integer) stats.path("total.noReply")).as("no reply" + from)
                    .isEqualTo((int) invitees.stream().filter(i -> i.fate == Fate.SILENT).count());
            assertThat((Integer) stats.path("total.late")).as("late" + from)
                    .isEqualTo((int) invitees.stream().filter(i -> i.fate == Fate.LATE).count());
        }
    }

    Map<UUID, String> column(String db, String query) {
        Map<UUID, String> values = new HashMap<>();
        for (Map<String, Object> row : sql.rows(db, query)) {
            var it = row.values().iterator();
            values.put((UUID) it.next(), (String) it.next());
        }
        return values;
    }

    // --------------------------------------------------------------------------------------------- timing

    public int awaitAtLeast(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> mailbox.distinctCount() >= count);
        return mailbox.distinctCount();
    }

    /** Time from recovery to the last message of the backlog; zero if it had all arrived before recovery. */
    public static Duration drain(Instant recovered, Instant lastArrival) {
        Duration d = Duration.between(recovered, lastArrival);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Keeps a fault in place until {@code instant}: an outage lasts the time the scenario's settings give it, whatever
     * the system does meanwhile. The one wait in the scenarios that is a duration rather than a condition.
     */
    public static void holdFaultUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    // -------------------------------------------------------------------------------------------- summary

    /**
     * Writes this scenario's section of the summary ({@code system-tests/target/summary/<scenario>.md}) and puts
     * {@code system-tests/target/system-test-summary.md} together again from every scenario's latest section. Returns
     * the section, which the IT also prints.
     */
    public String writeSummary(String scenario, String form, Delivered delivered, String extra) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(scenario).append(" (").append(form).append(")\n\n");
        md.append("Scenario duration: ").append(seconds(Duration.between(started, Instant.now())))
                .append(" (stack start included)\n\n");
        md.append("## Emails (distinct Message-IDs) by kind and language\n\n| kind | total |");
        LANGUAGES.forEach(l -> md.append(' ').append(l).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(LANGUAGES.size())).append('\n');
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Mailbox.Mail mail : delivered.mails()) {
            Map<String, Object> row = delivered.log().get(mail.messageId());
            counts.computeIfAbsent((String) row.get("kind"), k -> new TreeMap<>())
                    .merge(mail.language(), 1, Integer::sum);
        }
        counts.forEach((kind, byLanguage) -> {
            md.append("| ").append(kind).append(" | ")
                    .append(byLanguage.values().stream().mapToInt(Integer::intValue).sum()).append(" |");
            LANGUAGES.forEach(l -> md.append(' ').append(byLanguage.getOrDefault(l, 0)).append(" |"));
            md.append('\n');
        });
        md.append("| **all** | ").append(delivered.mails().size()).append(" |")
                .append(" |".repeat(LANGUAGES.size()))
                .append("\n\nExpected ").append(expectedTotal()).append(", lost 0, unexpected 0, duplicates 0")
                .append(" (same Message-ID re-sent in the documented crash window: ")
                .append(delivered.resentInCrashWindow()).append("; refused for good by SMTP, then resent by ops: ")
                .append(permanentFailures.size()).append(")\n\n");
        md.append("## Faults\n\n| fault | outage | restart | backlog drained after recovery | note |\n"
                + "|---|---|---|---|---|\n");
        synchronized (faults) {
            for (FaultReport f : faults) {
                md.append("| ").append(f.fault()).append(" | ").append(seconds(f.outage())).append(" | ")
                        .append(seconds(f.restart())).append(" | ").append(seconds(f.drain())).append(" | ")
                        .append(f.note()).append(" |\n");
            }
        }
        Map<String, List<Long>> latencies = new TreeMap<>();
        for (Mailbox.Mail mail : delivered.mails()) {
            Map<String, Object> row = delivered.log().get(mail.messageId());
            String kind = (String) row.get("kind");
            UUID invitationId = (UUID) row.get("invitation_id");
            Instant requested = replyRequestedAt.get(invitationId);
            if (requested != null && latencyGroup.containsKey(invitationId)
                    && Set.of("REPLY_ACCEPTED", "REPLY_DECLINED", "REPLY_CHANGED").contains(kind)
                    && !mail.firstSeen().isBefore(requested)) {
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
        if (extra != null && !extra.isBlank()) {
            md.append('\n').append(extra.strip()).append('\n');
        }
        String section = md.toString();
        Path target = Path.of(System.getProperty("wsis.root", "..")).resolve("system-tests/target");
        Path sections = target.resolve("summary");
        Files.createDirectories(sections);
        Files.writeString(sections.resolve(scenario + ".md"), section);
        StringBuilder all = new StringBuilder("# System test summary\n\n");
        try (Stream<Path> files = Files.list(sections)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                all.append(Files.readString(file).replaceAll("(?m)^#", "##")).append('\n');
            }
        }
        Files.writeString(target.resolve("system-test-summary.md"), all.toString());
        return section;
    }

    static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The set of a collection's invitation ids, for messages. */
    public static Set<String> states(List<Invitee> which) {
        return which.stream().map(i -> i.memberState).collect(Collectors.toCollection(HashSet::new));
    }
}
