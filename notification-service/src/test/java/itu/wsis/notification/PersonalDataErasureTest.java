package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InviteeContact;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.PersonalDataErased;
import itu.wsis.events.PersonalDataErasureRequested;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.Topic;
import itu.wsis.events.Delegate;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service's part of an erasure: what the retention purge erases, for one person's invitations, at
 * once; what is still pending is cancelled; events that come later for those invitations store nothing personal
 * and send nothing; a redelivered request changes nothing.
 */
@QuarkusTest
@NotificationServiceTest
class PersonalDataErasureTest {

    static final String DB = NotificationServiceTest.DATABASE;

    @Inject
    Clock clock;

    static long count(String sql, Object... params) {
        return TestPostgres.queryLong(DB, sql, params);
    }

    static List<PersonalDataErased> reports(UUID erasureId) {
        return TestKafka.events(Topic.NOTIFICATION.topicName(), PersonalDataErased.class).stream()
                .filter(e -> e.erasureId().equals(erasureId)).toList();
    }

    @Test
    void theDirectoryAndTheDeliveryLogForgetThePersonAndStayThatWay() {
        Fixtures.World world = Fixtures.world(clock);
        String email = Fixtures.email("erased");
        InvitationIssued sent = Fixtures.invitation(world, clock, Language.EN, email, Rank.MINISTER, "Ms",
                "Europe/Zurich", "Jane Erasable");
        TestKafka.publish(sent);
        Mails.awaitSubject(email, Fixtures.LETTER.get(Language.EN).subject());
        TestKafka.publish(new InvitationAccepted(UUID.randomUUID(), clock.instant(), sent.invitationId(), 1,
                ParticipationMode.IN_PERSON, List.of(new Delegate("Jane Erasable", "Minister", true)),
                ReplyChannel.WEB, false));
        Mails.awaitSubject(email, "your acceptance has been received");
        // A second invitation of the same person whose letter this service does not know: its email waits.
        String waitingEmail = Fixtures.email("erased-waiting");
        InvitationIssued waiting = new InvitationIssued(UUID.randomUUID(), clock.instant(), UUID.randomUUID(),
                world.forumId(), "WSIS2022", UUID.randomUUID(), "CL-22/011",
                new InviteeContact(UUID.randomUUID(), "CHE", "Jane Erasable", "Ms", Rank.MINISTER, "Minister",
                        waitingEmail, List.of("assistant@example.org"), Language.EN, "Europe/Zurich"),
                world.response(), world.speaking(), 1, clock.instant().plus(Duration.ofDays(400)));
        TestKafka.publish(waiting);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from notification where invitation_id = ? and status = 'PENDING'",
                waiting.invitationId()) == 1);
        UUID notYetIssued = UUID.randomUUID();

        UUID erasureId = UUID.randomUUID();
        PersonalDataErasureRequested request = new PersonalDataErasureRequested(UUID.randomUUID(), clock.instant(),
                erasureId, sent.invitee().inviteeId(), List.of(sent.invitationId(), waiting.invitationId(), notYetIssued));
        TestKafka.publish(request);

        PersonalDataErased report = await().atMost(Duration.ofSeconds(30))
                .until(() -> reports(erasureId), l -> !l.isEmpty()).get(0);
        assertThat(report.service()).isEqualTo("notification-service");
        assertThat(report.erased()).containsEntry("contacts", 2).containsEntry("deliveryLogEntries", 2)
                .containsEntry("cancelledNotifications", 1);

        assertThat(count("""
                select count(*) from contact where invitation_id in (?, ?, ?) and erased_at is not null
                   and full_name is null and form_of_address is null and title is null and email is null
                   and cc is null""", sent.invitationId(), waiting.invitationId(), notYetIssued)).isEqualTo(3);
        assertThat(count("select count(*) from notification where invitation_id in (?, ?)"
                        + " and (payload is not null or recipient is not null)", sent.invitationId(), waiting.invitationId()))
                .isZero();
        assertThat(count("select count(*) from notification where invitation_id = ? and status = 'CANCELLED'"
                + " and last_error = 'personal data erased'", waiting.invitationId())).isEqualTo(1);
        assertThat(count("select count(*) from notification where invitation_id = ? and status = 'SENT'"
                + " and message_id is not null", sent.invitationId())).as("what is not personal stays").isEqualTo(2);

        // Later events for these invitations: no personal data stored, no intent, no email.
        InvitationAccepted laterReply = new InvitationAccepted(UUID.randomUUID(), clock.instant(), sent.invitationId(),
                2, ParticipationMode.REMOTE, List.of(new Delegate("Jane Erasable", "Minister", true)),
                ReplyChannel.WEB, false);
        TestKafka.publish(laterReply);
        TestKafka.publish(new InvitationIssued(UUID.randomUUID(), clock.instant(), notYetIssued, world.forumId(),
                "WSIS2022", world.letterId(), "CL-22/010", sent.invitee(), world.response(), world.speaking(), 1,
                clock.instant().plus(Duration.ofDays(400))));
        TestKafka.publish(sent); // a redelivery of the original with its event id: the inbox has it
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from inbox_processed_event where event_id = ?", laterReply.eventId()) == 1);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertThat(count("select count(*) from notification where invitation_id in (?, ?)", sent.invitationId(),
                notYetIssued)).isEqualTo(2);
        assertThat(count("select count(*) from contact where invitation_id in (?, ?) and email is null"
                + " and full_name is null", sent.invitationId(), notYetIssued)).isEqualTo(2);
        assertThat(Mails.to(email)).hasSize(2);

        // A sender that loaded a row before the erasure and records after it cannot write the address back.
        TestPostgres.execute(DB, "update notification set recipient = ?, payload = '{}' where invitation_id = ?",
                email, sent.invitationId());
        assertThat(count("select count(*) from notification where invitation_id = ?"
                + " and (payload is not null or recipient is not null)", sent.invitationId())).isZero();

        TestKafka.publish(request);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(reports(erasureId)).hasSize(1);
    }
}
