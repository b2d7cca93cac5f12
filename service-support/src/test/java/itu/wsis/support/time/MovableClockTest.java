package itu.wsis.support.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovableClockTest {

    static final Instant LETTER_DATE = Instant.parse("2022-03-21T08:00:00Z");

    @Test
    void startsAtTheConfiguredInstantAndRunsOn() throws InterruptedException {
        MovableClock clock = new MovableClock(LETTER_DATE);
        Instant first = clock.instant();
        Thread.sleep(20);

        assertThat(first).isBetween(LETTER_DATE, LETTER_DATE.plusSeconds(1));
        assertThat(clock.instant()).isAfter(first);
    }

    @Test
    void movesForwardOnly() {
        MovableClock clock = new MovableClock(LETTER_DATE);

        Instant moved = clock.advance(Duration.ofDays(25));

        assertThat(moved).isAfterOrEqualTo(LETTER_DATE.plus(Duration.ofDays(25)));
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advanceTo(LETTER_DATE)).isInstanceOf(IllegalArgumentException.class);
    }
}
