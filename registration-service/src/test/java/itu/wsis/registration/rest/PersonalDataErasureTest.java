package itu.wsis.registration.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.PersonalDataErased;
import itu.wsis.events.PersonalDataErasureRequested;
import itu.wsis.events.Topic;
import itu.wsis.registration.Invitations;
import itu.wsis.registration.RegistrationServiceTest;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * registration-service's part of an erasure (PersonalDataErasureRequested): delegations, needs, reasons and notes of
 * every reply version go, published events naming delegates leave the outbox, one report with counts goes out; the
 * invitation accepts no reply any more, even one issued after the erasure; a redelivered request changes nothing.
 */
@QuarkusTest
@RegistrationServiceTest
class PersonalDataErasureTest {

    static final String DB = RegistrationServiceTest.DATABASE;

    @Inject
    Clock clock;

    static RequestSpecification as(String link) {
        return given().header(PersonalLinks.HEADER, link).contentType(ContentType.JSON);
    }

    static long count(String sql, Object... params) {
        return TestPostgres.queryLong(DB, sql, params);
    }

    static List<PersonalDataErased> reports(UUID erasureId) {
        return TestKafka.events(Topic.REGISTRATION.topicName(), PersonalDataErased.class).stream()
                .filter(e -> e.erasureId().equals(erasureId)).toList();
    }

    @Test
    void everyReplyVersionLosesItsPersonalDataAndTheInvitationTakesNoMore() {
        Invitations.Issued replied = Invitations.issue(clock);
        as(replied.link()).body("""
                        {"mode":"IN_PERSON","delegation":[
                          {"name":"Jane Erasable","title":"Minister","email":"jane.erasable@example.org","headOfDelegation":true},
                          {"name":"John Erasable","title":"Adviser","email":"john.erasable@example.org",
                           "accessibilityNeed":"wheelchair access","headOfDelegation":false}]}""")
                .post("/invitations/{id}/accept", replied.id()).then().statusCode(201);
        as(replied.link()).body("{\"reason\":\"Jane Erasable is unwell\"}")
                .post("/invitations/{id}/decline", replied.id()).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from outbox_event where message_key = ? and published_at is not null",
                replied.id().toString()) == 2);
        // Issued only after the erasure: the erasure travels on another partition and may come first.
        InvitationIssued later = Invitations.event(UUID.randomUUID(), "CH", itu.wsis.events.Language.FR,
                Invitations.deadlineIn(clock, 20));

        UUID erasureId = UUID.randomUUID();
        PersonalDataErasureRequested request = new PersonalDataErasureRequested(UUID.randomUUID(), Instant.now(),
                erasureId, UUID.randomUUID(), List.of(replied.id(), later.invitationId()));
        TestKafka.publish(request);

        PersonalDataErased report = await().atMost(Duration.ofSeconds(30))
                .until(() -> reports(erasureId), l -> !l.isEmpty()).get(0);
        assertThat(report.service()).isEqualTo("registration-service");
        assertThat(report.erased()).containsEntry("replyVersions", 2).containsEntry("delegates", 2)
                .containsEntry("accessibilityNeeds", 1).containsEntry("declineReasons", 1)
                .containsEntry("notes", 0).containsEntry("outboxEvents", 2);
        assertThat(TestKafka.records(Topic.REGISTRATION.topicName()).stream()
                .filter(r -> r.key().equals(erasureId.toString())).map(r -> r.value()))
                .allSatisfy(json -> assertThat(json).doesNotContain("Erasable").doesNotContain("wheelchair"));

        assertThat(count("""
                select count(*) from reply where invitation_id = ?
                   and delegation = '[]'::jsonb and decline_reason is null and note is null""", replied.id()))
                .isEqualTo(2);
        assertThat(count("select count(*) from reply where invitation_id = ? and status = 'DECLINED'", replied.id()))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where message_key = ?", replied.id().toString())).isZero();
        assertThat(count("select count(*) from personal_data_erasure where erasure_id = ?", erasureId)).isEqualTo(2);

        // No new personal data through either door; the history keeps its shape, without the people.
        as(replied.link()).get("/invitations/{id}", replied.id()).then().statusCode(410)
                .body("type", equalTo("urn:wsis:problem:personal-data-erased"));
        as(replied.link()).body(Invitations.acceptBody("IN_PERSON", "Someone New"))
                .post("/invitations/{id}/accept", replied.id()).then().statusCode(410);
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("""
                        {"status":"ACCEPTED","mode":"REMOTE","delegation":[{"name":"Someone New","title":"Minister",
                         "email":"new@example.org","headOfDelegation":true}],"channel":"LETTER",
                         "documentReference":"L/1","documentDate":"%s"}"""
                        .formatted(LocalDate.ofInstant(clock.instant(), Invitations.GENEVA)))
                .post("/staff/invitations/{id}/replies/correspondence", replied.id())
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:personal-data-erased"));
        given().auth().oauth2(TestTokens.ops()).get("/staff/invitations/{id}/replies", replied.id())
                .then().statusCode(200).body("delegation.flatten()", empty()).body("declineReason[1]", equalTo(null));
        assertThat(count("select count(*) from reply where invitation_id = ?", replied.id())).isEqualTo(2);

        // The invitation issued after the erasure arrives erased.
        TestKafka.publish(later);
        Invitations.awaitView(later.invitationId(), "erased_at is not null");
        as(Invitations.link(clock, later.invitationId(), 1)).body(Invitations.acceptBody("IN_PERSON", "Jane Erasable"))
                .post("/invitations/{id}/accept", later.invitationId()).then().statusCode(410);
        assertThat(count("select count(*) from reply where invitation_id = ?", later.invitationId())).isZero();

        // Delivered again: the inbox has it; no second report, nothing changes.
        TestKafka.publish(request);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(reports(erasureId)).hasSize(1);
    }

    @Test
    void anErasureOfAPersonWithoutInvitationsReportsNothingErased() {
        UUID erasureId = UUID.randomUUID();
        TestKafka.publish(new PersonalDataErasureRequested(UUID.randomUUID(), Instant.now(), erasureId,
                UUID.randomUUID(), List.of()));
        PersonalDataErased report = await().atMost(Duration.ofSeconds(30))
                .until(() -> reports(erasureId), l -> !l.isEmpty()).get(0);
        assertThat(report.erased().values()).allMatch(n -> n == 0);
    }
}
