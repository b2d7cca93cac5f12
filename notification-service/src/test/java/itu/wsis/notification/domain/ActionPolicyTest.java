package itu.wsis.notification.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ActionPolicyTest {

    static final Instant DEADLINE = Instant.parse("2022-04-15T22:00:00Z");

    @Property
    void onlyAReplyStillExpectedIsAskedFor(@ForAll MessageKind kind, @ForAll boolean replied,
                                           @ForAll @LongRange(min = -30 * 86400L, max = 30 * 86400L) long offset) {
        Instant now = DEADLINE.plusSeconds(offset);
        boolean asks = ActionPolicy.asksForAction(kind, replied, DEADLINE, now);
        if (kind.reminder()) {
            assertThat(asks).isTrue();
        } else if (!kind.mayAskForAction()) {
            assertThat(asks).isFalse();
        } else {
            assertThat(asks).isEqualTo(!replied && now.isBefore(DEADLINE));
        }
        assertThat(ActionPolicy.deadlinePassed(DEADLINE, now)).isEqualTo(!now.isBefore(DEADLINE));
    }

    @Property
    void theInvitationIssuedAfterItsDeadlineAsksForNothing(@ForAll @LongRange(min = 0, max = 90 * 86400L) long late) {
        assertThat(ActionPolicy.asksForAction(MessageKind.INVITATION, false, DEADLINE, DEADLINE.plusSeconds(late)))
                .isFalse();
        assertThat(ActionPolicy.asksForAction(MessageKind.INVITATION, false, null, DEADLINE)).isFalse();
    }
}
