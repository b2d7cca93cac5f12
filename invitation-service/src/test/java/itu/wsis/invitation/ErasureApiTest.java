package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import itu.wsis.events.NotificationSent;
import itu.wsis.events.PersonalDataErased;
import itu.wsis.events.PersonalDataErasureRequested;
import itu.wsis.events.Topic;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.invitation.Fixtures.asOps;
import static itu.wsis.invitation.Fixtures.asSecretariat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Erasure of one person's data, as invitation-service runs it: its own data at once, the request on the topic, the
 * other services' reports collected into the request's progress; redelivery and repeated requests change nothing;
 * nothing new can be sent to the erased person.
 */
@QuarkusTest
@InvitationServiceTest
class ErasureApiTest {

    static final String DB = InvitationServiceTest.DATABASE;

    static long count(String sql, Object... params) {
        return TestPostgres.queryLong(DB, sql, params);
    }

    static List<PersonalDataErasureRequested> requested(UUID erasureId) {
        return TestKafka.events(Topic.INVITATION.topicName(), PersonalDataErasureRequested.class).stream()
                .filter(e -> e.erasureId().equals(erasureId)).toList();
    }

    record Person(UUID inviteeId, String email, UUID accepted, UUID revoked) {
    }

    /** An invitee with a cc address, invited by two letters, one invitation revoked with a reason; all published. */
    static Person invitedTwice() {
        String email = Fixtures.unique("erase").toLowerCase() + "@example.org";
        UUID inviteeId = UUID.fromString(asSecretariat().body(Fixtures.invitee("CH", email)).post("/invitees")
                .then().statusCode(201).extract().path("id"));
        UUID first = Fixtures.issue(Fixtures.publishedLetter(), inviteeId);
        UUID second = Fixtures.issue(Fixtures.publishedLetter(), inviteeId);
        asSecretariat().body(Map.of("reason", "Replaced by the Deputy Minister, Mr X")).post("/invitations/{id}/revoke", second)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from outbox_event where message_key in (?, ?) and published_at is null",
                first.toString(), second.toString()) == 0);
        return new Person(inviteeId, email, first, second);
    }

    @Test
    void theSecretariatErasesAPersonHereAtOnceAndEverywhereThroughAnEvent() {
        Person person = invitedTwice();
        assertThat(count("select count(*) from outbox_event where message_key = ? and event_type = 'InvitationIssued.v1'",
                person.accepted().toString())).isEqualTo(1);

        Response response = asSecretariat().post("/invitees/{id}/erasure", person.inviteeId());
        response.then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/erasure-requests/"))
                .body("inviteeId", equalTo(person.inviteeId().toString()))
                .body("status", equalTo("PENDING"))
                .body("invitationIds", org.hamcrest.Matchers.containsInAnyOrder(person.accepted().toString(),
                        person.revoked().toString()))
                .body("services.service", org.hamcrest.Matchers.contains("invitation-service", "registration-service",
                        "speaking-request-service", "notification-service"))
                .body("services[0].status", equalTo("DONE"))
                .body("services[0].erased.invitees", equalTo(1))
                .body("services[0].erased.emailAddresses", equalTo(2))
                .body("services[0].erased.revocationReasons", equalTo(1))
                .body("services[0].erased.outboxEvents", equalTo(3))
                .body("services[1].status", equalTo("PENDING"));
        UUID erasureId = UUID.fromString(response.path("id"));
        assertThat(response.header("Location")).endsWith("/erasure-requests/" + erasureId);

        // Erased here: the person's name, form of address, title, ministry and addresses; the revocation reason;
        // the published events that named them. Member state, rank, language and zone stay (the office invited).
        assertThat(count("""
                select count(*) from invitee where id = ? and full_name is null and form_of_address is null
                   and title is null and ministry is null and email is null and email_normalized is null
                   and cc_json = '[]' and erased_at is not null and member_state = 'CH' and rank = 'MINISTER'""",
                person.inviteeId())).isEqualTo(1);
        assertThat(count("select count(*) from invitation where id = ? and revocation_reason is null and status = 'REVOKED'",
                person.revoked())).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where message_key in (?, ?)",
                person.accepted().toString(), person.revoked().toString())).isZero();
        asOps().get("/invitees/{id}", person.inviteeId()).then().statusCode(200)
                .body("erasedAt", notNullValue()).body("fullName", nullValue()).body("email", nullValue())
                .body("cc", org.hamcrest.Matchers.empty()).body("memberState", equalTo("CH"));

        // The request on the topic: ids only.
        PersonalDataErasureRequested event = await().atMost(Duration.ofSeconds(30))
                .until(() -> requested(erasureId), l -> l.size() == 1).get(0);
        assertThat(event.inviteeId()).isEqualTo(person.inviteeId());
        assertThat(event.invitationIds()).containsExactlyInAnyOrder(person.accepted(), person.revoked());
        assertThat(TestKafka.records(Topic.INVITATION.topicName()).stream()
                .filter(r -> r.key().equals(erasureId.toString())).map(r -> r.value()))
                .allSatisfy(json -> assertThat(json).doesNotContain(person.email()).doesNotContain("Test Minister"));

        // Asking again answers the same request and publishes nothing new.
        asSecretariat().post("/invitees/{id}/erasure", person.inviteeId()).then().statusCode(202)
                .header("Location", endsWith("/erasure-requests/" + erasureId)).body("id", equalTo(erasureId.toString()));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(requested(erasureId)).hasSize(1);

        // The other services report; the request is done when all three have. Their other events are not ours:
        // one on the same partition as a report, before it, leaves no trace here.
        Instant now = Instant.now();
        NotificationSent unrelated = new NotificationSent(UUID.randomUUID(), now, person.accepted(), UUID.randomUUID(),
                "INVITATION", itu.wsis.events.Language.FR, "<x@example.org>");
        TestKafka.publish(Topic.NOTIFICATION.topicName(), erasureId.toString(), itu.wsis.events.EventCodec.encode(unrelated),
                Map.of("ce_type", "itu.wsis." + NotificationSent.TYPE, "ce_id", unrelated.eventId().toString()));
        PersonalDataErased registration = new PersonalDataErased(UUID.randomUUID(), now, erasureId,
                "registration-service", Map.of("replyVersions", 2, "delegates", 3));
        TestKafka.publish(registration);
        TestKafka.publish(new PersonalDataErased(UUID.randomUUID(), now, erasureId, "speaking-request-service",
                Map.of("speakingRequests", 1, "speakerNames", 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from erasure_report where erasure_id = ?", erasureId) == 3);
        asOps().get("/erasure-requests/{id}", erasureId).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("completedAt", nullValue())
                .body("services[1].status", equalTo("DONE"))
                .body("services[1].erased.delegates", equalTo(3))
                .body("services[2].erased.speakerNames", equalTo(1))
                .body("services[3].status", equalTo("PENDING"));

        // A redelivered report, and a second report from the same service, change nothing.
        TestKafka.publish(registration);
        TestKafka.publish(new PersonalDataErased(UUID.randomUUID(), now, erasureId, "registration-service",
                Map.of("replyVersions", 0)));
        TestKafka.publish(new PersonalDataErased(UUID.randomUUID(), now, erasureId, "notification-service",
                Map.of("contacts", 2, "deliveryLogEntries", 5)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from erasure_report where erasure_id = ?", erasureId) == 4);
        assertThat(count("select count(*) from inbox_processed_event where event_id = ?", unrelated.eventId())).isZero();
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        asOps().get("/erasure-requests/{id}", erasureId).then().statusCode(200)
                .body("status", equalTo("DONE")).body("completedAt", notNullValue())
                .body("services[1].erased.delegates", equalTo(3))
                .body("services[1].erased.replyVersions", equalTo(2))
                .body("services[3].erased.contacts", equalTo(2));
        asOps().get("/erasure-requests").then().statusCode(200).body("items.id", hasItem(erasureId.toString()));
    }

    @Test
    void nothingNewIsSentToAnErasedPerson() {
        Person person = invitedTwice();
        asSecretariat().post("/invitees/{id}/erasure", person.inviteeId()).then().statusCode(202);

        UUID letter = Fixtures.publishedLetter();
        asSecretariat().body(Map.of("inviteeId", person.inviteeId())).post("/letters/{id}/invitations", letter)
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:personal-data-erased"));
        asSecretariat().post("/letters/{id}/invitations/bulk", letter).then().statusCode(200);
        assertThat(count("select count(*) from invitation where invitee_id = ? and letter_id = ?",
                person.inviteeId(), letter)).isZero();
        asSecretariat().post("/invitations/{id}/link-reissue", person.accepted()).then().statusCode(409)
                .body("type", equalTo("urn:wsis:problem:personal-data-erased"));
        given().header("WSIS-Personal-Link", InviteeLetterApiTest.link(person.accepted(), 1))
                .get("/invitations/{id}/letter", person.accepted()).then().statusCode(410)
                .body("type", equalTo("urn:wsis:problem:personal-data-erased"));
        // The same person imported again is a new entry: the erased one is not revived.
        asSecretariat().body(Fixtures.invitee("CH", person.email())).post("/invitees").then().statusCode(201);
        assertThat(count("select count(*) from invitee where id = ? and erased_at is not null", person.inviteeId()))
                .isEqualTo(1);
    }

    @Test
    void aPersonWithoutInvitationsIsErasedHereAndTheOthersReportNothingToErase() {
        UUID inviteeId = Fixtures.createInvitee("SN");
        Response response = asSecretariat().post("/invitees/{id}/erasure", inviteeId);
        response.then().statusCode(202).body("invitationIds", org.hamcrest.Matchers.empty())
                .body("services[0].erased.outboxEvents", equalTo(0));
        UUID erasureId = UUID.fromString(response.path("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> requested(erasureId).size() == 1);
    }

    @Test
    void onlyTheSecretariatMayErase() {
        UUID inviteeId = Fixtures.createInvitee("FR");
        asOps().post("/invitees/{id}/erasure", inviteeId).then().statusCode(403);
        given().post("/invitees/{id}/erasure", inviteeId).then().statusCode(401);
        given().auth().oauth2(TestTokens.secretariat()).post("/invitees/{id}/erasure", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.secretariat()).post("/invitees/not-an-id/erasure")
                .then().statusCode(400).body("errors[0].field", equalTo("inviteeId"));
        asOps().get("/erasure-requests/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:wsis:problem:erasure-request-not-found"));
        assertThat(count("select count(*) from invitee where id = ? and erased_at is null", inviteeId)).isEqualTo(1);
    }
}
