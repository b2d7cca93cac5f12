package itu.wsis.registration.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.InvitationEvent;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.Topic;
import itu.wsis.registration.Invitations;
import itu.wsis.registration.RegistrationServiceTest;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.registration.Invitations.acceptBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@RegistrationServiceTest
class InviteeReplyTest {

    static final String REGISTRATION_EVENTS = Topic.REGISTRATION.topicName();

    @Inject
    Clock clock;

    static RequestSpecification as(String link) {
        return given().header(PersonalLinks.HEADER, link).contentType(ContentType.JSON);
    }

    static <T extends InvitationEvent> List<T> published(Class<T> type, UUID invitationId, int atLeast) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events(REGISTRATION_EVENTS, type).stream()
                .filter(e -> e.invitationId().equals(invitationId)).toList(), found -> found.size() >= atLeast);
    }

    @Test
    void theInviteeSeesTheirInvitationBuiltFromTheIssuedEvent() {
        Invitations.Issued invitation = Invitations.issue(clock);

        as(invitation.link()).when().get("/invitations/{id}", invitation.id())
                .then().statusCode(200)
                .body("invitationId", equalTo(invitation.id().toString()))
                .body("forumCode", equalTo("WSIS-2022"))
                .body("letterReference", equalTo("CL-22/010"))
                .body("deadline.date", equalTo(invitation.event().responseDeadline().date().toString()))
                .body("deadline.timeZone", equalTo("Europe/Zurich"))
                .body("deadlinePassed", equalTo(false))
                .body("reply", nullValue());
        // Only what this service needs: the invitee's name and address were not kept.
        assertThat(TestPostgres.queryLong(RegistrationServiceTest.DATABASE,
                "select count(*) from information_schema.columns where table_name = 'invitation_view'"
                        + " and (column_name like '%name%' or column_name like '%email%')")).isZero();
    }

    @Test
    void acceptingWritesTheReplyAndPublishesInvitationAcceptedWithTheMode() {
        Invitations.Issued invitation = Invitations.issue(clock);

        as(invitation.link()).body("""
                        {"mode":"IN_PERSON","delegation":[
                          {"name":"Aline Dupont","title":"Ministre","email":"aline@example.org","headOfDelegation":true,
                           "accessibilityNeed":"wheelchair access"},
                          {"name":"Marc Roy","title":"Conseiller","email":"marc@example.org","headOfDelegation":false}]}""")
                .when().post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(201)
                .header("Location", containsString("/invitations/" + invitation.id() + "/replies/1"))
                .body("version", equalTo(1))
                .body("status", equalTo("ACCEPTED"))
                .body("mode", equalTo("IN_PERSON"))
                .body("channel", equalTo("WEB"))
                .body("late", equalTo(false))
                .body("delegation.name", contains("Aline Dupont", "Marc Roy"));

        InvitationAccepted event = published(InvitationAccepted.class, invitation.id(), 1).get(0);
        assertThat(event.replyVersion()).isEqualTo(1);
        assertThat(event.mode()).isEqualTo(ParticipationMode.IN_PERSON);
        assertThat(event.channel()).isEqualTo(ReplyChannel.WEB);
        assertThat(event.late()).isFalse();
        assertThat(event.delegation()).extracting("name").containsExactly("Aline Dupont", "Marc Roy");
        // Emails and accessibility needs stay in this service.
        assertThat(TestKafka.records(REGISTRATION_EVENTS)).noneMatch(r -> r.value().contains("aline@example.org")
                || r.value().contains("wheelchair"));

        as(invitation.link()).when().get("/invitations/{id}", invitation.id())
                .then().statusCode(200)
                .body("reply.status", equalTo("ACCEPTED"))
                .body("reply.delegation[0].accessibilityNeed", equalTo("wheelchair access"));
    }

    @Test
    void theSameReplyTwiceIsOneVersion() {
        Invitations.Issued invitation = Invitations.issue(clock);
        String body = acceptBody("REMOTE", "Head");

        as(invitation.link()).body(body).when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201);
        as(invitation.link()).body(body).when().post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(200)
                .header("Content-Location", containsString("/replies/1"))
                .body("version", equalTo(1));

        as(invitation.link()).when().get("/invitations/{id}/replies", invitation.id())
                .then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aReplyChangedThreeTimesHasThreeVersionsAndTheRightEvents() {
        Invitations.Issued invitation = Invitations.issue(clock);

        as(invitation.link()).body(acceptBody("IN_PERSON", "Head", "Member"))
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201);
        as(invitation.link()).body(acceptBody("REMOTE", "Head"))
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201)
                .body("version", equalTo(2));
        as(invitation.link()).body("{\"reason\":\"Cabinet meeting\"}")
                .when().post("/invitations/{id}/decline", invitation.id()).then().statusCode(201)
                .body("version", equalTo(3))
                .body("declineReason", equalTo("Cabinet meeting"));

        as(invitation.link()).when().get("/invitations/{id}/replies", invitation.id())
                .then().statusCode(200)
                .body("$", hasSize(3))
                .body("version", contains(1, 2, 3))
                .body("status", contains("ACCEPTED", "ACCEPTED", "DECLINED"))
                .body("mode", contains("IN_PERSON", "REMOTE", null))
                .body("channel", contains("WEB", "WEB", "WEB"))
                .body("recordedBySecretariat", contains(false, false, false));
        as(invitation.link()).when().get("/invitations/{id}/replies/{v}", invitation.id(), 2)
                .then().statusCode(200).body("mode", equalTo("REMOTE"));
        as(invitation.link()).when().get("/invitations/{id}/replies/{v}", invitation.id(), 4)
                .then().statusCode(404).body("type", equalTo("urn:wsis:problem:reply-version-not-found"));

        assertThat(published(InvitationAccepted.class, invitation.id(), 1)).hasSize(1);
        List<ReplyChanged> changes = published(ReplyChanged.class, invitation.id(), 2);
        assertThat(changes).extracting(ReplyChanged::replyVersion).containsExactly(2, 3);
        assertThat(changes.get(0).previousStatus()).isEqualTo(ReplyStatus.ACCEPTED);
        assertThat(changes.get(0).status()).isEqualTo(ReplyStatus.ACCEPTED);
        assertThat(changes.get(0).mode()).isEqualTo(ParticipationMode.REMOTE);
        assertThat(changes.get(1).status()).isEqualTo(ReplyStatus.DECLINED);
        assertThat(changes).noneMatch(ReplyChanged::correction);
        assertThat(TestKafka.events(REGISTRATION_EVENTS, InvitationDeclined.class))
                .noneMatch(e -> e.invitationId().equals(invitation.id()));
    }

    /** Concurrent replies on one invitation: each version is written once, and each written one has its event. */
    @Test
    void concurrentRepliesNeverShareAVersion() throws Exception {
        Invitations.Issued invitation = Invitations.issue(clock);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = acceptBody(i % 2 == 0 ? "IN_PERSON" : "REMOTE", "Head " + i);
            answers.add(pool.submit(() -> as(invitation.link()).body(body)
                    .post("/invitations/{id}/accept", invitation.id()).statusCode()));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        long written = statuses.stream().filter(s -> s == 201).count();
        assertThat(written).isPositive();
        as(invitation.link()).when().get("/invitations/{id}/replies", invitation.id())
                .then().statusCode(200).body("size()", equalTo((int) written));
        int changes = (int) written - 1;
        assertThat(published(InvitationAccepted.class, invitation.id(), 1)).hasSize(1);
        if (changes > 0) {
            assertThat(published(ReplyChanged.class, invitation.id(), changes)).hasSize(changes);
        }
    }

    @Test
    void decliningWithoutABodyAndThenWithdrawingIsRefused() {
        Invitations.Issued invitation = Invitations.issue(clock);

        as(invitation.link()).when().post("/invitations/{id}/decline", invitation.id())
                .then().statusCode(201).body("status", equalTo("DECLINED")).body("declineReason", nullValue());
        InvitationDeclined declined = published(InvitationDeclined.class, invitation.id(), 1).get(0);
        assertThat(declined.replyVersion()).isEqualTo(1);

        as(invitation.link()).when().post("/invitations/{id}/withdraw", invitation.id())
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:reply-not-accepted"));
    }

    @Test
    void anAcceptanceCanBeWithdrawn() {
        Invitations.Issued invitation = Invitations.issue(clock);
        as(invitation.link()).body(acceptBody("IN_PERSON", "Head"))
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201);

        as(invitation.link()).when().post("/invitations/{id}/withdraw", invitation.id())
                .then().statusCode(201)
                .body("version", equalTo(2))
                .body("status", equalTo("WITHDRAWN"))
                .body("delegation", hasSize(0));

        ReplyWithdrawn withdrawn = published(ReplyWithdrawn.class, invitation.id(), 1).get(0);
        assertThat(withdrawn.replyVersion()).isEqualTo(2);
        assertThat(withdrawn.channel()).isEqualTo(ReplyChannel.WEB);
        assertThat(withdrawn.late()).isFalse();
    }

    @Test
    void withdrawingWithoutAnyReplyIsRefused() {
        Invitations.Issued invitation = Invitations.issue(clock);
        as(invitation.link()).when().post("/invitations/{id}/withdraw", invitation.id())
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:reply-not-accepted"));
    }

    @Test
    void invalidAcceptancesAreRefusedWithTheirField() {
        Invitations.Issued invitation = Invitations.issue(clock);
        String path = "/invitations/{id}/accept";

        as(invitation.link()).body("{\"delegation\":[]}").when().post(path, invitation.id())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("mode", "delegation"));
        as(invitation.link()).body("{\"mode\":\"IN_PERSON\",\"status\":\"ACCEPTED\",\"delegation\":[]}")
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        as(invitation.link()).body("{\"mode\":\"BY_PIGEON\",\"delegation\":[]}").when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("mode"));
        as(invitation.link()).body("""
                        {"mode":"REMOTE","delegation":[{"name":"A","title":"T","email":"not-an-email","headOfDelegation":true}]}""")
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("delegation[0].email"));
        as(invitation.link()).body("""
                        {"mode":"REMOTE","delegation":[{"name":"A","title":"T","email":"a@example.org","headOfDelegation":false}]}""")
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("delegation"))
                .body("detail", containsString("head of delegation"));
        as(invitation.link()).body("""
                        {"mode":"REMOTE","delegation":[
                          {"name":"A","title":"T","email":"a@example.org","headOfDelegation":true},
                          {"name":"B","title":"T","email":"A@example.org","headOfDelegation":false}]}""")
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("delegation[1].email"));
        // The default maximum (6) from config applies to a forum without its own settings.
        as(invitation.link()).body(acceptBody("REMOTE", "A", "B", "C", "D", "E", "F", "G"))
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("delegation"))
                .body("detail", containsString("at most 6"));

        as(invitation.link()).when().get("/invitations/{id}/replies", invitation.id())
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aMissingOrForgedLinkIs401AndAnExpiredOne410() {
        Invitations.Issued invitation = Invitations.issue(clock);

        given().when().get("/invitations/{id}", invitation.id())
                .then().statusCode(401).body("type", equalTo("urn:wsis:problem:personal-link-required"));
        as(invitation.link() + "x").when().get("/invitations/{id}", invitation.id())
                .then().statusCode(401).body("type", equalTo("urn:wsis:problem:personal-link-invalid"));
        String expired = Invitations.link(invitation.id(), 1, clock.instant().minusSeconds(1));
        as(expired).when().get("/invitations/{id}", invitation.id())
                .then().statusCode(410).body("type", equalTo("urn:wsis:problem:personal-link-expired"));
        // The token travels in a header only; a query parameter is not a credential.
        given().queryParam("link", invitation.link()).when().get("/invitations/{id}", invitation.id())
                .then().statusCode(401);
    }

    @Test
    void aReissuedLinkSupersedesTheOldOne() {
        Invitations.Issued invitation = Invitations.issue(clock);
        TestKafka.publish(new PersonalLinkReissued(UUID.randomUUID(), Instant.now(), invitation.id(), 2,
                clock.instant().plus(Duration.ofDays(90))));
        String newLink = Invitations.link(clock, invitation.id(), 2);
        Invitations.awaitView(invitation.id(), "link_version = 2");
        as(newLink).when().get("/invitations/{id}", invitation.id()).then().statusCode(200);

        as(invitation.link()).body(acceptBody("REMOTE", "Head"))
                .when().post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(410).body("type", equalTo("urn:wsis:problem:personal-link-reissued"))
                .body("detail", containsString("new personal link"));
        // Signed for a version this service has not heard of yet: not active, rather than wrong.
        as(Invitations.link(clock, invitation.id(), 3)).when().get("/invitations/{id}", invitation.id())
                .then().statusCode(401).body("type", equalTo("urn:wsis:problem:personal-link-not-yet-active"));
    }

    @Test
    void aRevokedInvitationAnswers410() {
        Invitations.Issued invitation = Invitations.issue(clock);
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), Instant.now(), invitation.id(), "sent in error"));
        Invitations.awaitView(invitation.id(), "revoked_at is not null");

        as(invitation.link()).when().get("/invitations/{id}", invitation.id())
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:invitation-revoked"))
                .body("detail", containsString("withdrawn by the secretariat"));
        as(invitation.link()).body(acceptBody("REMOTE", "Head"))
                .when().post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(410).body("type", equalTo("urn:wsis:problem:invitation-revoked"));
    }

    /**
     * A genuine link names an invitation that was issued; if this service has not seen it, its events are on their
     * way. Issue #14: the same answer in all three services (it was 404 here and 401 at speaking-request).
     */
    @Test
    void aValidLinkForAnInvitationThisServiceHasNotSeenIsNotActiveYet() {
        UUID unknown = UUID.randomUUID();
        as(Invitations.link(clock, unknown, 1)).when().get("/invitations/{id}", unknown)
                .then().statusCode(401).body("type", equalTo("urn:wsis:problem:personal-link-not-yet-active"));
    }

    /** BOLA: every invitee endpoint, called with my genuine link on someone else's invitation. */
    @Test
    void myLinkOnAnotherInvitationIs404OnEveryEndpointAndRevealsNothing() {
        Invitations.Issued mine = Invitations.issue(clock);
        Invitations.Issued theirs = Invitations.issue(clock);
        as(theirs.link()).body(acceptBody("IN_PERSON", "Their Head"))
                .when().post("/invitations/{id}/accept", theirs.id()).then().statusCode(201);
        UUID nobody = UUID.randomUUID();

        record Call(String method, String path, String body) {
        }
        List<Call> endpoints = List.of(
                new Call("GET", "/invitations/{id}", null),
                new Call("GET", "/invitations/{id}/replies", null),
                new Call("GET", "/invitations/{id}/replies/1", null),
                new Call("POST", "/invitations/{id}/accept", acceptBody("REMOTE", "Intruder")),
                new Call("POST", "/invitations/{id}/decline", "{\"reason\":\"intrusion\"}"),
                new Call("POST", "/invitations/{id}/withdraw", null));
        for (Call call : endpoints) {
            for (UUID target : List.of(theirs.id(), nobody)) {
                RequestSpecification request = as(mine.link());
                if (call.body() != null) {
                    request.body(call.body());
                }
                String answer = request.when().request(call.method(), call.path(), target)
                        .then().statusCode(404)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:wsis:problem:invitation-not-found"))
                        .extract().asString();
                assertThat(answer).as(call.method() + " " + call.path())
                        .doesNotContain("Their Head").doesNotContain(mine.id().toString());
            }
        }
        // Nothing happened to theirs.
        as(theirs.link()).when().get("/invitations/{id}/replies", theirs.id())
                .then().statusCode(200).body("$", hasSize(1)).body("[0].status", equalTo("ACCEPTED"));
        as(theirs.link()).when().get("/invitations/{id}", theirs.id())
                .then().body("reply.delegation[0].name", not(equalTo("Intruder")));
    }
}
