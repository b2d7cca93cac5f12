package itu.wsis.invitation.rest;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Actor;
import itu.wsis.events.Deadline;
import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.invitation.InvitationServiceTest;
import itu.wsis.invitation.domain.InvalidChange;
import itu.wsis.invitation.domain.Invitation;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.domain.LifecycleViolation;
import itu.wsis.invitation.service.InvitationService;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The resource layer of the secretariat's invitation changes alone: the service is a mock, because what these tests
 * pin needs no database (how the body reaches the service, who is recorded as having acted, and the problem document
 * each of the domain's refusals becomes through {@link DomainProblemMappers}). The rules themselves are
 * {@code InvitationLifecycleTest}'s, and against real PostgreSQL and Kafka {@code InvitationApiTest}'s.
 */
@QuarkusTest
@InvitationServiceTest
class InvitationResourceTest {

    static final String SECRETARY = "test.secretariat@itu.example.org";
    static final UUID ID = UUID.fromString("5b0c8a53-3f0e-4d55-9d0f-1f8e0c2a7a11");

    @InjectMock
    InvitationService invitations;

    static RequestSpecification secretariat() {
        return given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON);
    }

    static Invitation invitation(InvitationStatus status, LocalDate deadline, int linkVersion) {
        Instant at = Instant.parse("2022-03-21T09:00:00Z");
        return new Invitation(ID, UUID.randomUUID(), 1, UUID.randomUUID(), UUID.randomUUID(), status, null, 0, "CHE",
                Language.FR, Rank.MINISTER, Deadline.byEndOf(deadline, ZoneId.of("Europe/Zurich")),
                linkVersion, Instant.parse("2022-06-03T22:00:00Z"), at, at, null);
    }

    @Test
    void aRevocationReachesTheServiceTrimmedWithTheSecretaryAsActor() {
        when(invitations.revoke(eq(ID), any(), any()))
                .thenReturn(Uni.createFrom().item(invitation(InvitationStatus.REVOKED, LocalDate.of(2022, 4, 15), 1)));

        secretariat().body("{\"reason\":\"  Sent to the wrong ministry  \"}")
                .post("/invitations/{id}/revoke", ID)
                .then().statusCode(200).body("status", equalTo("REVOKED"));

        verify(invitations).revoke(ID, "Sent to the wrong ministry", Actor.staff(SECRETARY));
    }

    @Test
    void aRefusedTransitionIsAConflictNamedByTheDomainsSlug() {
        when(invitations.revoke(eq(ID), any(), any())).thenReturn(Uni.createFrom().failure(
                new LifecycleViolation("invitation-revoked", "The invitation is revoked.")));

        secretariat().body("{\"reason\":\"Twice\"}")
                .post("/invitations/{id}/revoke", ID)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:invitation-revoked"))
                .body("detail", equalTo("The invitation is revoked."))
                .body("instance", containsString("/invitations/" + ID + "/revoke"));
    }

    @Test
    void aBrokenRuleOnTheInputIsABadRequestOnItsField() {
        LocalDate earlier = LocalDate.of(2022, 4, 1);
        when(invitations.extendDeadline(eq(ID), eq(earlier), any())).thenReturn(Uni.createFrom().failure(
                new InvalidChange("responseDeadline", "must be later than the current deadline 2022-04-15")));

        secretariat().body("{\"responseDeadline\":\"2022-04-01\"}")
                .post("/invitations/{id}/deadline-extension", ID)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("responseDeadline"))
                .body("errors[0].message", equalTo("must be later than the current deadline 2022-04-15"));

        verify(invitations).extendDeadline(ID, earlier, Actor.staff(SECRETARY));
    }

    @Test
    void aReissuedLinkAnswersWithItsNewVersion() {
        when(invitations.reissueLink(eq(ID), any()))
                .thenReturn(Uni.createFrom().item(invitation(InvitationStatus.ISSUED, LocalDate.of(2022, 4, 15), 2)));

        secretariat().post("/invitations/{id}/link-reissue", ID)
                .then().statusCode(200).body("linkVersion", equalTo(2));

        verify(invitations).reissueLink(ID, Actor.staff(SECRETARY));
    }

    @Test
    void invalidInputAndTheWrongRoleNeverReachTheService() {
        secretariat().body("{\"reason\":\"   \"}").post("/invitations/{id}/revoke", ID)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("reason"));
        secretariat().body("{}").post("/invitations/{id}/deadline-extension", ID)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).body("{\"reason\":\"No\"}")
                .post("/invitations/{id}/revoke", ID)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.ops()).contentType(ContentType.JSON).post("/invitations/{id}/link-reissue", ID)
                .then().statusCode(403);

        verifyNoInteractions(invitations);
    }
}
