package itu.wsis.notification.domain;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingTimeTest {

    static final WorkingTime WORKING = new WorkingTime(LocalTime.of(9, 0), LocalTime.of(18, 0),
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Map.of("SA", EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)));
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

    static Instant at(ZoneId zone, int month, int day, int hour) {
        return ZonedDateTime.of(2022, month, day, hour, 0, 0, 0, zone).toInstant();
    }

    @Test
    void theWeekendIsTheMemberStatesInTheRecipientsZone() {
        // Friday 8 April 2022, 10:00 in Riyadh: the weekend in Saudi Arabia, a working day in Switzerland.
        assertThat(WORKING.contains(at(RIYADH, 4, 8, 10), RIYADH, "SA")).isFalse();
        assertThat(WORKING.contains(at(RIYADH, 4, 8, 10), RIYADH, "sa")).as("codes in any case").isFalse();
        assertThat(WORKING.contains(at(GENEVA, 4, 8, 10), GENEVA, "CH")).isTrue();
        // Sunday 10 April: a working day in Riyadh, the weekend in Geneva and for a state with no weekend configured.
        assertThat(WORKING.contains(at(RIYADH, 4, 10, 10), RIYADH, "SA")).isTrue();
        assertThat(WORKING.contains(at(GENEVA, 4, 10, 10), GENEVA, "CH")).isFalse();
        assertThat(WORKING.contains(at(GENEVA, 4, 10, 10), GENEVA, null)).isFalse();
    }

    @Test
    void theNextWorkingTimeSkipsTheNightAndTheWeekend() {
        // Friday 18:30 in Geneva: next is Monday 09:00.
        assertThat(WORKING.next(at(GENEVA, 4, 8, 18).plusSeconds(1800), GENEVA, "CH")).isEqualTo(at(GENEVA, 4, 11, 9));
        // Thursday 19:00 in Riyadh: Friday and Saturday are the weekend, next is Sunday 09:00.
        assertThat(WORKING.next(at(RIYADH, 4, 7, 19), RIYADH, "SA")).isEqualTo(at(RIYADH, 4, 10, 9));
        // Early on a working day: the same morning.
        assertThat(WORKING.next(at(GENEVA, 4, 12, 6), GENEVA, "CH")).isEqualTo(at(GENEVA, 4, 12, 9));
        // Inside the window: now.
        Instant now = at(GENEVA, 4, 12, 11);
        assertThat(WORKING.next(now, GENEVA, "CH")).isEqualTo(now);
    }

    @Test
    void aWindowStartInADaylightSavingGapStartsAtTheFirstValidTime() {
        WorkingTime early = new WorkingTime(LocalTime.of(2, 30), LocalTime.of(18, 0), EnumSet.noneOf(DayOfWeek.class),
                Map.of());
        // 27 March 2022, Geneva: 02:00 jumps to 03:00, so 02:30 does not exist that day.
        Instant next = early.next(at(GENEVA, 3, 27, 1), GENEVA, null);
        assertThat(next.atZone(GENEVA).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(early.contains(next, GENEVA, null)).isTrue();
    }

    @Test
    void aWeekOfWeekendIsRefused() {
        assertThatThrownBy(() -> new WorkingTime(LocalTime.of(9, 0), LocalTime.of(18, 0),
                EnumSet.allOf(DayOfWeek.class), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingTime(LocalTime.of(18, 0), LocalTime.of(9, 0),
                EnumSet.noneOf(DayOfWeek.class), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void theNextWorkingTimeIsWorkingTimeNotEarlierAndAtMostThreeDaysAway(
            @ForAll @LongRange(min = 0, max = 365L * 24 * 3600) long seconds,
            @ForAll @IntRange(min = -12, max = 14) int offsetHours, @ForAll boolean saudi) {
        ZoneId zone = java.time.ZoneOffset.ofHours(offsetHours);
        String state = saudi ? "SA" : "FR";
        Instant instant = Instant.parse("2022-01-01T00:00:00Z").plusSeconds(seconds);
        Instant next = WORKING.next(instant, zone, state);
        assertThat(next).isAfterOrEqualTo(instant);
        assertThat(WORKING.contains(next, zone, state)).isTrue();
        assertThat(Duration.between(instant, next)).isLessThanOrEqualTo(Duration.ofDays(3));
        assertThat(next.atZone(zone).getDayOfWeek()).isNotIn(WORKING.weekend(state));
        // Nothing in between was working time: it is the first (checked at the window's start, the only candidate).
        if (!next.equals(instant)) {
            assertThat(next.atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        }
    }
}
