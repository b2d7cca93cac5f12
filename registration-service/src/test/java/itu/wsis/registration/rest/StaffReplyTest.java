package itu.wsis.registration.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import itu.wsis.events.Actor;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.Language;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.registration.Invitations;
import itu.wsis.registration.RegistrationServiceTest;
import itu.wsis.registration.domain.ResponseDeadline;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.registration.rest.InviteeReplyTest.as;
import static itu.wsis.registration.rest.InviteeReplyTest.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@RegistrationServiceTest
class StaffReplyTest {

    static final String SECRETARY = "test.secretariat@itu.example.org";

    @Inject
    Clock clock;

    static RequestSpecification secretariat() {
        return given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON);
    }

    static String letter(String status, String extra, String channel, LocalDate date) {
        return """
                {"status":"%s",%s"channel":"%s","documentReference":"NV/2022/117","documentDate":"%s"}"""
                .formatted(status, extra, channel, date);
    }

    static final String IN_PERSON = """
            "mode":"IN_PERSON","delegation":[{"name":"S. E. M. Diallo","title":"Ministre","email":"diallo@example.org","headOfDelegation":true}],""";

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Invitations.GENEVA);
    }

    @Test
    void theSecretariatRecordsANoteVerbaleOnTheInviteesBehalf() {
        Invitations.Issued invitation = Invitations.issue(clock);

        secretariat().body(letter("ACCEPTED", IN_PERSON, "NOTE_VERBALE", today()))
                .when().post("/staff/invitations/{id}/replies/correspondence", invitation.id())
                .then().statusCode(201)
                .header("Location", endsWith("/staff/invitations/" + invitation.id() + "/replies/1"))
                .body("version", equalTo(1))
                .body("channel", equalTo("NOTE_VERBALE"))
                .body("recordedBy", equalTo(SECRETARY))
                .body("documentReference", equalTo("NV/2022/117"))
                .body("documentDate", equalTo(today().toString()))
                .body("late", equalTo(false));

        InvitationAccepted event = published(InvitationAccepted.class, invitation.id(), 1).get(0);
        assertThat(event.channel()).isEqualTo(ReplyChannel.NOTE_VERBALE);
        // The audit trail's who and which document (docs/audit.md): the staff member by JWT subject only.
        assertThat(event.actor()).isEqualTo(Actor.staff(SECRETARY));
        assertThat(event.documentReference()).isEqualTo("NV/2022/117");
        as(invitation.link()).when().get("/invitations/{id}", invitation.id())
                .then().body("reply.status", equalTo("ACCEPTED"))
                .body("reply.recordedBySecretariat", equalTo(true))
                .body(org.hamcrest.Matchers.not(containsString(SECRETARY)));
    }

    @Test
    void aCorrectionIsANewVersionMarkedAsSuchInTheHistoryAndTheEvent() {
        Invitations.Issued invitation = Invitations.issue(clock);
        as(invitation.link()).body(Invitations.acceptBody("IN_PERSON", "Head"))
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201);

        secretariat().body("""
                        {"status":"ACCEPTED","mode":"REMOTE","channel":"PHONE","note":"Called: remote, not in person",
                         "delegation":[{"name":"Head","title":"Minister","email":"head@example.org","headOfDelegation":true}]}""")
                .when().post("/staff/invitations/{id}/replies/corrections", invitation.id())
                .then().statusCode(201)
                .header("Location", endsWith("/replies/2"))
                .body("correction", equalTo(true))
                .body("note", equalTo("Called: remote, not in person"));

        given().auth().oauth2(TestTokens.ops()).when().get("/staff/invitations/{id}/replies", invitation.id())
                .then().statusCode(200)
                .body("version", contains(1, 2))
                .body("correction", contains(false, true))
                .body("channel", contains("WEB", "PHONE"))
                .body("recordedBy", contains("invitee", SECRETARY))
                .body("mode", contains("IN_PERSON", "REMOTE"));
        given().auth().oauth2(TestTokens.ops()).when().get("/staff/invitations/{id}/replies/2", invitation.id())
                .then().statusCode(200).body("recordedBy", equalTo(SECRETARY));
        given().auth().oauth2(TestTokens.ops()).when().get("/staff/invitations/{id}/replies/3", invitation.id())
                .then().statusCode(404).body("type", equalTo("urn:wsis:problem:reply-version-not-found"));

        ReplyChanged changed = published(ReplyChanged.class, invitation.id(), 1).get(0);
        assertThat(changed.correction()).isTrue();
        assertThat(changed.previousStatus()).isEqualTo(ReplyStatus.ACCEPTED);
        assertThat(changed.channel()).isEqualTo(ReplyChannel.PHONE);
        assertThat(changed.actor()).isEqualTo(Actor.staff(SECRETARY));
        assertThat(changed.documentReference()).isNull();
        assertThat(published(InvitationAccepted.class, invitation.id(), 1).get(0).actor()).isEqualTo(Actor.invitee());
    }

    @Test
    void correspondenceIsJudgedByTheDateOfTheDocument() {
        ResponseDeadline past = ResponseDeadline.endOfDay(today().minusDays(3), Invitations.GENEVA);
        Invitations.Issued datedInTime = Invitations.issue(clock, UUID.randomUUID(), "SN", Language.FR, past);
        Invitations.Issued datedLate = Invitations.issue(clock, UUID.randomUUID(), "ML", Language.FR, past);

        secretariat().body(letter("DECLINED", "\"reason\":\"Agenda\",", "LETTER", past.date()))
                .when().post("/staff/invitations/{id}/replies/correspondence", datedInTime.id())
                .then().statusCode(201).body("late", equalTo(false)).body("declineReason", equalTo("Agenda"));
        secretariat().body(letter("DECLINED", "", "LETTER", past.date().plusDays(1)))
                .when().post("/staff/invitations/{id}/replies/correspondence", datedLate.id())
                .then().statusCode(201).body("late", equalTo(true));
    }

    @Test
    void invalidCorrespondenceIsRefused() {
        Invitations.Issued invitation = Invitations.issue(clock);
        String path = "/staff/invitations/{id}/replies/correspondence";

        secretariat().body(letter("ACCEPTED", IN_PERSON, "LETTER", today().plusDays(1)))
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("documentDate"));
        secretariat().body(letter("ACCEPTED", IN_PERSON, "WEB", today()))
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        secretariat().body(letter("ACCEPTED", "", "LETTER", today()))
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("mode"));
        secretariat().body(letter("DECLINED", IN_PERSON, "LETTER", today()))
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("mode"));
        secretariat().body("{\"status\":\"DECLINED\",\"channel\":\"LETTER\"}")
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors.field", hasItem("documentReference"))
                .body("errors.field", hasItem("documentDate"));
        secretariat().body(letter("DECLINED", "\"recordedBy\":\"someone\",", "LETTER", today()))
                .when().post(path, invitation.id())
                .then().statusCode(400).body("errors[0].field", equalTo("recordedBy"));
        secretariat().body(letter("WITHDRAWN", "", "LETTER", today()))
                .when().post(path, invitation.id())
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:reply-not-accepted"));
        secretariat().body("{\"status\":\"DECLINED\",\"channel\":\"LETTER\",\"note\":\"why\"}")
                .when().post("/staff/invitations/{id}/replies/corrections", invitation.id())
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:no-reply-to-correct"));

        given().auth().oauth2(TestTokens.ops()).when().get("/staff/invitations/{id}/replies", invitation.id())
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void unknownAndRevokedInvitations() {
        UUID unknown = UUID.randomUUID();
        secretariat().body(letter("DECLINED", "", "LETTER", today()))
                .when().post("/staff/invitations/{id}/replies/correspondence", unknown)
                .then().statusCode(404).body("type", equalTo("urn:wsis:problem:invitation-not-found"));
        given().auth().oauth2(TestTokens.ops()).when().get("/staff/invitations/{id}/replies", unknown)
                .then().statusCode(404);

        Invitations.Issued invitation = Invitations.issue(clock);
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), Instant.now(), invitation.id(), "duplicate"));
        Invitations.awaitView(invitation.id(), "revoked_at is not null");
        secretariat().body(letter("DECLINED", "", "LETTER", today()))
                .when().post("/staff/invitations/{id}/replies/correspondence", invitation.id())
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:invitation-revoked"));
    }

    @Test
    void staffEndpointsNeedTheirRole() {
        Invitations.Issued invitation = Invitations.issue(clock);
        String body = letter("DECLINED", "", "LETTER", today());
        String correspondence = "/staff/invitations/{id}/replies/correspondence";

        given().contentType(ContentType.JSON).body(body).when().post(correspondence, invitation.id())
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expiredSecretariat()).contentType(ContentType.JSON).body(body)
                .when().post(correspondence, invitation.id()).then().statusCode(401);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(body)
                .when().post(correspondence, invitation.id()).then().statusCode(403);
        given().auth().oauth2(TestTokens.withoutRole()).contentType(ContentType.JSON).body(body)
                .when().post(correspondence, invitation.id()).then().statusCode(403);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"status\":\"DECLINED\",\"channel\":\"LETTER\",\"note\":\"x\"}")
                .when().post("/staff/invitations/{id}/replies/corrections", invitation.id()).then().statusCode(403);
        given().auth().oauth2(TestTokens.withoutRole()).when().get("/staff/invitations/{id}/replies", invitation.id())
                .then().statusCode(403);
        given().when().get("/staff/invitations/{id}/replies", invitation.id()).then().statusCode(401);
        // A personal link is no staff credential.
        as(invitation.link()).when().get("/staff/invitations/{id}/replies", invitation.id()).then().statusCode(401);
        given().auth().oauth2(TestTokens.secretariat()).when().get("/staff/invitations/{id}/replies", invitation.id())
                .then().statusCode(200);
    }
}
