package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.Language;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.Rank;
import itu.wsis.support.links.contract.PersonalLinkContract;
import itu.wsis.testing.TestPostgres;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The personal-link admission of service-support's contract, answered by this service (issue #14). */
@QuarkusTest
@SpeakingRequestServiceTest
class PersonalLinkContractTest extends PersonalLinkContract {

    private static Fixtures.Forum forum;

    private static synchronized Fixtures.Forum forum() {
        if (forum == null) {
            forum = Fixtures.forum(Instant.now().plus(Duration.ofDays(30)));
        }
        return forum;
    }

    @Override
    protected String readPath(UUID invitationId) {
        return "/invitations/" + invitationId + "/sessions";
    }

    @Override
    protected String staffPath(UUID invitationId) {
        return "/forums/" + forum().forumId() + "/speaking-requests";
    }

    @Override
    protected UUID issued() {
        return issue(Instant.now().plus(Duration.ofDays(120)));
    }

    @Override
    protected UUID issuedWithStoredExpiryPast() {
        return issue(Instant.parse("2000-01-01T00:00:00Z"));
    }

    private UUID issue(Instant linkExpiresAt) {
        UUID id = UUID.randomUUID();
        Fixtures.Forum f = forum();
        Fixtures.publishAll(List.of(new InvitationIssued(UUID.randomUUID(), Instant.now(), id, f.forumId(), f.code(),
                f.letterId(), "CL-22/010", new InviteeContact(UUID.randomUUID(), "CH", "H.E. Minister", "Excellency",
                Rank.MINISTER, "Minister", "minister@ch.example", List.of(), Language.FR, Fixtures.GENEVA.getId()),
                null, null, 1, linkExpiresAt)));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(Fixtures.DB,
                "select count(*) from invitation where issued and id = ?", id) == 1);
        return id;
    }

    @Override
    protected void revoke(UUID invitationId) {
        Fixtures.publishAll(List.of(new InvitationRevoked(UUID.randomUUID(), Instant.now(), invitationId, "in error")));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(Fixtures.DB,
                "select count(*) from invitation where revoked and id = ?", invitationId) == 1);
    }

    @Override
    protected void reissue(UUID invitationId) {
        Fixtures.publishAll(List.of(new PersonalLinkReissued(UUID.randomUUID(), Instant.now(), invitationId, 2,
                Instant.now().plus(Duration.ofDays(120)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(Fixtures.DB,
                "select count(*) from invitation where link_version = 2 and id = ?", invitationId) == 1);
    }

    @Override
    protected String language() {
        return "fr";
    }
}
