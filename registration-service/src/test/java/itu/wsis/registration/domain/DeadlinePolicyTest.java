package itu.wsis.registration.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinePolicyTest {

    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void theLettersDeadlineEndsAtMidnightInGeneva() {
        // "avant le 15 avril" 2022: CEST (UTC+2), so the last on-time instant is 21:59:59.999999999 UTC.
        ResponseDeadline deadline = ResponseDeadline.endOfDay(LocalDate.of(2022, 4, 15), GENEVA);
        assertThat(deadline.endsAt()).isEqualTo(Instant.parse("2022-04-15T22:00:00Z"));

        assertThat(new DeadlinePolicy(at(Instant.parse("2022-04-15T21:59:59.999999999Z"))).now(deadline))
                .isEqualTo(Timeliness.ON_TIME);
        assertThat(new DeadlinePolicy(at(Instant.parse("2022-04-15T22:00:00Z"))).now(deadline))
                .isEqualTo(Timeliness.LATE);
    }

    @Test
    void aZoneWhoseDstStartsAtMidnightStillHasADeadline() {
        // Santiago de Chile skipped 2022-09-11T00:00: the next day began at 01:00 local.
        ZoneId santiago = ZoneId.of("America/Santiago");
        ResponseDeadline deadline = ResponseDeadline.endOfDay(LocalDate.of(2022, 9, 10), santiago);
        assertThat(deadline.endsAt()).isEqualTo(LocalDateTime.of(2022, 9, 11, 1, 0).atZone(santiago).toInstant());
        assertThat(DeadlinePolicy.at(deadline.endsAt().minusNanos(1), deadline)).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void aDocumentIsJudgedByItsDate() {
        ResponseDeadline deadline = ResponseDeadline.endOfDay(LocalDate.of(2022, 4, 15), GENEVA);
        assertThat(DeadlinePolicy.ofDocument(LocalDate.of(2022, 4, 15), deadline)).isEqualTo(Timeliness.ON_TIME);
        assertThat(DeadlinePolicy.ofDocument(LocalDate.of(2022, 4, 16), deadline)).isEqualTo(Timeliness.LATE);
    }

    @Test
    void todayIsTheForumsDate() {
        ResponseDeadline deadline = ResponseDeadline.endOfDay(LocalDate.of(2022, 4, 15), GENEVA);
        // 23:30 UTC on the 15th is already the 16th in Geneva.
        assertThat(new DeadlinePolicy(at(Instant.parse("2022-04-15T23:30:00Z"))).today(deadline))
                .isEqualTo(LocalDate.of(2022, 4, 16));
    }

    @Property(tries = 500)
    void everyInstantOfTheDeadlineDayIsOnTimeAndTheNextDayIsLate(@ForAll("zones") ZoneId zone,
                                                                  @ForAll("dates") LocalDate date,
                                                                  @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay) {
        ResponseDeadline deadline = ResponseDeadline.endOfDay(date, zone);
        Instant during = date.atStartOfDay(zone).toInstant().plusSeconds(secondOfDay);
        if (LocalDate.ofInstant(during, zone).equals(date)) {
            assertThat(new DeadlinePolicy(at(during)).now(deadline)).isEqualTo(Timeliness.ON_TIME);
        }
        Instant nextDay = date.plusDays(1).atStartOfDay(zone).toInstant().plusSeconds(secondOfDay % 3600);
        assertThat(new DeadlinePolicy(at(nextDay)).now(deadline)).isEqualTo(Timeliness.LATE);
    }

    @Property(tries = 500)
    void theDeadlineEndsExactlyWhereTheNextLocalDayBegins(@ForAll("zones") ZoneId zone,
                                                          @ForAll("dates") LocalDate date) {
        ResponseDeadline deadline = ResponseDeadline.endOfDay(date, zone);
        assertThat(DeadlinePolicy.at(deadline.endsAt().minusNanos(1), deadline)).isEqualTo(Timeliness.ON_TIME);
        assertThat(DeadlinePolicy.at(deadline.endsAt(), deadline)).isEqualTo(Timeliness.LATE);
        assertThat(LocalDate.ofInstant(deadline.endsAt().minusNanos(1), zone)).isEqualTo(date);
        // The next day, or later where a zone skipped a whole date (Samoa, 30 December 2011).
        assertThat(LocalDate.ofInstant(deadline.endsAt(), zone)).isAfter(date);
        // A local day lasts 23 to 25 hours (more only where a zone changed its offset outright).
        Duration day = Duration.between(date.atStartOfDay(zone).toInstant(), deadline.endsAt());
        assertThat(day).isBetween(Duration.ofHours(20), Duration.ofHours(28));
    }

    /** The days around each DST transition of the generated zones are where off-by-one-hour bugs live. */
    @Property(tries = 300)
    void aroundDaylightSavingTransitionsTheDeadlineIsTheLocalMidnight(@ForAll("transitions") ZoneTransition t,
                                                                        @ForAll @IntRange(min = -1, max = 1) int dayOffset) {
        LocalDate date = LocalDate.ofInstant(t.transition().getInstant(), t.zone()).plusDays(dayOffset);
        ResponseDeadline deadline = ResponseDeadline.endOfDay(date, t.zone());
        LocalDateTime localEnd = LocalDateTime.ofInstant(deadline.endsAt(), t.zone());
        assertThat(localEnd.toLocalDate()).isEqualTo(date.plusDays(1));
        // Midnight, unless that midnight fell into a DST gap, in which case the first instant after it.
        assertThat(localEnd.toLocalTime()).isBeforeOrEqualTo(LocalTime.of(1, 0));
        assertThat(DeadlinePolicy.at(deadline.endsAt().minusSeconds(1), deadline)).isEqualTo(Timeliness.ON_TIME);
    }

    @Property(tries = 200)
    void anExtensionNeverMakesAnOnTimeReplyLate(@ForAll("zones") ZoneId zone, @ForAll("dates") LocalDate date,
                                                 @ForAll @IntRange(min = 0, max = 60) int extraDays,
                                                 @ForAll @IntRange(min = -200_000, max = 200_000) int secondsFromEnd) {
        ResponseDeadline original = ResponseDeadline.endOfDay(date, zone);
        ResponseDeadline extended = ResponseDeadline.endOfDay(date.plusDays(extraDays), zone);
        Instant reply = original.endsAt().plusSeconds(secondsFromEnd);
        if (DeadlinePolicy.at(reply, original) == Timeliness.ON_TIME) {
            assertThat(DeadlinePolicy.at(reply, extended)).isEqualTo(Timeliness.ON_TIME);
        }
    }

    record ZoneTransition(ZoneId zone, ZoneOffsetTransition transition) {
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 30).map(d -> LocalDate.of(2005, 1, 1).plusDays(d));
    }

    @Provide
    Arbitrary<ZoneTransition> transitions() {
        List<ZoneTransition> all = new ArrayList<>();
        for (String id : List.of("Europe/Zurich", "America/New_York", "America/Santiago", "Australia/Sydney",
                "Asia/Beirut", "Africa/Cairo", "America/Havana", "Pacific/Auckland", "Asia/Tehran",
                "Australia/Lord_Howe", "Europe/Chisinau", "America/Asuncion")) {
            ZoneId zone = ZoneId.of(id);
            ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.parse("2015-01-01T00:00:00Z"));
            while (next != null && next.getInstant().isBefore(Instant.parse("2030-01-01T00:00:00Z"))) {
                all.add(new ZoneTransition(zone, next));
                next = zone.getRules().nextTransition(next.getInstant());
            }
        }
        return Arbitraries.of(all);
    }
}
