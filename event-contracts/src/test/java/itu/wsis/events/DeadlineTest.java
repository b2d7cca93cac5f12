package itu.wsis.events;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineTest {

    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

    @Test
    void byFifteenAprilInGenevaMeansUntilMidnightSummerTime() {
        Deadline deadline = Deadline.byEndOf(LocalDate.of(2022, 4, 15), GENEVA);

        assertThat(deadline.date()).isEqualTo(LocalDate.of(2022, 4, 15));
        assertThat(deadline.timeZone()).isEqualTo("Europe/Zurich");
        assertThat(deadline.endsAt()).isEqualTo(Instant.parse("2022-04-15T22:00:00Z"));
    }

    @Test
    void inWinterTheSameDeadlineEndsAnHourLaterInUtc() {
        assertThat(Deadline.endOf(LocalDate.of(2022, 1, 15), GENEVA))
                .isEqualTo(Instant.parse("2022-01-15T23:00:00Z"));
    }

    @Test
    void theDayClocksGoForwardLasts23Hours() {
        Instant saturday = Deadline.endOf(LocalDate.of(2022, 3, 26), GENEVA);
        Instant sunday = Deadline.endOf(LocalDate.of(2022, 3, 27), GENEVA);

        assertThat(saturday).isEqualTo(Instant.parse("2022-03-26T23:00:00Z"));
        assertThat(sunday).isEqualTo(Instant.parse("2022-03-27T22:00:00Z"));
        assertThat(Duration.between(saturday, sunday)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void theDayClocksGoBackLasts25Hours() {
        Instant saturday = Deadline.endOf(LocalDate.of(2022, 10, 29), GENEVA);
        Instant sunday = Deadline.endOf(LocalDate.of(2022, 10, 30), GENEVA);

        assertThat(Duration.between(saturday, sunday)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void whereMidnightDoesNotExistTheDayEndsWhenTheNextOneStarts() {
        // Chile moved to summer time at 00:00 on 11 September 2022: that day started at 01:00 (UTC-3).
        ZoneId santiago = ZoneId.of("America/Santiago");
        Instant end = Deadline.endOf(LocalDate.of(2022, 9, 10), santiago);

        assertThat(end).isEqualTo(Instant.parse("2022-09-11T04:00:00Z"));
        assertThat(end.atZone(santiago).toLocalTime().getHour()).isEqualTo(1);
    }

    @Test
    void aDeadlineIsMetUntilTheLastNanosecondOfItsDay() {
        Deadline deadline = Deadline.byEndOf(LocalDate.of(2022, 4, 15), GENEVA);

        assertThat(deadline.hasPassedAt(deadline.endsAt().minusNanos(1))).isFalse();
        assertThat(deadline.hasPassedAt(deadline.endsAt())).isTrue();
    }


    @Property(tries = 2000)
    void everyInstantOfTheLocalDayIsBeforeTheEndAndTheEndIsAnotherDay(
            @ForAll("dates") LocalDate date, @ForAll("zones") ZoneId zone) {
        Instant end = Deadline.endOf(date, zone);

        assertThat(end.atZone(zone).toLocalDate()).isAfter(date);
        // The last instant before the end still belongs to the day (or to an earlier one if the day was skipped,
        // as Samoa's 30 December 2011).
        assertThat(end.minusNanos(1).atZone(zone).toLocalDate()).isBeforeOrEqualTo(date);
        assertThat(date.atTime(23, 59, 59).atZone(zone).toInstant()).isBefore(end);
    }

    @Property(tries = 2000)
    void laterDatesEndLaterAndAnUnusualDayLengthComesFromAnOffsetChange(@ForAll("dates") LocalDate date,
                                                          @ForAll("zones") ZoneId zone) {
        Instant end = Deadline.endOf(date, zone);
        Instant next = Deadline.endOf(date.plusDays(1), zone);

        if (next.equals(end)) {
            // Only a day the zone skipped entirely (Samoa, 30 December 2011) ends when the day before does.
            assertThat(date.plusDays(1).atStartOfDay(zone).toLocalDate()).isAfter(date.plusDays(1));
            return;
        }
        assertThat(next).isAfter(end);
        Duration day = Duration.between(end, next);
        if (day.compareTo(Duration.ofHours(21)) < 0 || day.compareTo(Duration.ofHours(27)) > 0) {
            // Anything but an ordinary day needs a change of offset within it.
            var transition = zone.getRules().nextTransition(end.minusSeconds(1));
            assertThat(transition).isNotNull();
            assertThat(transition.getInstant()).isBeforeOrEqualTo(next);
        }
    }


    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1970, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay)
                // The DST weekends of Geneva and Santiago, and the day Samoa skipped.
                .edgeCases(config -> config.add(LocalDate.of(2022, 3, 27)).add(LocalDate.of(2022, 10, 30))
                        .add(LocalDate.of(2022, 9, 10)).add(LocalDate.of(2011, 12, 29)));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of)
                .edgeCases(config -> config.add(GENEVA).add(ZoneId.of("America/Santiago"))
                        .add(ZoneId.of("Pacific/Apia")).add(ZoneId.of("Australia/Lord_Howe")));
    }
}
