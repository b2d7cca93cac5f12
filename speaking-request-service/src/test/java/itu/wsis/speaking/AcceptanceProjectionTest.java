package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static itu.wsis.speaking.Fixtures.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An acceptance in person or with no mode is one statement with its inbox row (AcceptanceRepository): it records the
 * reply as the Hibernate path does, keeps the stored mode when the event names none, never goes back to an older
 * version, and a redelivered event changes nothing. A remote acceptance still takes the Hibernate path.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class AcceptanceProjectionTest {

    @Test
    void anAcceptanceInPersonOrWithoutAModeIsRecordedOnceAndNeverOverANewerVersion() {
        UUID invitationId = UUID.randomUUID();
        // Remote first (the Hibernate path), then a change of the acceptance that names no mode: the mode is kept.
        InvitationAccepted remote = new InvitationAccepted(UUID.randomUUID(), Instant.now(), invitationId, 1,
                ParticipationMode.REMOTE, List.of(), ReplyChannel.WEB, false);
        ReplyChanged unnamed = new ReplyChanged(UUID.randomUUID(), Instant.now(), invitationId, 2, ReplyStatus.ACCEPTED,
                ReplyStatus.ACCEPTED, null, List.of(), ReplyChannel.EMAIL, true, false);
        Fixtures.publishAll(List.of(remote, unnamed));
        awaitInbox(unnamed.eventId());
        assertThat(row(invitationId)).isEqualTo("ACCEPTED 2 REMOTE");

        // In person, version 3; then an older version under a new id: recorded in the inbox, not in the reply.
        InvitationAccepted inPerson = new InvitationAccepted(UUID.randomUUID(), Instant.now(), invitationId, 3,
                ParticipationMode.IN_PERSON, List.of(), ReplyChannel.WEB, false);
        InvitationAccepted older = new InvitationAccepted(UUID.randomUUID(), Instant.now(), invitationId, 2,
                ParticipationMode.IN_PERSON, List.of(), ReplyChannel.WEB, false);
        Fixtures.publishAll(List.of(inPerson, older));
        awaitInbox(older.eventId());
        assertThat(row(invitationId)).isEqualTo("ACCEPTED 3 IN_PERSON");

        // A redelivery of version 3 finds its inbox row and writes nothing, even over a row that went back meanwhile.
        TestPostgres.execute(DB, "update invitation set reply_version = 1, attendance_mode = 'REMOTE' where id = ?",
                invitationId);
        // Same invitation, so the same partition: once this one is in the inbox, the redelivery was handled. Its
        // version is not newer than the row's, so it changes nothing itself.
        InvitationAccepted marker = new InvitationAccepted(UUID.randomUUID(), Instant.now(), invitationId, 1,
                ParticipationMode.IN_PERSON, List.of(), ReplyChannel.WEB, false);
        Fixtures.publishAll(List.of(inPerson, marker));
        awaitInbox(marker.eventId());
        assertThat(row(invitationId)).isEqualTo("ACCEPTED 1 REMOTE");
        assertThat(TestPostgres.queryLong(DB, "select count(*) from inbox_processed_event where event_id = ?",
                inPerson.eventId())).isEqualTo(1);
    }

    private static void awaitInbox(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from inbox_processed_event where event_id = ?", eventId) == 1);
    }

    private static String row(UUID invitationId) {
        return TestPostgres.queryString(DB, "select reply_status || ' ' || reply_version || ' ' || attendance_mode"
                + " from invitation where id = ?", invitationId);
    }
}
