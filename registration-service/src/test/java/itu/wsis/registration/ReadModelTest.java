package itu.wsis.registration;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Deadline;
import itu.wsis.events.ForumEditionPublished;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.Language;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.ResponseDeadlineExtended;
import itu.wsis.registration.domain.ResponseDeadline;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;

/** The view of invitations, built from real events on the real broker. */
@QuarkusTest
@RegistrationServiceTest
class ReadModelTest {

    @Inject
    Clock clock;

    static long count(String sql, Object... params) {
        return TestPostgres.queryLong(RegistrationServiceTest.DATABASE, sql, params);
    }

    @Test
    void aRedeliveredInvitationEventHasNoSecondEffect() {
        ResponseDeadline original = Invitations.deadlineIn(clock, 10);
        InvitationIssued issued = Invitations.event(UUID.randomUUID(), "CH", Language.FR, original);
        ResponseDeadline extended = ResponseDeadline.endOfDay(original.date().plusDays(5), original.zone());

        TestKafka.publish(issued);
        TestKafka.publish(new ResponseDeadlineExtended(UUID.randomUUID(), Instant.now(), issued.invitationId(),
                new Deadline(extended.date(), extended.zone().getId(), extended.endsAt())));
        // The broker hands the same InvitationIssued over again (a producer retry, a rebalance): applied a second
        // time it would put the original deadline back.
        TestKafka.publish(issued);
        // Same key, same partition: once this marker is applied, both copies before it have been consumed.
        TestKafka.publish(new PersonalLinkReissued(UUID.randomUUID(), Instant.now(), issued.invitationId(), 2,
                Instant.now().plus(Duration.ofDays(30))));

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from invitation_view where invitation_id = ? and link_version = 2",
                issued.invitationId()) == 1);
        assertThat(count("select count(*) from invitation_view where invitation_id = ? and deadline_date = ?",
                issued.invitationId(), Date.valueOf(extended.date()))).isEqualTo(1);
        assertThat(count("select count(*) from inbox_processed_event where event_id = ?", issued.eventId()))
                .isEqualTo(1);
    }

    @Test
    void aRepublishedInvitationTakesTheNewValuesButKeepsItsRevocationAndNewerLink() {
        ResponseDeadline first = Invitations.deadlineIn(clock, 10);
        InvitationIssued issued = Invitations.event(UUID.randomUUID(), "CH", Language.FR, first);
        Instant reissuedExpiry = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
        TestKafka.publish(issued);
        TestKafka.publish(new PersonalLinkReissued(UUID.randomUUID(), Instant.now(), issued.invitationId(), 3,
                reissuedExpiry));
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), Instant.now(), issued.invitationId(), "test"));
        // invitation-service publishes the invitation again (a new event id), with link version 2 and another
        // deadline and member state: the deadline and state are taken, the older link version is not.
        ResponseDeadline second = ResponseDeadline.endOfDay(first.date().plusDays(3), first.zone());
        InvitationIssued other = Invitations.event(issued.forumId(), "LI", Language.ES, second);
        InvitationIssued again = new InvitationIssued(UUID.randomUUID(), Instant.now(), issued.invitationId(),
                other.forumId(), other.forumCode(), other.letterId(), other.letterReference(), other.invitee(),
                other.responseDeadline(), other.speakingRequestDeadline(), 2, Instant.now().plus(Duration.ofDays(10)));
        TestKafka.publish(again);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from inbox_processed_event where event_id = ?", again.eventId()) == 1);
        assertThat(count("""
                select count(*) from invitation_view
                 where invitation_id = ? and member_state = 'LI' and preferred_language = 'es' and deadline_date = ?
                   and link_version = 3 and link_expires_at = ? and revoked_at is not null""",
                issued.invitationId(), Date.valueOf(second.date()), java.sql.Timestamp.from(reissuedExpiry)))
                .isEqualTo(1);
    }

    @Test
    void anInvitationIssuedAfterItsPersonWasErasedStartsErased() {
        InvitationIssued issued = Invitations.event(UUID.randomUUID(), "AT", Language.EN, Invitations.deadlineIn(clock, 10));
        Instant erasedAt = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        // The erasure's tombstone, as an erasure that overtook the invitation on another partition leaves it.
        TestPostgres.execute(RegistrationServiceTest.DATABASE,
                "insert into personal_data_erasure (invitation_id, erasure_id, erased_at) values (?, ?, ?)",
                issued.invitationId(), UUID.randomUUID(), java.sql.Timestamp.from(erasedAt));
        TestKafka.publish(issued);

        Invitations.awaitKnown(issued.invitationId());
        assertThat(count("select count(*) from invitation_view where invitation_id = ? and erased_at = ?",
                issued.invitationId(), java.sql.Timestamp.from(erasedAt))).isEqualTo(1);
    }

    @Test
    void anUnreadableEventGoesToThisServicesDeadLetterTopicAndTheNextOneIsApplied() {
        InvitationIssued next = Invitations.event(UUID.randomUUID(), "SN", Language.FR, Invitations.deadlineIn(clock, 10));
        String poison = "{\"type\":\"InvitationIssued.v1\",\"invitationId\":\"" + next.invitationId() + "\",";
        TestKafka.publish("wsis.invitation-events", next.invitationId().toString(), poison, Map.of());
        TestKafka.publish(next);

        Invitations.awaitKnown(next.invitationId());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.records("wsis.dlq.registration-service").stream()
                .anyMatch(r -> poison.equals(r.value())));
    }

    @Test
    void theInviteeSeesTheForumsNamesOfItsLatestRevision() {
        UUID forumId = UUID.randomUUID();
        ForumEditionPublished latest = edition(forumId, 2, "WSIS Forum 2022", "Forum 2022 du SMSI");
        ForumEditionPublished older = edition(forumId, 1, "Draft name", "Nom provisoire");
        TestKafka.publish(latest);
        TestKafka.publish(older);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from inbox_processed_event where event_id = ?", older.eventId()) == 1);

        Invitations.Issued invitation = Invitations.issue(clock, forumId, "FR", Language.FR, Invitations.deadlineIn(clock, 10));
        given().header(PersonalLinks.HEADER, invitation.link()).when().get("/invitations/{id}", invitation.id())
                .then().statusCode(200)
                .body("forumNames.en", equalTo("WSIS Forum 2022"))
                .body("forumNames.fr", equalTo("Forum 2022 du SMSI"));
    }

    static ForumEditionPublished edition(UUID forumId, long revision, String en, String fr) {
        return new ForumEditionPublished(UUID.randomUUID(), Instant.now(), forumId, revision, "WSIS-2022",
                Map.of(Language.EN, en, Language.FR, fr), Map.of(), LocalDate.of(2022, 3, 15),
                LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 3), "ITU headquarters, Geneva", "hybrid",
                "Europe/Zurich", "https://www.itu.int/net4/wsis/forum/2022/", null, null);
    }

    @Test
    void theViewKeepsWhatEligibilityAndStatisticsNeedAndNoContactDetails() {
        InvitationIssued issued = Invitations.event(UUID.randomUUID(), "KE", Language.EN, Invitations.deadlineIn(clock, 10));
        TestKafka.publish(issued);
        Invitations.awaitKnown(issued.invitationId());

        assertThat(count("""
                select count(*) from invitation_view
                 where invitation_id = ? and member_state = 'KE' and preferred_language = 'en'
                   and invitee_rank = 'MINISTER' and letter_reference = 'CL-22/010' and link_version = 1
                   and revoked_at is null""", issued.invitationId())).isEqualTo(1);
    }
}
