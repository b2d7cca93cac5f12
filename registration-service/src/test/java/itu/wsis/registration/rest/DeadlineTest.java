package itu.wsis.registration.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import itu.wsis.events.Deadline;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.Language;
import itu.wsis.events.ResponseDeadlineExtended;
import itu.wsis.registration.Invitations;
import itu.wsis.registration.RegistrationServiceTest;
import itu.wsis.registration.domain.ResponseDeadline;
import itu.wsis.support.time.MovableClock;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.registration.Invitations.acceptBody;
import static itu.wsis.registration.rest.InviteeReplyTest.as;
import static itu.wsis.registration.rest.InviteeReplyTest.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Late or on time, at the deadline's instant, with the service's movable business clock. */
@QuarkusTest
@RegistrationServiceTest
class DeadlineTest {

    @Inject
    Clock clock;

    MovableClock movable() {
        return (MovableClock) clock;
    }

    @Test
    void aReplyJustBeforeTheDeadlineIsOnTimeAndOneAtItIsLateAndFlagged() {
        UUID forumId = UUID.randomUUID();
        ResponseDeadline deadline = Invitations.deadlineIn(clock, 2);
        Invitations.Issued early = Invitations.issue(clock, forumId, "CH", Language.FR, deadline);
        Invitations.Issued late = Invitations.issue(clock, forumId, "FR", Language.FR, deadline);

        // The business clock keeps running with the wall clock: a margin of seconds was eaten by a cold first
        // request on a loaded machine (a late "on time" reply). The exact boundary is event-contracts' DeadlineTest.
        movable().advanceTo(deadline.endsAt().minusSeconds(60));
        as(early.link()).body(acceptBody("IN_PERSON", "Head"))
                .when().post("/invitations/{id}/accept", early.id())
                .then().statusCode(201).body("late", equalTo(false));

        movable().advanceTo(deadline.endsAt());
        as(late.link()).when().get("/invitations/{id}", late.id()).then().body("deadlinePassed", equalTo(true));
        as(late.link()).body(acceptBody("REMOTE", "Head"))
                .when().post("/invitations/{id}/accept", late.id())
                .then().statusCode(201).body("late", equalTo(true));
        assertThat(published(InvitationAccepted.class, late.id(), 1).get(0).late()).isTrue();
        assertThat(published(InvitationAccepted.class, early.id(), 1).get(0).late()).isFalse();
    }

    @Test
    void afterTheDeadlineTheInviteeCannotChangeOrWithdrawAnAcceptanceButTheSecretariatCan() {
        ResponseDeadline deadline = Invitations.deadlineIn(clock, 1);
        Invitations.Issued invitation = Invitations.issue(clock, UUID.randomUUID(), "CH", Language.FR, deadline);
        as(invitation.link()).body(acceptBody("IN_PERSON", "Head"))
                .when().post("/invitations/{id}/accept", invitation.id()).then().statusCode(201);

        movable().advanceTo(deadline.endsAt());
        as(invitation.link()).body(acceptBody("REMOTE", "Head"))
                .when().post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:reply-locked-after-deadline"))
                .body("detail", containsString("secretariat"));
        as(invitation.link()).when().post("/invitations/{id}/withdraw", invitation.id())
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:reply-locked-after-deadline"));
        as(invitation.link()).when().post("/invitations/{id}/decline", invitation.id())
                .then().statusCode(409);

        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("""
                        {"status":"WITHDRAWN","channel":"EMAIL","documentReference":"mail-42","documentDate":"%s"}"""
                        .formatted(deadline.date().plusDays(1)))
                .when().post("/staff/invitations/{id}/replies/correspondence", invitation.id())
                .then().statusCode(201).body("status", equalTo("WITHDRAWN")).body("late", equalTo(true));
    }

    @Test
    void aForumThatRejectsLateRepliesAnswers409AfterTheDeadline() {
        UUID forumId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.secretariat()).contentType(ContentType.JSON)
                .body("{\"lateReplyPolicy\":\"REJECT\",\"maxDelegationSize\":4}")
                .when().put("/staff/forums/{forumId}/settings", forumId).then().statusCode(200);
        ResponseDeadline deadline = Invitations.deadlineIn(clock, 1);
        Invitations.Issued onTime = Invitations.issue(clock, forumId, "CH", Language.FR, deadline);
        Invitations.Issued tooLate = Invitations.issue(clock, forumId, "DE", Language.EN, deadline);

        // The business clock keeps running with the wall clock: a margin of seconds was eaten by a cold first
        // request on a loaded machine (a late "on time" reply). The exact boundary is event-contracts' DeadlineTest.
        movable().advanceTo(deadline.endsAt().minusSeconds(60));
        as(onTime.link()).when().post("/invitations/{id}/decline", onTime.id())
                .then().statusCode(201).body("late", equalTo(false));

        movable().advanceTo(deadline.endsAt());
        as(tooLate.link()).body(acceptBody("IN_PERSON", "Head"))
                .when().post("/invitations/{id}/accept", tooLate.id())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:reply-deadline-passed"))
                .body("reason", equalTo("deadline_passed"));
        as(tooLate.link()).when().get("/invitations/{id}/replies", tooLate.id())
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anExtendedDeadlineMakesTheSameReplyOnTime() {
        ResponseDeadline deadline = Invitations.deadlineIn(clock, 1);
        Invitations.Issued invitation = Invitations.issue(clock, UUID.randomUUID(), "SN", Language.FR, deadline);
        movable().advanceTo(deadline.endsAt().plusSeconds(60));
        as(invitation.link()).when().get("/invitations/{id}", invitation.id()).then().body("deadlinePassed", equalTo(true));

        ResponseDeadline extended = ResponseDeadline.endOfDay(deadline.date().plusDays(7), deadline.zone());
        TestKafka.publish(new ResponseDeadlineExtended(UUID.randomUUID(), Instant.now(), invitation.id(),
                new Deadline(extended.date(), extended.zone().getId(), extended.endsAt())));
        Invitations.awaitView(invitation.id(), "deadline_date = ?", java.sql.Date.valueOf(extended.date()));

        as(invitation.link()).when().get("/invitations/{id}", invitation.id()).then().body("deadlinePassed", equalTo(false));
        as(invitation.link()).body(acceptBody("REMOTE", "Head"))
                .when().post("/invitations/{id}/accept", invitation.id())
                .then().statusCode(201).body("late", equalTo(false));
    }
}
