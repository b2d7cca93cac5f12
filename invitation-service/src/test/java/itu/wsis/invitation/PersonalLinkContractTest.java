package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.support.links.contract.PersonalLinkContract;
import itu.wsis.testing.TestPostgres;

import java.util.Map;
import java.util.UUID;

import static itu.wsis.invitation.Fixtures.asSecretariat;

/** The personal-link admission of service-support's contract, answered by this service, the invitations' owner. */
@QuarkusTest
@InvitationServiceTest
class PersonalLinkContractTest extends PersonalLinkContract {

    private static UUID letterId;

    private static synchronized UUID letter() {
        if (letterId == null) {
            letterId = Fixtures.publishedLetterOfUpcomingForum();
        }
        return letterId;
    }

    @Override
    protected String readPath(UUID invitationId) {
        return "/invitations/" + invitationId + "/letter";
    }

    @Override
    protected String staffPath(UUID invitationId) {
        return "/invitations/" + invitationId;
    }

    @Override
    protected UUID issued() {
        return Fixtures.issue(letter(), Fixtures.createInvitee("CH"));
    }

    /** The stored link expiry is derived from the forum's dates; set in the row itself to one already past. */
    @Override
    protected UUID issuedWithStoredExpiryPast() {
        UUID id = issued();
        TestPostgres.execute(InvitationServiceTest.DATABASE,
                "update invitation set link_expires_at = timestamptz '2000-01-01 00:00:00Z' where id = ?", id);
        return id;
    }

    @Override
    protected void revoke(UUID invitationId) {
        asSecretariat().body(Map.of("reason", "wrong addressee")).post("/invitations/{id}/revoke", invitationId)
                .then().statusCode(200);
    }

    @Override
    protected void reissue(UUID invitationId) {
        asSecretariat().post("/invitations/{id}/link-reissue", invitationId).then().statusCode(200);
    }

    @Override
    protected String language() {
        return "fr";
    }
}
