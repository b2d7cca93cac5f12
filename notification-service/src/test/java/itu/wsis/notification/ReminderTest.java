package itu.wsis.notification;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Deadline;
import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.InvitationIssued;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.Speaker;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.support.time.MovableClock;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reminders on the schedule of the injected, movable clock: the right people, at their local time, once. */
@QuarkusTest
@NotificationServiceTest
class ReminderTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String NEW_YORK = "America/New_York";
    static final String RESPONSE_REMINDER = "please reply to the invitation by";
    static final String SPEAKING_REMINDER = "speaking requests are due by";

    @Inject
    Clock clock;

    MovableClock movable() {
        return (MovableClock) clock;
    }

    static long reminders(UUID invitationId, String kind) {
        return TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select count(*) from notification where invitation_id = ? and kind = ?", invitationId, kind);
    }

    static void sweep() {
        given().auth().oauth2(TestTokens.ops()).post("/ops/notifications/reminders/sweep").then().statusCode(200);
    }

    static long mails(InvitationIssued i, String subjectPart) {
        return Mails.to(i.invitee().email()).stream().filter(m -> Mails.subject(m).contains(subjectPart)).count();
    }

    static Instant tokyo(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), TOKYO).toInstant();
    }

    @Test
    void remindersGoToTheRightPeopleAtTheirLocalTimeExactlyOnce() {
        // The reminders of this test fall 8, 7, 3 and 2 days before the deadline day: all on weekdays when that day
        // is a Thursday or a Friday in Tokyo (the weekend is tested on its own).
        LocalDate day = clock.instant().atZone(TOKYO).toLocalDate().plusDays(13);
        while (day.minusDays(8).getDayOfWeek() != DayOfWeek.WEDNESDAY
                && day.minusDays(8).getDayOfWeek() != DayOfWeek.THURSDAY) {
            day = day.plusDays(1);
        }
        LocalDate x = day;
        Instant deadlineAt = tokyo(x, 3);
        Deadline deadline = Fixtures.deadlineAt(deadlineAt);
        Fixtures.World world = Fixtures.world(clock, Fixtures.FORUM_NAMES, Fixtures.LETTER, Language.EN, deadline, deadline);

        InvitationIssued waiting = issue(world, "waiting", "Asia/Tokyo");
        InvitationIssued newYork = issue(world, "newyork", NEW_YORK);
        InvitationIssued declined = issue(world, "declined", "Asia/Tokyo");
        InvitationIssued revoked = issue(world, "revoked", "Asia/Tokyo");
        InvitationIssued acceptedNoRequest = issue(world, "norequest", "Asia/Tokyo");
        InvitationIssued acceptedWithRequest = issue(world, "withrequest", "Asia/Tokyo");
        Instant now = clock.instant();
        TestKafka.publish(new InvitationDeclined(UUID.randomUUID(), now, declined.invitationId(), 1, null, ReplyChannel.WEB, false));
        TestKafka.publish(new InvitationRevoked(UUID.randomUUID(), now, revoked.invitationId(), "sent in error"));
        TestKafka.publish(accepted(acceptedNoRequest, now));
        TestKafka.publish(accepted(acceptedWithRequest, now));
        TestKafka.publish(new SpeakingRequestSubmitted(UUID.randomUUID(), now, acceptedWithRequest.invitationId(),
                UUID.randomUUID(), new Speaker("A. Speaker", "Minister", Rank.MINISTER, false), List.of(), Language.EN,
                SpeakingModality.IN_PERSON, "Connectivity", false));
        await().atMost(Duration.ofSeconds(45)).until(() -> TestPostgres.queryLong(NotificationServiceTest.DATABASE, """
                select count(*) from contact where invitation_id in (?, ?, ?, ?, ?, ?) and issued_at is not null
                   and (revoked_at is not null or invitation_id not in (?)) and
                   (speaking_requested or invitation_id <> ?)""", waiting.invitationId(), newYork.invitationId(),
                declined.invitationId(), revoked.invitationId(), acceptedNoRequest.invitationId(),
                acceptedWithRequest.invitationId(), revoked.invitationId(), acceptedWithRequest.invitationId()) == 6
                && TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select count(*) from contact where invitation_id in (?, ?, ?) and reply_status is not null",
                declined.invitationId(), acceptedNoRequest.invitationId(), acceptedWithRequest.invitationId()) == 3);

        // Nothing is due yet, 13 days ahead.
        sweep();
        assertThat(reminders(waiting.invitationId(), "REMINDER_RESPONSE")).isZero();

        // Seven days before the deadline it is 03:00 in Tokyo (never at night) and 13:00 or 14:00 in New York.
        movable().advanceTo(deadlineAt.minus(Duration.ofDays(7)));
        sweep();
        assertThat(reminders(waiting.invitationId(), "REMINDER_RESPONSE")).isZero();
        assertThat(reminders(newYork.invitationId(), "REMINDER_RESPONSE")).isEqualTo(1);
        assertThat(createdLocalTime(newYork.invitationId(), "REMINDER_RESPONSE", ZoneId.of(NEW_YORK)))
                .isBetween(LocalTime.of(9, 0), LocalTime.of(17, 59));
        // Sent before the clock moves on: once the recipient's working day is over, a reminder still waiting would
        // wait for the next one (aReminderRetriedOutsideTheRecipientsWorkingHours...).
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(newYork, RESPONSE_REMINDER) == 1);

        // 10:00 in Tokyo: the Tokyo invitee is reminded; New York is not reminded twice.
        movable().advanceTo(tokyo(x.minusDays(7), 10));
        sweep();
        sweep();
        assertThat(reminders(waiting.invitationId(), "REMINDER_RESPONSE")).isEqualTo(1);
        assertThat(reminders(newYork.invitationId(), "REMINDER_RESPONSE")).isEqualTo(1);
        MimeMessage reminder = Mails.awaitSubject(waiting.invitee().email(), RESPONSE_REMINDER);
        assertThat(Mails.subject(reminder)).startsWith("[Action required] CL-22/010 – WSIS Forum 2022: " + RESPONSE_REMINDER);
        assertThat(Mails.salutation(reminder)).isEqualTo("Excellency,");
        assertThat(Mails.text(reminder)).contains("(Geneva time) — your local time: ").doesNotContain("Asia/Tokyo");
        assertThat(Mails.linkClaims(reminder).invitationId()).isEqualTo(waiting.invitationId());
        assertThat(createdLocalTime(waiting.invitationId(), "REMINDER_RESPONSE", TOKYO)).isEqualTo(LocalTime.of(10, 0));

        // Three days before: the accepted delegation without a speaking request.
        movable().advanceTo(tokyo(x.minusDays(3), 10));
        sweep();
        assertThat(reminders(acceptedNoRequest.invitationId(), "REMINDER_SPEAKING_REQUEST")).isEqualTo(1);
        Mails.awaitSubject(acceptedNoRequest.invitee().email(), SPEAKING_REMINDER);

        // The Tokyo invitee replies; a new invitee arrives whose 7-day reminder was never swept (as after downtime).
        TestKafka.publish(new InvitationDeclined(UUID.randomUUID(), clock.instant(), waiting.invitationId(), 1, null,
                ReplyChannel.WEB, false));
        InvitationIssued missed = issue(world, "missed", "Asia/Tokyo");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select count(*) from contact where (invitation_id = ? and reply_status is not null) or (invitation_id = ? and issued_at is not null)",
                waiting.invitationId(), missed.invitationId()) == 2);

        // Two days before: the working hours of Tokyo, then those of New York (they do not overlap).
        movable().advanceTo(tokyo(x.minusDays(2), 10));
        sweep();
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(missed, RESPONSE_REMINDER) == 1);
        assertThat(reminders(newYork.invitationId(), "REMINDER_RESPONSE")).as("night in New York").isEqualTo(1);
        movable().advanceTo(tokyo(x.minusDays(2), 23));
        sweep();
        sweep();
        assertThat(reminders(waiting.invitationId(), "REMINDER_RESPONSE")).as("never after a reply").isEqualTo(1);
        assertThat(reminders(newYork.invitationId(), "REMINDER_RESPONSE")).isEqualTo(2);
        assertThat(reminders(missed.invitationId(), "REMINDER_RESPONSE")).as("the missed 7-day reminder is skipped")
                .isEqualTo(1);
        assertThat(TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select count(*) from notification where invitation_id = ? and intent_key like '%offset:PT48H%'",
                missed.invitationId())).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> mails(newYork, RESPONSE_REMINDER) == 2
                && mails(missed, RESPONSE_REMINDER) == 1);

        // After the deadline: nothing more, for anyone.
        long before = TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select count(*) from notification where kind like 'REMINDER%'");
        movable().advanceTo(deadlineAt.plus(Duration.ofHours(8)));
        sweep();
        movable().advanceTo(deadlineAt.plus(Duration.ofHours(20)));
        sweep();
        assertThat(TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select count(*) from notification where kind like 'REMINDER%' and invitation_id in (?, ?, ?, ?)",
                waiting.invitationId(), newYork.invitationId(), missed.invitationId(), acceptedNoRequest.invitationId()))
                .isEqualTo(5);
        assertThat(before).isPositive();
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(mails(waiting, RESPONSE_REMINDER)).isEqualTo(1);
        assertThat(mails(newYork, RESPONSE_REMINDER)).isEqualTo(2);
        assertThat(mails(missed, RESPONSE_REMINDER)).isEqualTo(1);
        assertThat(mails(acceptedNoRequest, SPEAKING_REMINDER)).isEqualTo(1);
        assertThat(mails(acceptedNoRequest, RESPONSE_REMINDER)).isZero();
        for (InvitationIssued none : List.of(declined, revoked, acceptedWithRequest)) {
            assertThat(reminders(none.invitationId(), "REMINDER_RESPONSE")).isZero();
            assertThat(reminders(none.invitationId(), "REMINDER_SPEAKING_REQUEST")).isZero();
        }
    }

    @Test
    void noReminderOnTheRecipientsWeekendWhichIsTheirMemberStates() {
        // A Saturday in Tokyo at least nine days ahead; the deadline a week later, so that the 7-day reminder comes
        // due on that Saturday at 03:00 in Tokyo (and on Friday evening in Riyadh).
        LocalDate saturday = clock.instant().atZone(TOKYO).toLocalDate().plusDays(9);
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
            saturday = saturday.plusDays(1);
        }
        Instant deadlineAt = tokyo(saturday.plusDays(7), 3);
        Deadline deadline = Fixtures.deadlineAt(deadlineAt);
        Fixtures.World world = Fixtures.world(clock, Fixtures.FORUM_NAMES, Fixtures.LETTER, Language.EN, deadline, deadline);
        InvitationIssued tokyo = issue(world, "weekend-tokyo", "Asia/Tokyo");
        InvitationIssued riyadh = Fixtures.invitation(world, clock, Language.AR, Fixtures.email("weekend-riyadh"),
                Rank.MINISTER, "Ms", "Asia/Riyadh", "Invitee Riyadh", "SA");
        TestKafka.publish(riyadh);
        awaitIssued(tokyo, riyadh);
        ZoneId riyadhZone = ZoneId.of("Asia/Riyadh");

        // Saturday 10:00 in Tokyo (04:00 in Riyadh), Saturday 10:00 in Riyadh: the weekend for both.
        movable().advanceTo(tokyo(saturday, 10));
        sweep();
        movable().advanceTo(ZonedDateTime.of(saturday, LocalTime.of(10, 0), riyadhZone).toInstant());
        sweep();
        assertThat(reminders(tokyo.invitationId(), "REMINDER_RESPONSE")).isZero();
        assertThat(reminders(riyadh.invitationId(), "REMINDER_RESPONSE")).isZero();

        // Sunday 10:00 in Riyadh (15:00 in Tokyo): a working day in Saudi Arabia only.
        movable().advanceTo(ZonedDateTime.of(saturday.plusDays(1), LocalTime.of(10, 0), riyadhZone).toInstant());
        sweep();
        assertThat(reminders(riyadh.invitationId(), "REMINDER_RESPONSE")).isEqualTo(1);
        assertThat(reminders(tokyo.invitationId(), "REMINDER_RESPONSE")).isZero();
        assertThat(createdLocalTime(riyadh.invitationId(), "REMINDER_RESPONSE", riyadhZone)).isEqualTo(LocalTime.of(10, 0));
        MimeMessage arabic = Mails.awaitSubject(riyadh.invitee().email(), "يرجى الرد على الدعوة");
        assertThat(Mails.subject(arabic)).startsWith("[إجراء مطلوب] CL-22/010 – ");

        // Monday 10:00 in Tokyo.
        movable().advanceTo(tokyo(saturday.plusDays(2), 10));
        sweep();
        assertThat(reminders(tokyo.invitationId(), "REMINDER_RESPONSE")).isEqualTo(1);
        assertThat(createdLocalTime(tokyo.invitationId(), "REMINDER_RESPONSE", TOKYO)).isEqualTo(LocalTime.of(10, 0));
        Mails.awaitSubject(tokyo.invitee().email(), RESPONSE_REMINDER);
    }

    @Test
    void aReminderRetriedOutsideTheRecipientsWorkingHoursWaitsForThemWithoutCountingAnAttempt() {
        // A Wednesday in Tokyo at least nine days ahead, with the deadline a week later.
        LocalDate wednesday = clock.instant().atZone(TOKYO).toLocalDate().plusDays(9);
        while (wednesday.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
            wednesday = wednesday.plusDays(1);
        }
        Instant deadlineAt = tokyo(wednesday.plusDays(7), 3);
        Deadline deadline = Fixtures.deadlineAt(deadlineAt);
        Fixtures.World world = Fixtures.world(clock, Fixtures.FORUM_NAMES, Fixtures.LETTER, Language.EN, deadline, deadline);
        InvitationIssued swept = issue(world, "retry-swept", "Asia/Tokyo");
        awaitIssued(swept);
        movable().advanceTo(tokyo(wednesday, 10));
        sweep();
        Mails.awaitSubject(swept.invitee().email(), RESPONSE_REMINDER);
        String payload = TestPostgres.queryString(NotificationServiceTest.DATABASE,
                "select payload from notification where invitation_id = ? and kind = 'REMINDER_RESPONSE'",
                swept.invitationId());

        // Another invitee's reminder failed at 10:00 and its retry comes due at 23:00 in Tokyo, as after an SMTP
        // outage of the evening: the sender must not deliver it at night.
        InvitationIssued retried = issue(world, "retry-night", "Asia/Tokyo");
        awaitIssued(retried);
        movable().advanceTo(tokyo(wednesday, 23));
        UUID id = UUID.randomUUID();
        TestPostgres.execute(NotificationServiceTest.DATABASE, """
                insert into notification (id, intent_key, invitation_id, kind, status, payload, attempts, next_attempt_at,
                                          last_error, created_at)
                values (?, ?, ?, 'REMINDER_RESPONSE', 'PENDING', ?, 2, ?, 'smtp 451: transient failure', ?)""",
                id, itu.wsis.notification.domain.IntentKeys.forReminder(itu.wsis.notification.domain.MessageKind
                        .REMINDER_RESPONSE, retried.invitationId(), Duration.ofDays(7), deadlineAt),
                retried.invitationId(), payload, java.sql.Timestamp.from(clock.instant()),
                java.sql.Timestamp.from(tokyo(wednesday, 10)));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select count(*) from notification where id = ? and last_error = 'outside the recipient''s working time'",
                id) == 1);
        assertThat(TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select extract(epoch from next_attempt_at)::bigint from notification where id = ?", id))
                .as("the next morning, 09:00 in Tokyo").isEqualTo(tokyo(wednesday.plusDays(1), 9).getEpochSecond());
        assertThat(TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select attempts from notification where id = ?", id)).as("no attempt counted").isEqualTo(2);
        assertThat(mails(retried, RESPONSE_REMINDER)).isZero();

        // The next morning it goes.
        movable().advanceTo(tokyo(wednesday.plusDays(1), 9).plusSeconds(60));
        MimeMessage m = Mails.awaitSubject(retried.invitee().email(), RESPONSE_REMINDER);
        assertThat(Mails.linkClaims(m).invitationId()).isEqualTo(retried.invitationId());
        assertThat(TestPostgres.queryString(NotificationServiceTest.DATABASE,
                "select status from notification where id = ?", id)).isEqualTo("SENT");
    }

    private static void awaitIssued(InvitationIssued... issued) {
        for (InvitationIssued i : issued) {
            await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                    "select count(*) from contact where invitation_id = ? and issued_at is not null",
                    i.invitationId()) == 1);
        }
    }

    private InvitationIssued issue(Fixtures.World world, String who, String zone) {
        InvitationIssued issued = Fixtures.invitation(world, clock, Language.EN, Fixtures.email(who), Rank.MINISTER,
                "Ms", zone, "Invitee " + who);
        TestKafka.publish(issued);
        return issued;
    }

    private static InvitationAccepted accepted(InvitationIssued issued, Instant at) {
        return new InvitationAccepted(UUID.randomUUID(), at, issued.invitationId(), 1, ParticipationMode.IN_PERSON,
                List.of(), ReplyChannel.WEB, false);
    }

    private static LocalTime createdLocalTime(UUID invitationId, String kind, ZoneId zone) {
        long epoch = TestPostgres.queryLong(NotificationServiceTest.DATABASE,
                "select extract(epoch from min(created_at))::bigint from notification where invitation_id = ? and kind = ?",
                invitationId, kind);
        return Instant.ofEpochSecond(epoch).atZone(zone).toLocalTime().withSecond(0).withNano(0);
    }
}
