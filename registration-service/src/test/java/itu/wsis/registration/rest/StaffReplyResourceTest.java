package itu.wsis.registration.rest;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Actor;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.registration.RegistrationServiceTest;
import itu.wsis.registration.domain.DelegationMember;
import itu.wsis.registration.domain.ForumSettings;
import itu.wsis.registration.domain.LateReplyPolicy;
import itu.wsis.registration.domain.Reply;
import itu.wsis.registration.domain.ReplyContent;
import itu.wsis.registration.domain.ReplyRefused;
import itu.wsis.registration.service.ReplyService;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The resource layer of the secretariat's reply endpoints alone: the service is a mock, because what these tests pin
 * needs no database (how the body becomes the domain's content, who is recorded as having acted, the status,
 * {@code Location} and problem document of each outcome, and which role may call). The rules themselves, against real
 * PostgreSQL and Kafka, are {@link StaffReplyTest}'s.
 */
@QuarkusTest
@RegistrationServiceTest
class StaffReplyResourceTest {

    static final String SECRETARY = "test.secretariat@itu.example.org";
    static final Instant RECORDED_AT = Instant.parse("2022-04-02T09:30:00Z");

    @InjectMock
    ReplyService replies;

    static RequestSpecification secretariat() {
        return given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON);
    }

    static final String NOTE_VERBALE = """
            {"status":"ACCEPTED","mode":"IN_PERSON","channel":"NOTE_VERBALE",
             "documentReference":"  NV/2022/117  ","documentDate":"2022-04-01",
             "delegation":[{"name":"S. E. M. Diallo","title":"Ministre","email":"diallo@example.org","headOfDelegation":true},
                           {"name":"Mme Ba","title":"Conseillère","email":"ba@example.org","accessibilityNeed":"wheelchair"}]}""";

    /** What the service would do with the content the resource hands it: build it under the forum's settings. */
    @SuppressWarnings("unchecked")
    static Uni<ReplyService.Recorded> recordAs(Object contentArgument, int maxDelegationSize, ReplyChannel channel,
                                               String documentReference) {
        Function<ForumSettings, ReplyContent> content = (Function<ForumSettings, ReplyContent>) contentArgument;
        return Uni.createFrom().item(() -> {
            ReplyContent built = content.apply(new ForumSettings(LateReplyPolicy.FLAG, maxDelegationSize));
            return new ReplyService.Recorded(new Reply(3, built, channel, true, false, RECORDED_AT, SECRETARY,
                    documentReference, LocalDate.parse("2022-04-01"), null), true);
        });
    }

    @Test
    void aNoteVerbaleBecomesTheDomainsCorrespondenceAndItsNewVersionIsCreatedAtItsOwnAddress() {
        UUID invitationId = UUID.randomUUID();
        when(replies.recordCorrespondence(eq(invitationId), any(), any(), any(), any()))
                .thenAnswer(call -> recordAs(call.getArgument(2), 10, ReplyChannel.NOTE_VERBALE, "NV/2022/117"));

        secretariat().body(NOTE_VERBALE)
                .when().post("/staff/invitations/{id}/replies/correspondence", invitationId)
                .then().statusCode(201)
                .header("Location", endsWith("/staff/invitations/" + invitationId + "/replies/3"))
                .body("version", equalTo(3))
                .body("status", equalTo("ACCEPTED"))
                .body("mode", equalTo("IN_PERSON"))
                .body("channel", equalTo("NOTE_VERBALE"))
                .body("late", equalTo(true))
                .body("recordedBy", equalTo(SECRETARY))
                .body("documentReference", equalTo("NV/2022/117"))
                .body("delegation.name", equalTo(List.of("S. E. M. Diallo", "Mme Ba")))
                .body("delegation[0].headOfDelegation", equalTo(true));

        ArgumentCaptor<ReplyService.Correspondence> received = ArgumentCaptor.forClass(ReplyService.Correspondence.class);
        ArgumentCaptor<Function<ForumSettings, ReplyContent>> content = contentCaptor();
        verify(replies).recordCorrespondence(eq(invitationId), received.capture(), content.capture(), eq(SECRETARY),
                eq(Actor.staff(SECRETARY)));
        // The reference is kept as the document shows it, without the spaces a form or a paste adds around it.
        assertThat(received.getValue()).isEqualTo(new ReplyService.Correspondence(ReplyChannel.NOTE_VERBALE,
                "NV/2022/117", LocalDate.parse("2022-04-01")));
        ReplyContent built = content.getValue().apply(new ForumSettings(LateReplyPolicy.FLAG, 10));
        assertThat(built.status()).isEqualTo(ReplyStatus.ACCEPTED);
        assertThat(built.mode()).isEqualTo(ParticipationMode.IN_PERSON);
        assertThat(built.delegation()).containsExactly(
                new DelegationMember("S. E. M. Diallo", "Ministre", "diallo@example.org", null, true),
                new DelegationMember("Mme Ba", "Conseillère", "ba@example.org", "wheelchair", false));
    }

    @Test
    void aDelegationLargerThanTheForumAllowsIsRefusedOnItsFieldAndNothingIsRecorded() {
        UUID invitationId = UUID.randomUUID();
        when(replies.recordCorrespondence(eq(invitationId), any(), any(), any(), any()))
                .thenAnswer(call -> recordAs(call.getArgument(2), 1, ReplyChannel.NOTE_VERBALE, "NV/2022/117"));

        secretariat().body(NOTE_VERBALE)
                .when().post("/staff/invitations/{id}/replies/correspondence", invitationId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("delegation"))
                .body(not(containsString("Exception")));
    }

    @ParameterizedTest
    @CsvSource({
            "DEADLINE_PASSED,       reply-deadline-passed,       deadline_passed",
            "LOCKED_AFTER_DEADLINE, reply-locked-after-deadline, locked_after_deadline",
            "NOT_ACCEPTED,          reply-not-accepted,          not_accepted",
            "NOTHING_TO_CORRECT,    no-reply-to-correct,         nothing_to_correct"})
    void eachRefusalOfTheDomainIsAConflictNamedForItsReason(ReplyRefused.Reason reason, String slug, String code) {
        UUID invitationId = UUID.randomUUID();
        when(replies.correct(eq(invitationId), any(), any(), any(), any(), any()))
                .thenReturn(Uni.createFrom().failure(new ReplyRefused(reason, "refused: " + reason)));

        secretariat().body("""
                        {"status":"DECLINED","channel":"EMAIL","note":"The office wrote again","reason":"Agenda"}""")
                .when().post("/staff/invitations/{id}/replies/corrections", invitationId)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:" + slug))
                .body("reason", equalTo(code))
                .body("detail", equalTo("refused: " + reason));
    }

    @Test
    void aVersionTheHistoryDoesNotHoldIsNotFoundAndOneItHoldsIsShown() {
        UUID invitationId = UUID.randomUUID();
        ReplyContent declined = new ReplyContent(ReplyStatus.DECLINED, null, List.of(), "Agenda");
        when(replies.history(invitationId)).thenReturn(Uni.createFrom().item(List.of(
                new Reply(1, declined, ReplyChannel.WEB, false, false, RECORDED_AT, Reply.BY_INVITEE, null, null,
                        null))));

        given().auth().oauth2(TestTokens.ops()).when().get("/staff/invitations/{id}/replies/1", invitationId)
                .then().statusCode(200).body("version", equalTo(1)).body("declineReason", equalTo("Agenda"))
                .body("recordedBy", equalTo("invitee"));
        given().auth().oauth2(TestTokens.ops()).when().get("/staff/invitations/{id}/replies/2", invitationId)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:reply-version-not-found"));
    }

    @Test
    void opsMayReadButNotRecordAndTheServiceIsNeverReached() {
        UUID invitationId = UUID.randomUUID();

        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body(NOTE_VERBALE)
                .when().post("/staff/invitations/{id}/replies/correspondence", invitationId)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.withoutRole()).when().get("/staff/invitations/{id}/replies", invitationId)
                .then().statusCode(403);
        given().when().get("/staff/invitations/{id}/replies", invitationId).then().statusCode(401);

        verifyNoInteractions(replies);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ArgumentCaptor<Function<ForumSettings, ReplyContent>> contentCaptor() {
        return (ArgumentCaptor) ArgumentCaptor.forClass(Function.class);
    }
}
