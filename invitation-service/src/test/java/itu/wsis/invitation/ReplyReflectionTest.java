package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.ReplyStatus;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.repository.ReplyReflectionRepository;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply's one statement follows the domain's rule ({@link InvitationStatus#reflect}) for every stored status and
 * every reply, moves the change time only when the status changes, never takes an older version, and writes nothing
 * for an event id it has seen.
 */
@QuarkusTest
@InvitationServiceTest
class ReplyReflectionTest {

    static final String DB = InvitationServiceTest.DATABASE;
    static final Instant BEFORE = Instant.parse("2022-03-21T09:00:00Z");
    static final Instant NOW = Instant.parse("2022-04-02T10:30:00Z");
    static final String TOPIC = "wsis.registration-events";

    @Inject
    ReplyReflectionRepository reflections;

    @Test
    void everyStoredStatusTakesEveryReplyAsTheDomainSays() {
        UUID letter = Fixtures.publishedLetter();
        for (InvitationStatus stored : InvitationStatus.values()) {
            if (!stored.stored()) {
                continue;
            }
            for (ReplyStatus reply : ReplyStatus.values()) {
                UUID invitation = Fixtures.issue(letter, Fixtures.createInvitee("BR"));
                TestPostgres.execute(DB, "update invitation set status = ?, reply_version = 1,"
                        + " status_changed_at = cast(? as timestamptz) where id = ?", stored.name(), BEFORE.toString(),
                        invitation);
                InvitationStatus expected = stored.reflect(reply);
                var r = reflect(UUID.randomUUID(), invitation, 2, reply, NOW);
                assertThat(r).isEqualTo(new ReplyReflectionRepository.Reflected(true, true, true));
                assertThat(row(invitation)).as("%s after %s", stored, reply).isEqualTo(expected + " " + reply
                        + " 2 " + (expected == stored ? BEFORE : NOW));
            }
        }
    }

    @Test
    void anOlderVersionARepeatedEventAndAnUnknownInvitationChangeNothing() {
        UUID invitation = Fixtures.issue(Fixtures.publishedLetter(), Fixtures.createInvitee("CL"));
        UUID first = UUID.randomUUID();
        assertThat(reflect(first, invitation, 2, ReplyStatus.ACCEPTED, NOW).changed()).isTrue();
        // The same event again: its inbox row exists, so nothing is written, not even a newer version.
        assertThat(reflect(first, invitation, 3, ReplyStatus.WITHDRAWN, NOW.plusSeconds(60)))
                .isEqualTo(new ReplyReflectionRepository.Reflected(false, true, false));
        assertThat(row(invitation)).isEqualTo("ACCEPTED ACCEPTED 2 " + NOW);
        // An older version under a new id: recorded in the inbox, not reflected.
        UUID older = UUID.randomUUID();
        assertThat(reflect(older, invitation, 1, ReplyStatus.DECLINED, NOW.plusSeconds(60)))
                .isEqualTo(new ReplyReflectionRepository.Reflected(true, true, false));
        assertThat(row(invitation)).isEqualTo("ACCEPTED ACCEPTED 2 " + NOW);
        assertThat(TestPostgres.queryLong(DB, "select count(*) from inbox_processed_event where event_id = ?", older))
                .isEqualTo(1);

        assertThat(reflect(UUID.randomUUID(), UUID.randomUUID(), 1, ReplyStatus.ACCEPTED, NOW))
                .isEqualTo(new ReplyReflectionRepository.Reflected(true, false, false));
    }

    private ReplyReflectionRepository.Reflected reflect(UUID eventId, UUID invitation, int version, ReplyStatus reply,
                                                        Instant now) {
        return reflections.reflect(eventId, "InvitationAccepted.v1", TOPIC, invitation, version, reply, now)
                .await().atMost(Duration.ofSeconds(10));
    }

    private static String row(UUID invitation) {
        return TestPostgres.queryString(DB, "select status || ' ' || reply_status || ' ' || reply_version || ' '"
                + " || to_char(status_changed_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " from invitation where id = ?", invitation);
    }
}
