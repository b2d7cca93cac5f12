package itu.wsis.registration.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.Language;
import itu.wsis.registration.Invitations;
import itu.wsis.registration.RegistrationServiceTest;
import itu.wsis.registration.domain.ResponseDeadline;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.registration.Invitations.acceptBody;
import static itu.wsis.registration.rest.InviteeReplyTest.as;
import static itu.wsis.registration.rest.StaffReplyTest.secretariat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@RegistrationServiceTest
class ForumTest {

    @Inject
    Clock clock;

    @Test
    void aForumUsesTheConfiguredDefaultsUntilTheSecretariatSetsItsOwn() {
        UUID forumId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.ops()).when().get("/staff/forums/{f}/settings", forumId)
                .then().statusCode(200)
                .body("lateReplyPolicy", equalTo("FLAG")).body("maxDelegationSize", equalTo(6))
                .body("defaults", equalTo(true));

        secretariat().body("{\"lateReplyPolicy\":\"REJECT\",\"maxDelegationSize\":2}")
                .when().put("/staff/forums/{f}/settings", forumId)
                .then().statusCode(200).body("lateReplyPolicy", equalTo("REJECT")).body("defaults", equalTo(false));
        secretariat().body("{\"lateReplyPolicy\":\"FLAG\",\"maxDelegationSize\":2}")
                .when().put("/staff/forums/{f}/settings", forumId).then().statusCode(200);
        given().auth().oauth2(TestTokens.secretariat()).when().get("/staff/forums/{f}/settings", forumId)
                .then().statusCode(200)
                .body("lateReplyPolicy", equalTo("FLAG")).body("maxDelegationSize", equalTo(2))
                .body("defaults", equalTo(false));
        assertThat(TestPostgres.queryLong(RegistrationServiceTest.DATABASE,
                "select count(*) from forum_settings where forum_id = ? and updated_by = ?", forumId,
                StaffReplyTest.SECRETARY)).isEqualTo(1);

        Invitations.Issued invitation = Invitations.issue(clock, forumId, "CH", Language.FR, Invitations.deadlineIn(clock, 10));
        as(invitation.link()).body(acceptBody("REMOTE", "A", "B", "C"))
                .when().post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(400).body("detail", containsString("at most 2"));
        as(invitation.link()).body(acceptBody("REMOTE", "A", "B"))
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201);
    }

    @Test
    void invalidSettingsAndWrongRolesAreRefused() {
        UUID forumId = UUID.randomUUID();
        String path = "/staff/forums/{f}/settings";
        secretariat().body("{\"lateReplyPolicy\":\"FLAG\",\"maxDelegationSize\":0}").when().put(path, forumId)
                .then().statusCode(400).body("errors[0].field", equalTo("maxDelegationSize"));
        secretariat().body("{\"lateReplyPolicy\":\"IGNORE\",\"maxDelegationSize\":3}").when().put(path, forumId)
                .then().statusCode(400).body("errors[0].field", equalTo("lateReplyPolicy"));
        secretariat().body("{\"maxDelegationSize\":3}").when().put(path, forumId)
                .then().statusCode(400).body("errors[0].field", equalTo("lateReplyPolicy"));
        secretariat().body("{\"lateReplyPolicy\":\"FLAG\",\"maxDelegationSize\":3,\"forumId\":\"x\"}").when().put(path, forumId)
                .then().statusCode(400).body("errors[0].field", equalTo("forumId"));
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON)
                .body("{\"lateReplyPolicy\":\"FLAG\",\"maxDelegationSize\":3}").when().put(path, forumId)
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"lateReplyPolicy\":\"FLAG\",\"maxDelegationSize\":3}")
                .when().put(path, forumId).then().statusCode(401);
        for (String read : List.of(path, "/staff/forums/{f}/statistics", "/staff/forums/{f}/replies.csv")) {
            given().when().get(read, forumId).then().statusCode(401);
            given().auth().oauth2(TestTokens.withoutRole()).when().get(read, forumId).then().statusCode(403);
        }
    }

    @Test
    void statisticsCountCurrentRepliesByStatusModeLanguageMemberStateRegionAndLateness() {
        UUID forumId = UUID.randomUUID();
        ResponseDeadline open = Invitations.deadlineIn(clock, 10);
        LocalDate today = LocalDate.ofInstant(clock.instant(), Invitations.GENEVA);
        ResponseDeadline closed = ResponseDeadline.endOfDay(today.minusDays(2), Invitations.GENEVA);
        Invitations.Issued ch = Invitations.issue(clock, forumId, "CH", Language.FR, open);
        Invitations.Issued sn = Invitations.issue(clock, forumId, "SN", Language.FR, open);
        Invitations.Issued br = Invitations.issue(clock, forumId, "BR", Language.ES, closed);
        Invitations.Issued ru = Invitations.issue(clock, forumId, "RU", Language.RU, open);
        Invitations.Issued eg = Invitations.issue(clock, forumId, "EG", Language.AR, open);
        Invitations.issue(clock, UUID.randomUUID(), "JP", Language.EN, open); // another forum

        as(ch.link()).body(acceptBody("IN_PERSON", "Head", "Member")).when().post("/invitations/{id}/accept", ch.id())
                .then().statusCode(201);
        as(sn.link()).when().post("/invitations/{id}/decline", sn.id()).then().statusCode(201);
        as(br.link()).body(acceptBody("REMOTE", "Head")).when().post("/invitations/{id}/accept", br.id())
                .then().statusCode(201).body("late", equalTo(true));
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), Instant.now(), eg.id(), "test"));
        Invitations.awaitView(eg.id(), "revoked_at is not null");

        given().auth().oauth2(TestTokens.ops()).when().get("/staff/forums/{f}/statistics", forumId)
                .then().statusCode(200)
                .body("forumId", equalTo(forumId.toString()))
                .body("revoked", equalTo(1))
                .body("total.invited", equalTo(4))
                .body("total.accepted", equalTo(2))
                .body("total.declined", equalTo(1))
                .body("total.withdrawn", equalTo(0))
                .body("total.noReply", equalTo(1))
                .body("total.inPerson", equalTo(1))
                .body("total.remote", equalTo(1))
                .body("total.onTime", equalTo(2))
                .body("total.late", equalTo(1))
                .body("byLanguage.fr.invited", equalTo(2))
                .body("byLanguage.fr.declined", equalTo(1))
                .body("byLanguage.es.late", equalTo(1))
                .body("byMemberState.CH.inPerson", equalTo(1))
                .body("byMemberState.RU.noReply", equalTo(1))
                .body("byMemberState.EG", equalTo(null))
                .body("byRegion.EUROPE.accepted", equalTo(1))
                .body("byRegion.AFRICA.declined", equalTo(1))
                .body("byRegion.AMERICAS.remote", equalTo(1))
                .body("byRegion.CIS.noReply", equalTo(1))
                .body("byRegion.ARAB_STATES.invited", equalTo(0))
                .body("byRegion.ASIA_PACIFIC.invited", equalTo(0));
    }

    @Test
    void theCsvExportIsRfc4180WithABomAndNeutralisedFormulas() {
        UUID forumId = UUID.randomUUID();
        ResponseDeadline open = Invitations.deadlineIn(clock, 10);
        Invitations.Issued ch = Invitations.issue(clock, forumId, "CH", Language.FR, open);
        Invitations.Issued ke = Invitations.issue(clock, forumId, "KE", Language.EN, open);
        Invitations.Issued revoked = Invitations.issue(clock, forumId, "GH", Language.EN, open);
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), Instant.now(), revoked.id(), "test"));
        Invitations.awaitView(revoked.id(), "revoked_at is not null");
        as(ch.link()).body("""
                        {"mode":"IN_PERSON","delegation":[
                          {"name":"Zoë Müller, \\"Jr\\"","title":"Ministre","email":"zoe@example.org","headOfDelegation":true,
                           "accessibilityNeed":"Sign language\\ninterpretation"},
                          {"name":"=HYPERLINK(\\"http://evil\\")","title":"+41 22","email":"x@example.org","headOfDelegation":false,
                           "accessibilityNeed":"@SUM(1)"}]}""")
                .when().post("/invitations/{id}/accept", ch.id()).then().statusCode(201);

        Response response = given().auth().oauth2(TestTokens.ops()).when().get("/staff/forums/{f}/replies.csv", forumId);
        response.then().statusCode(200)
                .header("Content-Type", containsString("text/csv"))
                .header("Content-Type", containsString("charset=UTF-8"))
                .header("Content-Disposition", containsString("attachment"));
        byte[] bytes = response.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);

        assertThat(csv).startsWith("invitation_id,letter_reference,member_state,itu_region,language,rank,reply_status,"
                + "participation_mode,late,channel,reply_version,replied_at,decline_reason,delegate_name,delegate_title,"
                + "delegate_email,head_of_delegation,accessibility_need\r\n");
        assertThat(csv).contains(ch.id() + ",CL-22/010,CH,Europe,fr,MINISTER,ACCEPTED,IN_PERSON,false,WEB,1,");
        assertThat(csv).contains(",\"Zoë Müller, \"\"Jr\"\"\",Ministre,zoe@example.org,true,\"Sign language\ninterpretation\"\r\n");
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",\"'+41 22\",x@example.org,false,\"'@SUM(1)\"\r\n");
        assertThat(csv).contains(ke.id() + ",CL-22/010,KE,Africa,en,MINISTER,NO_REPLY,,,,,,,,,,,\r\n");
        assertThat(csv).doesNotContain(revoked.id().toString());
        assertThat(csv.split("\r\n")).hasSize(4);
    }
}
