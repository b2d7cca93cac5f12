package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.speaking.domain.SpeakingRequest;
import itu.wsis.speaking.domain.SubmissionPolicy;
import itu.wsis.speaking.service.SpeakingRequestSubmission;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Issue #14, the revocation window (docs/security-auth.md): once InvitationRevoked is consumed, a speaking request
 * whose link was admitted just before is refused in its own transaction, and nothing is written.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class RevocationWindowTest {

    @Inject
    SpeakingRequestSubmission submission;

    @Test
    void aSubmissionAdmittedBeforeTheRevocationWasConsumedIsRefusedInItsTransaction() {
        Fixtures.Forum forum = Fixtures.forum(Instant.now().plus(Duration.ofDays(30)));
        UUID session = Fixtures.session(forum, 3, 30, 15);
        Fixtures.Delegation d = Fixtures.delegation(forum, "Bhutan", Rank.MINISTER, ParticipationMode.IN_PERSON);
        LinkClaims admitted = new LinkClaims(d.invitationId(), 1, Instant.now().plus(Duration.ofDays(30)));
        Fixtures.publishAll(List.of(new InvitationRevoked(UUID.randomUUID(), Instant.now(), d.invitationId(), "error")));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(Fixtures.DB,
                "select count(*) from invitation where revoked and id = ?", d.invitationId()) == 1);

        var draft = new SubmissionPolicy.Draft(new SpeakingRequest.Speaker("Minister", "Minister", null, false),
                List.of(session), itu.wsis.events.Language.EN, itu.wsis.events.SpeakingModality.IN_PERSON, "Topic",
                null, null);
        Throwable refused = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() ->
                submission.byInvitee(admitted, d.invitationId(), draft)));

        assertThat(refused).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) refused).status()).isEqualTo(410);
        assertThat(TestPostgres.queryLong(Fixtures.DB, "select count(*) from speaking_request where invitation_id = ?",
                d.invitationId())).isZero();
    }
}
