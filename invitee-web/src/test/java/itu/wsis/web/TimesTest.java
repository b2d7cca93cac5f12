package itu.wsis.web;

import itu.wsis.web.i18n.UiLanguage;
import itu.wsis.web.page.Times;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** CL-22/010: replies by 15 April 2022, Geneva time; the deadline ends at 16 April 00:00 CEST = 15 April 22:00 UTC. */
class TimesTest {

    static final Instant ENDS_AT = Instant.parse("2022-04-15T22:00:00Z");

    @Test
    void theDeadlineReadsAsTheLastMinuteOfItsDayInGeneva() {
        Instant last = Times.lastMinute(ENDS_AT);
        assertThat(Times.dateTime(last, Times.GENEVA, UiLanguage.EN)).contains("April 15, 2022").contains("11:59");
        assertThat(Times.dateTime(last, Times.GENEVA, UiLanguage.FR)).contains("15 avril 2022").contains("23:59");
    }

    @Test
    void theSameDeadlineInTheInviteesZoneMayFallOnAnotherDay() {
        Instant last = Times.lastMinute(ENDS_AT);
        // Beijing is 6 hours ahead of Geneva in April: 16 April, 05:59.
        assertThat(Times.dateTime(last, ZoneId.of("Asia/Shanghai"), UiLanguage.EN)).contains("April 16, 2022")
                .contains("5:59");
        // Lima is 7 hours behind: 15 April, 16:59.
        assertThat(Times.dateTime(last, ZoneId.of("America/Lima"), UiLanguage.ES)).contains("15 de abril de 2022")
                .contains("16:59");
    }

    @Test
    void anUnknownOrBrokenZoneIsIgnored() {
        assertThat(Times.zone(null)).isEmpty();
        assertThat(Times.zone(" ")).isEmpty();
        assertThat(Times.zone("Mars/Olympus")).isEmpty();
        assertThat(Times.zone("Asia/Riyadh")).contains(ZoneId.of("Asia/Riyadh"));
    }
}
