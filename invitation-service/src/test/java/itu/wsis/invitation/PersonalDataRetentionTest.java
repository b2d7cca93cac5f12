package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import itu.wsis.invitation.service.PersonalDataRetention;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of retention is an erasure request the service makes itself: 400 days after a person's last invitation
 * (or last change, if never invited), through the same request, event and reports as one the secretariat makes.
 */
@QuarkusTest
@InvitationServiceTest
class PersonalDataRetentionTest {

    static final String DB = InvitationServiceTest.DATABASE;

    @Inject
    PersonalDataRetention retention;

    static long count(String sql, Object... params) {
        return TestPostgres.queryLong(DB, sql, params);
    }

    @Test
    void peoplePastRetentionAreErasedEverywhereAndTheOthersAreNot() throws Throwable {
        UUID letter = Fixtures.publishedLetter();
        UUID old = Fixtures.createInvitee("CH");
        UUID invitation = Fixtures.issue(letter, old);
        UUID oldNeverInvited = Fixtures.createInvitee("FR");
        UUID recent = Fixtures.createInvitee("SN");
        Fixtures.issue(letter, recent);
        UUID recentlyChanged = Fixtures.createInvitee("JP");
        // Issued 401 days ago; created and last changed 500 days ago.
        TestPostgres.execute(DB, "update invitation set issued_at = issued_at - interval '401 days' where id = ?",
                invitation);
        TestPostgres.execute(DB, "update invitee set updated_at = updated_at - interval '500 days' where id in (?, ?)",
                old, oldNeverInvited);
        TestPostgres.execute(DB, "update invitee set updated_at = updated_at - interval '500 days' where id = ?", recent);

        int erased;
        do {
            erased = VertxContextSupport.subscribeAndAwait(retention::run);
        } while (erased > 0 && count("select count(*) from invitee where id in (?, ?) and erased_at is null",
                old, oldNeverInvited) > 0);

        assertThat(count("select count(*) from invitee where id in (?, ?) and erased_at is not null and full_name is null",
                old, oldNeverInvited)).isEqualTo(2);
        assertThat(count("select count(*) from erasure_request where invitee_id in (?, ?) and requested_by = 'retention'"
                + " and invitation_ids like ?", old, oldNeverInvited, "%" + invitation + "%")).isEqualTo(1);
        assertThat(count("select count(*) from invitee where id in (?, ?) and erased_at is null and full_name is not null",
                recent, recentlyChanged)).isEqualTo(2);
        // A second run finds nothing more of these.
        VertxContextSupport.subscribeAndAwait(retention::run);
        assertThat(count("select count(*) from erasure_request where invitee_id = ?", old)).isEqualTo(1);
    }
}
