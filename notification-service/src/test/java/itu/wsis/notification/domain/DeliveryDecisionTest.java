package itu.wsis.notification.domain;

import itu.wsis.notification.domain.DeliveryDecision.Cancel;
import itu.wsis.notification.domain.DeliveryDecision.Fail;
import itu.wsis.notification.domain.DeliveryDecision.OtherEmails;
import itu.wsis.notification.domain.DeliveryDecision.Reason;
import itu.wsis.notification.domain.DeliveryDecision.ReminderFacts;
import itu.wsis.notification.domain.DeliveryDecision.Retry;
import itu.wsis.notification.domain.DeliveryDecision.Skip;
import itu.wsis.notification.domain.DeliveryDecision.Wait;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryDecisionTest {

    static final WorkingTime WORKING = new WorkingTime(LocalTime.of(9, 0), LocalTime.of(18, 0),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Map.of("SA", EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)));
    static final RetryPolicy RETRIES = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 5);
    static final Duration WAIT = Duration.ofMinutes(1);
    static final DeliveryDecision.Rules RULES = new DeliveryDecision.Rules(
            new ReminderPolicy(java.util.List.of(Duration.ofDays(7)), java.util.List.of(Duration.ofDays(3)), WORKING,
                    Duration.ofHours(12)), RETRIES, WAIT);
    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    /** Tuesday 12 April 2022, 11:00 in Geneva: working time there. */
    static final Instant NOW = ZonedDateTime.of(2022, 4, 12, 11, 0, 0, 0, GENEVA).toInstant();
    static final Instant DEADLINE = NOW.plus(Duration.ofDays(3));
    static final String EMAIL = "minister@example.org";

    /** An issued, known invitation with its letter and forum, a readable payload, a valid address. */
    static DeliveryDecision decide(MessageKind kind, ReminderFacts reminder, Instant now) {
        return RULES.beforeSending(kind, true, true, false, false, true, true, reminder, EMAIL, now);
    }

    static ReminderFacts openResponse(ZoneId zone, String memberState, boolean replied, boolean revoked) {
        return new ReminderFacts(new ReminderPolicy.OpenInvitation(UUID.randomUUID(), zone, memberState, DEADLINE,
                null, replied, false, false, revoked), ReminderPolicy.DeadlineType.RESPONSE, DEADLINE);
    }

    @Test
    void anIssuedInvitationWithEverythingKnownIsSent() {
        assertThat(decide(MessageKind.REPLY_ACCEPTED, null, NOW)).isSameAs(DeliveryDecision.SEND);
        assertThat(decide(MessageKind.INVITATION, null, NOW)).isSameAs(DeliveryDecision.SEND);
    }

    @Test
    void aRevokedInvitationCancelsEveryEmailButItsRevocationNotice() {
        assertThat(RULES.beforeSending(MessageKind.REPLY_ACCEPTED, true, true, true, false, true, true, null, EMAIL,
                NOW)).isEqualTo(new Cancel(Reason.INVITATION_REVOKED));
        assertThat(RULES.beforeSending(MessageKind.INVITATION_REVOKED, true, true, true, false, true, true, null,
                EMAIL, NOW)).isSameAs(DeliveryDecision.ASK_ABOUT_THE_INVITATIONS_OTHER_EMAILS);
    }

    @Test
    void erasedPersonalDataCancelsEvenTheRevocationNotice() {
        assertThat(RULES.beforeSending(MessageKind.INVITATION_REVOKED, true, true, true, true, true, true, null, EMAIL,
                NOW)).isEqualTo(new Cancel(Reason.PERSONAL_DATA_ERASED));
        assertThat(RULES.beforeSending(MessageKind.REPLY_ACCEPTED, true, true, false, true, true, true, null, EMAIL,
                NOW)).isEqualTo(new Cancel(Reason.PERSONAL_DATA_ERASED));
    }

    @Test
    void whatTheDirectoryDoesNotKnowYetIsWaitedForBeforeAnythingIsRead() {
        assertThat(RULES.beforeSending(MessageKind.REPLY_ACCEPTED, false, false, false, false, false, false, null,
                null, NOW)).isEqualTo(new Wait(NOW.plus(WAIT), Reason.WAITING_FOR_THE_INVITATION));
        assertThat(RULES.beforeSending(MessageKind.REPLY_ACCEPTED, true, false, false, false, true, true, null,
                EMAIL, NOW)).isEqualTo(new Wait(NOW.plus(WAIT), Reason.WAITING_FOR_THE_INVITATION));
        assertThat(RULES.beforeSending(MessageKind.REPLY_ACCEPTED, true, true, false, false, false, false, null,
                EMAIL, NOW)).isEqualTo(new Wait(NOW.plus(WAIT), Reason.WAITING_FOR_THE_LETTER_OR_FORUM));
    }

    @Test
    void anUnreadablePayloadFailsAndSoDoesAnInvalidAddress() {
        assertThat(RULES.beforeSending(MessageKind.REMINDER_RESPONSE, true, true, false, false, true, false, null,
                EMAIL, NOW)).isEqualTo(new Fail(Reason.UNREADABLE_PAYLOAD));
        assertThat(RULES.beforeSending(MessageKind.REPLY_ACCEPTED, true, true, false, false, true, true, null,
                "not an address", NOW)).isEqualTo(new Fail(Reason.INVALID_ADDRESS));
        assertThat(RULES.beforeSending(MessageKind.REPLY_ACCEPTED, true, true, false, false, true, true, null,
                null, NOW)).isEqualTo(new Fail(Reason.INVALID_ADDRESS));
    }

    @Test
    void aReminderThatIsNoLongerUsefulIsSkipped() {
        assertThat(decide(MessageKind.REMINDER_RESPONSE, openResponse(GENEVA, "CH", false, false), NOW))
                .isSameAs(DeliveryDecision.SEND);
        assertThat(decide(MessageKind.REMINDER_RESPONSE, openResponse(GENEVA, "CH", true, false), NOW))
                .as("replied").isEqualTo(new Skip(Reason.REMINDER_NO_LONGER_USEFUL));
        assertThat(decide(MessageKind.REMINDER_RESPONSE, openResponse(GENEVA, "CH", false, true), NOW))
                .as("revoked").isEqualTo(new Skip(Reason.REMINDER_NO_LONGER_USEFUL));
        ReminderFacts moved = new ReminderFacts(openResponse(GENEVA, "CH", false, false).invitation(),
                ReminderPolicy.DeadlineType.RESPONSE, DEADLINE.minus(Duration.ofDays(1)));
        assertThat(decide(MessageKind.REMINDER_RESPONSE, moved, NOW)).as("the deadline was extended")
                .isEqualTo(new Skip(Reason.REMINDER_NO_LONGER_USEFUL));
    }

    /** Any moment at or after the deadline: the reminder is skipped, whatever the time of day. */
    @Property
    void aReminderAtOrPastItsDeadlineIsSkipped(@ForAll @LongRange(min = 0, max = 60L * 24 * 3600) long secondsLate) {
        assertThat(decide(MessageKind.REMINDER_RESPONSE, openResponse(GENEVA, "CH", false, false),
                DEADLINE.plusSeconds(secondsLate))).isEqualTo(new Skip(Reason.REMINDER_NO_LONGER_USEFUL));
    }

    /**
     * A useful reminder retried at any moment of the week before its deadline goes now if that is the recipient's
     * working time, and otherwise waits exactly until the next one (not counting an attempt: a Wait).
     */
    @Property
    void aUsefulReminderGoesInTheRecipientsWorkingTimeOrWaitsForItsNextStart(
            @ForAll @LongRange(min = 1, max = 7L * 24 * 3600) long secondsBeforeDeadline, @ForAll boolean saudi) {
        ZoneId zone = saudi ? RIYADH : GENEVA;
        String state = saudi ? "SA" : "CH";
        Instant now = DEADLINE.minusSeconds(secondsBeforeDeadline);
        DeliveryDecision decision = decide(MessageKind.REMINDER_RESPONSE, openResponse(zone, state, false, false),
                now);
        if (WORKING.contains(now, zone, state)) {
            assertThat(decision).isSameAs(DeliveryDecision.SEND);
        } else {
            assertThat(decision).isEqualTo(new Wait(WORKING.next(now, zone, state), Reason.OUTSIDE_WORKING_TIME));
            Instant until = ((Wait) decision).until();
            assertThat(until).isAfter(now);
            assertThat(WORKING.contains(until, zone, state)).isTrue();
        }
    }

    @Test
    void aReminderOnTheRecipientsWeekendWaitsForMonday() {
        // Saturday 9 April 2022, 11:00 in Geneva: the weekend there; next working time is Monday 09:00.
        Instant saturday = ZonedDateTime.of(2022, 4, 9, 11, 0, 0, 0, GENEVA).toInstant();
        assertThat(decide(MessageKind.REMINDER_RESPONSE, openResponse(GENEVA, "CH", false, false), saturday))
                .isEqualTo(new Wait(ZonedDateTime.of(2022, 4, 11, 9, 0, 0, 0, GENEVA).toInstant(),
                        Reason.OUTSIDE_WORKING_TIME));
    }

    @Test
    void aRevocationNoticeGoesOnlyToSomeoneWhoReceivedAnEmailAndAfterTheLastDialogue() {
        assertThat(RULES.revocationNotice(OtherEmails.ONE_STILL_BEING_SENT, NOW))
                .isEqualTo(new Wait(NOW.plus(WAIT), Reason.ANOTHER_EMAIL_BEING_SENT));
        assertThat(RULES.revocationNotice(OtherEmails.ONE_SENT, NOW)).isSameAs(DeliveryDecision.SEND);
        assertThat(RULES.revocationNotice(OtherEmails.NONE_SENT, NOW))
                .isEqualTo(new Skip(Reason.NEVER_RECEIVED_AN_EMAIL));
    }

    @Property
    void aPermanentSmtpRefusalFailsAtAnyAttempt(@ForAll @IntRange(min = 1, max = 50) int attempts) {
        assertThat(RULES.afterFailedAttempt(true, attempts, NOW)).isEqualTo(new Fail(Reason.SMTP_PERMANENT));
    }

    /** A transient failure is retried, later but within the cap, until the attempts are spent; then it gives up. */
    @Property
    void aTransientFailureIsRetriedWithinTheCapUntilTheAttemptsAreSpent(
            @ForAll @IntRange(min = 1, max = 50) int attempts) {
        DeliveryDecision decision = RULES.afterFailedAttempt(false, attempts, NOW);
        if (attempts >= RETRIES.maxAttempts()) {
            assertThat(decision).isEqualTo(new Fail(Reason.GAVE_UP));
        } else {
            assertThat(decision).isInstanceOfSatisfying(Retry.class, retry -> {
                assertThat(retry.at()).isAfter(NOW);
                assertThat(retry.at()).isBeforeOrEqualTo(NOW.plus(RETRIES.max()));
                assertThat(retry.at()).isEqualTo(RETRIES.nextAttempt(attempts, NOW).orElseThrow());
            });
        }
    }
}
