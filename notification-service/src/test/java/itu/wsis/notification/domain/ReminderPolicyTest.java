package itu.wsis.notification.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderPolicyTest {

    static final ReminderPolicy POLICY = ReminderPolicy.defaults();
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Instant DEADLINE = ZonedDateTime.of(2022, 4, 15, 23, 59, 0, 0, ZoneId.of("Europe/Zurich")).toInstant();

    static ReminderPolicy.OpenInvitation open(ZoneId zone, boolean replied, boolean accepted, boolean requested,
                                              boolean revoked) {
        return new ReminderPolicy.OpenInvitation(UUID.randomUUID(), zone, "JP", DEADLINE, DEADLINE, replied, accepted,
                requested, revoked);
    }

    static Instant tokyo(int day, int hour) {
        return ZonedDateTime.of(2022, 4, day, hour, 0, 0, 0, TOKYO).toInstant();
    }

    @Test
    void sevenDaysBeforeTheResponseDeadlineInWorkingHoursOnAWorkingDay() {
        // The deadline is 16 April 06:59 in Tokyo; 7 days before is Saturday 9 April 06:59 there: not yet in the
        // window, and all that Saturday and Sunday are the weekend in Japan.
        assertThat(POLICY.due(open(TOKYO, false, false, false, false), tokyo(9, 6))).isEmpty();
        assertThat(POLICY.due(open(TOKYO, false, false, false, false), tokyo(9, 10))).isEmpty();
        assertThat(POLICY.due(open(TOKYO, false, false, false, false), tokyo(10, 10))).isEmpty();
        List<ReminderPolicy.Due> due = POLICY.due(open(TOKYO, false, false, false, false), tokyo(11, 10));
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ReminderPolicy.DeadlineType.RESPONSE);
            assertThat(d.offset()).isEqualTo(Duration.ofDays(7));
            assertThat(d.deadline()).isEqualTo(DEADLINE);
        });
    }

    @Test
    void neverAtNightInTheRecipientsZone() {
        assertThat(POLICY.due(open(TOKYO, false, false, false, false), tokyo(12, 3))).isEmpty();
        assertThat(POLICY.due(open(TOKYO, false, false, false, false), tokyo(12, 18))).isEmpty();
    }

    @Test
    void afterDowntimeOnlyTheLatestDueOffsetIsSent() {
        List<ReminderPolicy.Due> due = POLICY.due(open(TOKYO, false, false, false, false), tokyo(14, 10));
        assertThat(due).singleElement().satisfies(d -> assertThat(d.offset()).isEqualTo(Duration.ofDays(2)));
    }

    @Test
    void aMissedReminderTooCloseToTheDeadlineIsSkipped() {
        // 16 April 06:59 Tokyo is the deadline: on the 15th at 17:00 fewer than 14 h remain... still >= 12 h.
        assertThat(POLICY.due(open(TOKYO, false, false, false, false), tokyo(15, 17))).hasSize(1);
        ReminderPolicy strict = new ReminderPolicy(List.of(Duration.ofDays(7), Duration.ofDays(2)),
                List.of(Duration.ofDays(3)), WorkingTime.defaults(), Duration.ofDays(1));
        assertThat(strict.due(open(TOKYO, false, false, false, false), tokyo(15, 17))).isEmpty();
    }

    @Test
    void neverAfterAReplyARevocationOrTheDeadline() {
        assertThat(POLICY.due(open(TOKYO, true, false, false, false), tokyo(14, 10))).isEmpty();
        assertThat(POLICY.due(open(TOKYO, false, false, false, true), tokyo(14, 10))).isEmpty();
        assertThat(POLICY.due(open(TOKYO, false, false, false, false), tokyo(16, 10))).isEmpty();
    }

    @Test
    void speakingRequestReminderOnlyForAcceptedDelegationsWithoutARequest() {
        Instant threeDaysBefore = tokyo(13, 10);
        assertThat(POLICY.due(open(TOKYO, true, true, false, false), threeDaysBefore)).singleElement()
                .satisfies(d -> assertThat(d.type()).isEqualTo(ReminderPolicy.DeadlineType.SPEAKING_REQUEST));
        assertThat(POLICY.due(open(TOKYO, true, true, true, false), threeDaysBefore)).isEmpty();
        assertThat(POLICY.due(open(TOKYO, true, false, false, false), threeDaysBefore)).isEmpty();
    }

    @Test
    void stillUsefulIsCheckedAgainAtSendTime() {
        ReminderPolicy.OpenInvitation replied = open(TOKYO, true, false, false, false);
        assertThat(POLICY.stillUseful(replied, ReminderPolicy.DeadlineType.RESPONSE, DEADLINE, tokyo(14, 10))).isFalse();
        ReminderPolicy.OpenInvitation waiting = open(TOKYO, false, false, false, false);
        assertThat(POLICY.stillUseful(waiting, ReminderPolicy.DeadlineType.RESPONSE, DEADLINE, tokyo(14, 10))).isTrue();
        assertThat(POLICY.stillUseful(waiting, ReminderPolicy.DeadlineType.RESPONSE, DEADLINE.plusSeconds(1),
                tokyo(14, 10))).as("a moved deadline makes the old reminder moot").isFalse();
        assertThat(POLICY.stillUseful(waiting, ReminderPolicy.DeadlineType.RESPONSE, DEADLINE, DEADLINE)).isFalse();
    }

    @Property
    void aReminderIsNeverDueAtNightNorAfterTheDeadline(@ForAll @LongRange(min = 0, max = 30L * 24 * 3600) long secondsBefore,
                                                        @ForAll @IntRange(min = -12, max = 14) int offsetHours,
                                                        @ForAll boolean replied, @ForAll boolean accepted,
                                                        @ForAll boolean requested) {
        ZoneId zone = java.time.ZoneOffset.ofHours(offsetHours);
        Instant now = DEADLINE.minusSeconds(secondsBefore - 3600);   // up to one hour after the deadline as well
        for (ReminderPolicy.Due due : POLICY.due(open(zone, replied, accepted, requested, false), now)) {
            LocalTime local = now.atZone(zone).toLocalTime();
            assertThat(local).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 59, 59, 999_999_999));
            assertThat(now.atZone(zone).getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
            assertThat(now).isBefore(due.deadline());
            assertThat(now).isAfterOrEqualTo(due.deadline().minus(due.offset()));
            assertThat(Duration.between(now, due.deadline())).isGreaterThanOrEqualTo(Duration.ofHours(12));
        }
    }

    @Property
    void atMostOneReminderPerDeadlineTypeAtOnce(@ForAll @LongRange(min = 0, max = 30L * 24 * 3600) long secondsBefore) {
        List<ReminderPolicy.Due> due = POLICY.due(open(ZoneId.of("UTC"), false, true, false, false),
                DEADLINE.minusSeconds(secondsBefore));
        assertThat(due.stream().map(ReminderPolicy.Due::type).distinct().count()).isEqualTo(due.size());
    }
}
