package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChannel;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static itu.wsis.speaking.Fixtures.DB;
import static itu.wsis.speaking.Fixtures.GENEVA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * InvitationIssued in this service's read model, written with its inbox row in one statement: a reply from the other
 * topic may have made the row first, a re-published invitation takes the new values without going back to an older
 * link, an unknown forum gets its placeholder, and a redelivered event changes nothing.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class InvitationIssuedProjectionTest {

    static long count(String sql, Object... params) {
        return TestPostgres.queryLong(DB, sql, params);
    }

    static InvitationIssued issued(UUID invitationId, UUID forumId, String forumCode, String memberState, int linkVersion) {
        Instant now = Instant.now();
        return new InvitationIssued(UUID.randomUUID(), now, invitationId, forumId, forumCode, UUID.randomUUID(),
                "CL-22/010", new InviteeContact(UUID.randomUUID(), memberState, "H.E. Minister", "Excellency",
                Rank.MINISTER, "Minister", "minister@example.org", List.of(), Language.EN, GENEVA.getId()),
                null, null, linkVersion, now.plus(Duration.ofDays(120)));
    }

    static void awaitCount(long expected, String sql, Object... params) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(sql, params) == expected);
    }

    @Test
    void aReissuedOrRepublishedInvitationKeepsItsReplyAndNewestLinkAndARedeliveryChangesNothing() {
        UUID invitationId = UUID.randomUUID();
        UUID forumId = UUID.randomUUID();
        String forumCode = "P-" + forumId.toString().substring(0, 8);
        // The reply overtakes the invitation (another topic): its row exists before InvitationIssued.
        Fixtures.publishAll(List.of(new InvitationAccepted(UUID.randomUUID(), Instant.now(), invitationId, 1,
                ParticipationMode.IN_PERSON, List.of(), ReplyChannel.WEB, false)));
        awaitCount(1, "select count(*) from invitation where id = ? and reply_status = 'ACCEPTED' and not issued",
                invitationId);

        InvitationIssued first = issued(invitationId, forumId, forumCode, "CH", 1);
        Fixtures.publishAll(List.of(first,
                new PersonalLinkReissued(UUID.randomUUID(), Instant.now(), invitationId, 3,
                        Instant.now().plus(Duration.ofDays(30)))));
        awaitCount(1, "select count(*) from invitation where id = ? and issued and link_version = 3", invitationId);
        assertThat(count("select count(*) from forum where id = ? and code = ?", forumId, forumCode))
                .as("the placeholder of a forum whose edition has not arrived").isEqualTo(1);

        // Re-published with an older link version and another member state; then the first event again (a
        // redelivery, same id), then a marker on the same partition.
        InvitationIssued republished = issued(invitationId, forumId, forumCode, "LI", 2);
        Fixtures.publishAll(List.of(republished, first,
                new PersonalLinkReissued(UUID.randomUUID(), Instant.now(), invitationId, 4,
                        Instant.now().plus(Duration.ofDays(30)))));
        awaitCount(1, "select count(*) from invitation where id = ? and link_version = 4", invitationId);

        assertThat(count("""
                select count(*) from invitation
                 where id = ? and issued and member_state = 'LI' and rank = 'MINISTER' and preferred_language = 'en'
                   and reply_status = 'ACCEPTED' and reply_version = 1 and attendance_mode = 'IN_PERSON'""",
                invitationId)).isEqualTo(1);
        assertThat(count("select count(*) from inbox_processed_event where event_id in (?, ?)", first.eventId(),
                republished.eventId())).isEqualTo(2);
    }
}
