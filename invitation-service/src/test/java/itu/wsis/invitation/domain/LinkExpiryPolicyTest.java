package itu.wsis.invitation.domain;

import itu.wsis.events.Deadline;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LinkExpiryPolicyTest {

    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");

    @Test
    void linksExpireAWeekAfterTheLastForumDayInGeneva() {
        assertThat(LinkExpiryPolicy.expiresAt(LocalDate.of(2022, 6, 3), GENEVA, Duration.ofDays(7)))
                .isEqualTo(Instant.parse("2022-06-10T22:00:00Z"));
    }

    @Property(tries = 1000)
    void theGraceIsAddedToTheEndOfTheLastForumDay(@ForAll("dates") LocalDate lastDay, @ForAll("zones") ZoneId zone,
                                                  @ForAll @LongRange(min = 0, max = 60) long graceDays) {
        Instant expiry = LinkExpiryPolicy.expiresAt(lastDay, zone, Duration.ofDays(graceDays));

        assertThat(Duration.between(Deadline.endOf(lastDay, zone), expiry)).isEqualTo(Duration.ofDays(graceDays));
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
