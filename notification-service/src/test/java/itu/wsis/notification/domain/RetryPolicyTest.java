package itu.wsis.notification.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(10), 25);
    static final Instant NOW = Instant.parse("2022-04-01T10:00:00Z");

    @Test
    void exponentialThenCappedThenGivesUp() {
        assertThat(POLICY.nextAttempt(1, NOW)).contains(NOW.plusSeconds(5));
        assertThat(POLICY.nextAttempt(2, NOW)).contains(NOW.plusSeconds(10));
        assertThat(POLICY.nextAttempt(3, NOW)).contains(NOW.plusSeconds(20));
        assertThat(POLICY.nextAttempt(20, NOW)).contains(NOW.plus(Duration.ofMinutes(10)));
        assertThat(POLICY.nextAttempt(25, NOW)).isEmpty();
    }

    @Property
    void delaysGrowAndStayWithinTheCap(@ForAll @IntRange(min = 1, max = 23) int attempts) {
        Duration d1 = Duration.between(NOW, POLICY.nextAttempt(attempts, NOW).orElseThrow());
        Duration d2 = Duration.between(NOW, POLICY.nextAttempt(attempts + 1, NOW).orElseThrow());
        assertThat(d2).isGreaterThanOrEqualTo(d1);
        assertThat(d2).isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(d1).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }
}
