package itu.wsis.registration;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.registration.domain.ReplyContent;
import itu.wsis.registration.service.ReplyService;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue #14, the revocation window: invitation-service revokes at once, this service learns it from the event
 * (docs/security-auth.md states the measured delay). From the moment the event is consumed, nothing gets through:
 * not the next request (nothing is cached), and not a write whose link was admitted just before (the reply
 * transaction judges the invitation again on the row it reads).
 */
@QuarkusTest
@RegistrationServiceTest
class RevocationWindowTest {

    @Inject
    Clock clock;

    @Inject
    ReplyService replies;

    @Test
    void theRequestAfterTheRevocationIsConsumedIsRefused() {
        Invitations.Issued invitation = Invitations.issue(clock);
        given().header(PersonalLinks.HEADER, invitation.link()).get("/invitations/{id}", invitation.id())
                .then().statusCode(200);
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), Instant.now(), invitation.id(), "sent in error"));
        Invitations.awaitView(invitation.id(), "revoked_at is not null");
        // No polling, no retry: the first request after consumption is refused.
        given().header(PersonalLinks.HEADER, invitation.link()).contentType("application/json").body("{}")
                .post("/invitations/{id}/decline", invitation.id()).then().statusCode(410);
    }

    @Test
    void aReplyAdmittedBeforeTheRevocationWasConsumedIsRefusedInItsTransaction() throws Throwable {
        Invitations.Issued invitation = Invitations.issue(clock);
        // What the admission handed to the endpoint while the invitation was still current.
        LinkClaims admitted = new LinkClaims(invitation.id(), 1, clock.instant().plus(Duration.ofDays(30)));
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), Instant.now(), invitation.id(), "sent in error"));
        Invitations.awaitView(invitation.id(), "revoked_at is not null");

        Throwable refused = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() ->
                replies.replyByInvitee(admitted, settings -> ReplyContent.decline("too late"))));

        assertThat(refused).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) refused).status()).isEqualTo(410);
        assertThat(refused.getMessage()).contains("withdrawn");
        assertThat(TestPostgres.queryLong(RegistrationServiceTest.DATABASE,
                "select count(*) from reply where invitation_id = ?", invitation.id())).isZero();
    }
}
