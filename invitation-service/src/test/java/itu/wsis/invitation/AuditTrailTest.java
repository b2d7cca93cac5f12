package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import itu.wsis.events.Actor;
import itu.wsis.events.AllocationFrozen;
import itu.wsis.events.Delegate;
import itu.wsis.events.EventCodec;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.ListOfSpeakersPublished;
import itu.wsis.events.NotificationResent;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.Topic;
import itu.wsis.invitation.domain.AuditPolicy;
import itu.wsis.invitation.messaging.AuditTrailConsumer;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.invitation.Fixtures.asOps;
import static itu.wsis.invitation.Fixtures.asSecretariat;
import static itu.wsis.invitation.Fixtures.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The audit trail end to end: staff actions through the API, replies and speaking events as registration- and
 * speaking-request-service publish them, the two views with their filters and CSV, and the rebuild from the topics.
 */
@QuarkusTest
@InvitationServiceTest
class AuditTrailTest {

    static final String DB = InvitationServiceTest.DATABASE;
    static final String STAFF = "test.secretariat@itu.example.org";
    static final String OPS = "test.ops@itu.example.org";
    static final String DLQ = Topic.deadLetterTopicOf("invitation-service");
    /** After every business time the test clock can show: these replies are the newest entries. */
    static final Instant LATER = Instant.parse("2031-01-01T09:00:00Z");

    @Inject
    AuditTrailConsumer consumer;

    record Scenario(UUID forumId, UUID letterId, UUID invitationId) {
    }

    /** Staff issue, extend and reissue; the invitee accepts; staff record a note verbale; an old event has no actor. */
    static Scenario scenario() {
        UUID forumId = Fixtures.createForum();
        UUID letterId = Fixtures.createLetter(forumId);
        asSecretariat().post("/letters/{id}/publish", letterId).then().statusCode(200);
        UUID invitationId = Fixtures.issue(letterId, Fixtures.createInvitee("CH"));
        asSecretariat().body(Map.of("responseDeadline", today().plusDays(60).toString()))
                .post("/invitations/{id}/deadline-extension", invitationId).then().statusCode(200);
        asSecretariat().post("/invitations/{id}/link-reissue", invitationId).then().statusCode(200);
        TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), LATER, invitationId, 1, ParticipationMode.IN_PERSON,
                List.of(new Delegate("Jane Delegate-Secret", "Ambassador", true)), ReplyChannel.WEB, false, null,
                Actor.invitee()));
        TestKafka.publish(new ReplyChanged(UUID.randomUUID(), LATER.plusSeconds(60), invitationId, 2,
                ReplyStatus.ACCEPTED, ReplyStatus.ACCEPTED, ParticipationMode.REMOTE, List.of(), ReplyChannel.NOTE_VERBALE,
                false, false, "=HYPERLINK(\"http://x\")", Actor.staff(STAFF)));
        // Written before events named their actor: the legacy constructor, as an old producer's JSON reads.
        TestKafka.publish(new InvitationDeclined(UUID.randomUUID(), LATER.plusSeconds(120), invitationId, 3, null,
                ReplyChannel.EMAIL, true));
        TestKafka.publish(new ListOfSpeakersPublished(UUID.randomUUID(), LATER.plusSeconds(180), forumId,
                UUID.randomUUID(), 1, 12, null, Actor.staff(STAFF)));
        await().atMost(Duration.ofSeconds(30)).until(() -> asOps().get("/invitations/{id}/audit", invitationId)
                .then().statusCode(200).extract().<Integer>path("total"), total -> total == 6);
        return new Scenario(forumId, letterId, invitationId);
    }

    @Test
    void everyActionIsRecordedWithItsActorNewestFirstAndWithoutPersonalData() {
        Scenario s = scenario();
        Response page = asSecretariat().get("/invitations/{id}/audit", s.invitationId());
        page.then().statusCode(200).body("total", equalTo(6));
        List<String> actions = page.path("items.action");
        assertThat(actions.subList(0, 3)).containsExactly("REPLY_DECLINED", "REPLY_CHANGED", "REPLY_ACCEPTED");
        assertThat(actions.subList(3, 6)).containsExactlyInAnyOrder("LINK_REISSUED", "DEADLINE_EXTENDED",
                "INVITATION_ISSUED");
        List<String> times = page.path("items.occurredAt");
        List<Instant> instants = times.stream().map(Instant::parse).toList();
        assertThat(instants).isSortedAccordingTo(Collections.reverseOrder());

        assertThat(page.<String>path("items.find { it.action == 'INVITATION_ISSUED' }.actorKind")).isEqualTo("STAFF");
        assertThat(page.<String>path("items.find { it.action == 'INVITATION_ISSUED' }.actorSubject")).isEqualTo(STAFF);
        assertThat(page.<String>path("items.find { it.action == 'INVITATION_ISSUED' }.letterId"))
                .isEqualTo(s.letterId().toString());
        assertThat(page.<String>path("items.find { it.action == 'DEADLINE_EXTENDED' }.actorSubject")).isEqualTo(STAFF);
        assertThat(page.<String>path("items.find { it.action == 'LINK_REISSUED' }.actorKind")).isEqualTo("STAFF");
        assertThat(page.<String>path("items.find { it.action == 'REPLY_ACCEPTED' }.actorKind")).isEqualTo("INVITEE");
        assertThat(page.<String>path("items.find { it.action == 'REPLY_ACCEPTED' }.actorSubject")).isNull();
        assertThat(page.<String>path("items.find { it.action == 'REPLY_ACCEPTED' }.channel")).isEqualTo("WEB");
        assertThat(page.<String>path("items.find { it.action == 'REPLY_CHANGED' }.channel")).isEqualTo("NOTE_VERBALE");
        assertThat(page.<String>path("items.find { it.action == 'REPLY_CHANGED' }.documentReference"))
                .isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(page.<String>path("items.find { it.action == 'REPLY_DECLINED' }.actorKind")).isEqualTo("UNKNOWN");
        // Every entry of the invitation carries its forum, filled in from the invitation row.
        assertThat(page.<List<String>>path("items.forumId")).containsOnly(s.forumId().toString());
        assertThat(page.asString()).doesNotContain("Jane Delegate-Secret").doesNotContain("@example.org");
        assertThat(TestPostgres.queryLong(DB, "select count(*) from audit_entry where summary like '%Jane%'"))
                .isZero();

        // The forum's view: its publications and the list of speakers too.
        await().atMost(Duration.ofSeconds(30)).until(() -> asOps().get("/forums/{id}/audit", s.forumId())
                .then().statusCode(200).extract().<Integer>path("total"), total -> total == 9);
        Response forum = asOps().get("/forums/{id}/audit?size=200", s.forumId());
        forum.then().statusCode(200).body("total", equalTo(9));
        assertThat(forum.<List<String>>path("items.action")).contains("LETTER_PUBLISHED", "FORUM_PUBLISHED",
                "LIST_OF_SPEAKERS_PUBLISHED", "INVITATION_ISSUED");
        assertThat(forum.<String>path("items[0].action")).isEqualTo("LIST_OF_SPEAKERS_PUBLISHED");
    }

    /**
     * The secretariat freezes the forum's allocation (speaking-request-service) and ops resend the invitation email
     * (notification-service, on its own topic). The freeze comes here without a type header, as an old relay would
     * send it, so it takes the inbox path of both consumers of its topic: the erasure reports' consumer claims it and
     * does nothing, the trail records it; neither dead-letters it.
     */
    @Test
    void aFreezeAndAResendAreInTheTrailWithTheStaffMemberWhoDidThem() {
        Scenario s = scenario();
        AllocationFrozen frozen = new AllocationFrozen(UUID.randomUUID(), LATER.plusSeconds(240), s.forumId(),
                Actor.staff(STAFF));
        TestKafka.publish(Topic.SPEAKING_REQUEST.topicName(), s.forumId().toString(), EventCodec.encode(frozen),
                Map.of());
        UUID original = UUID.randomUUID();
        UUID again = UUID.randomUUID();
        NotificationResent resent = new NotificationResent(UUID.randomUUID(), LATER.plusSeconds(300),
                s.invitationId(), again, original, "INVITATION", Actor.staff(OPS));
        TestKafka.publish(resent);

        await().atMost(Duration.ofSeconds(30)).until(() -> asOps().get("/invitations/{id}/audit", s.invitationId())
                .then().statusCode(200).extract().<Integer>path("total"), total -> total == 7);
        Response invitation = asSecretariat().get("/invitations/{id}/audit", s.invitationId());
        assertThat(invitation.<String>path("items[0].action")).isEqualTo("NOTIFICATION_RESENT");
        assertThat(invitation.<String>path("items[0].actorKind")).isEqualTo("STAFF");
        assertThat(invitation.<String>path("items[0].actorSubject")).isEqualTo(OPS);
        assertThat(invitation.<String>path("items[0].eventType")).isEqualTo("NotificationResent.v1");
        assertThat(invitation.<String>path("items[0].forumId")).isEqualTo(s.forumId().toString());
        assertThat(invitation.<String>path("items[0].summary")).contains(again.toString(), original.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> asOps()
                .get("/forums/{id}/audit?action=ALLOCATION_FROZEN,NOTIFICATION_RESENT", s.forumId())
                .then().statusCode(200).extract().<Integer>path("total"), total -> total == 2);
        Response forum = asOps().get("/forums/{id}/audit?action=ALLOCATION_FROZEN&action=NOTIFICATION_RESENT",
                s.forumId());
        forum.then().statusCode(200).body("items.action",
                org.hamcrest.Matchers.contains("NOTIFICATION_RESENT", "ALLOCATION_FROZEN"));
        assertThat(forum.<String>path("items[1].actorSubject")).isEqualTo(STAFF);
        assertThat(forum.<String>path("items[1].invitationId")).isNull();
        assertThat(Instant.parse(forum.<String>path("items[1].occurredAt"))).isEqualTo(LATER.plusSeconds(240));
        asOps().get("/forums/{id}/audit?action=ALLOCATION_UNFROZEN", s.forumId()).then().statusCode(200)
                .body("total", equalTo(0));
        String csv = asOps().get("/forums/{id}/audit?format=csv&action=ALLOCATION_FROZEN", s.forumId()).then()
                .statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(LATER.plusSeconds(240) + ",ALLOCATION_FROZEN,STAFF," + STAFF + ",");

        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from inbox_processed_event where event_id = ?", frozen.eventId()) == 1);
        assertThat(TestKafka.records(DLQ)).noneMatch(r -> r.value() != null
                && (r.value().contains(frozen.eventId().toString()) || r.value().contains(resent.eventId().toString())));
    }

    @Test
    void filtersPageAndExportAsCsvWithFormulasNeutralised() {
        Scenario s = scenario();
        asSecretariat().get("/invitations/{id}/audit?actorKind=STAFF", s.invitationId()).then().statusCode(200)
                .body("total", equalTo(4));
        asSecretariat().get("/invitations/{id}/audit?actorKind=INVITEE,UNKNOWN", s.invitationId()).then()
                .statusCode(200).body("total", equalTo(2));
        asSecretariat().get("/invitations/{id}/audit?action=REPLY_ACCEPTED&action=REPLY_DECLINED", s.invitationId())
                .then().statusCode(200).body("total", equalTo(2));
        asSecretariat().get("/invitations/{id}/audit?from={from}&to={to}", s.invitationId(), LATER.toString(),
                LATER.plusSeconds(120).toString()).then().statusCode(200).body("total", equalTo(2),
                "items.action", org.hamcrest.Matchers.contains("REPLY_CHANGED", "REPLY_ACCEPTED"));
        asSecretariat().get("/invitations/{id}/audit?size=2&page=1", s.invitationId()).then().statusCode(200)
                .body("total", equalTo(6), "items.action", org.hamcrest.Matchers.hasItem("REPLY_ACCEPTED"),
                        "items.size()", equalTo(2));

        Response csv = asSecretariat().get("/invitations/{id}/audit?format=csv&actorKind=STAFF", s.invitationId());
        csv.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"audit-invitation-" + s.invitationId() + ".csv\"");
        String text = csv.asString();
        assertThat(text).startsWith("\uFEFFoccurredAt,action,actorKind,actorSubject,channel,documentReference,");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith(LATER.plusSeconds(60) + ",REPLY_CHANGED,STAFF," + STAFF + ",NOTE_VERBALE,")
                .contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
        assertThat(given().header("Authorization", "Bearer " + TestTokens.ops()).accept("text/csv")
                .get("/invitations/{id}/audit", s.invitationId()).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString().lines().count()).isEqualTo(7);
    }

    @Test
    void onlyStaffSeeTheTrailAndBadFiltersAreProblems() {
        Scenario s = scenario();
        given().get("/invitations/{id}/audit", s.invitationId()).then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.withoutRole())
                .get("/invitations/{id}/audit", s.invitationId()).then().statusCode(403);
        given().header("Authorization", "Bearer " + TestTokens.withoutRole())
                .get("/forums/{id}/audit", s.forumId()).then().statusCode(403);
        asSecretariat().get("/invitations/{id}/audit?action=EVERYTHING&from=yesterday&size=0&format=xml",
                s.invitationId()).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("action", "from", "size", "format"));
        asSecretariat().get("/invitations/{id}/audit?from={a}&to={a}", s.invitationId(), LATER.toString(),
                LATER.toString()).then().statusCode(400).body("errors[0].field", equalTo("to"));
        asSecretariat().get("/invitations/{id}/audit", UUID.randomUUID()).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        asSecretariat().get("/forums/{id}/audit", UUID.randomUUID()).then().statusCode(404);
    }

    /**
     * The trail is a projection of the topics: read them from the beginning, as a fresh consumer, into an emptied
     * table through the same consumer, and the same rows come back.
     */
    @Test
    void replayingTheTopicsIntoAnEmptyStoreRebuildsTheSameTrail() throws Exception {
        Scenario s = scenario();
        AllocationFrozen frozen = new AllocationFrozen(UUID.randomUUID(), LATER.plusSeconds(240), s.forumId(),
                Actor.staff(STAFF));
        NotificationResent resent = new NotificationResent(UUID.randomUUID(), LATER.plusSeconds(300),
                s.invitationId(), UUID.randomUUID(), UUID.randomUUID(), "INVITATION", Actor.staff(OPS));
        TestKafka.publish(frozen);
        TestKafka.publish(resent);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (Topic topic : List.of(Topic.INVITATION, Topic.REGISTRATION, Topic.SPEAKING_REQUEST, Topic.NOTIFICATION)) {
            records.addAll(TestKafka.records(topic.topicName()));
        }
        Set<UUID> expected = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                AuditPolicy.entryFor(EventCodec.decode(record.value())).ifPresent(e -> expected.add(e.eventId()));
            } catch (RuntimeException unreadable) {
                // poison records of other tests: the live consumer dead-letters them, the replay skips them
            }
        }
        assertThat(expected).contains(frozen.eventId(), resent.eventId());
        // The live trail has caught up with every action on the topics.
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from audit_entry"), count -> count == expected.size());
        List<List<String>> live = rows();

        TestPostgres.execute(DB, "truncate audit_entry");
        assertThat(TestPostgres.queryLong(DB, "select count(*) from audit_entry")).isZero();
        for (ConsumerRecord<String, String> record : records) {
            consumer.consume(Message.of(record.value())).await().atMost(Duration.ofSeconds(10));
        }

        assertThat(rows()).isEqualTo(live);
    }

    /** Every column but the time of writing, in a stable order. */
    private static List<List<String>> rows() throws Exception {
        TestPostgres.Server server = TestPostgres.server();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(DB), server.user(), server.password());
             ResultSet rs = c.createStatement().executeQuery("""
                     select event_id, event_type, occurred_at, forum_id, letter_id, invitation_id, session_id,
                            speaking_request_id, action, actor_kind, actor_subject, channel, document_reference, summary
                       from audit_entry order by event_id""")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
