package itu.wsis.registration.domain;

import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyContentTest {

    static DelegationMember member(String email, boolean head) {
        return new DelegationMember("Name", "Title", email, null, head);
    }

    static void fails(Runnable attempt, String field) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(InvalidReply.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void anAcceptanceNeedsAModeAndExactlyOneHeadWithinTheForumsSize() {
        assertThat(ReplyContent.accept(ParticipationMode.REMOTE, List.of(member("a@x.org", true), member("b@x.org", false)), 2)
                .status()).isEqualTo(ReplyStatus.ACCEPTED);
        fails(() -> ReplyContent.accept(null, List.of(member("a@x.org", true)), 2), "mode");
        fails(() -> ReplyContent.accept(ParticipationMode.REMOTE, List.of(), 2), "delegation");
        fails(() -> ReplyContent.accept(ParticipationMode.REMOTE,
                List.of(member("a@x.org", true), member("b@x.org", false), member("c@x.org", false)), 2), "delegation");
        fails(() -> ReplyContent.accept(ParticipationMode.REMOTE, List.of(member("a@x.org", false)), 2), "delegation");
        fails(() -> ReplyContent.accept(ParticipationMode.REMOTE,
                List.of(member("a@x.org", true), member("b@x.org", true)), 2), "delegation");
        fails(() -> ReplyContent.accept(ParticipationMode.REMOTE,
                List.of(member("a@x.org", true), member(" A@X.org", false)), 2), "delegation[1].email");
    }

    @Test
    void onlyAnAcceptanceHasAModeAndADelegationAndOnlyADeclineAReason() {
        fails(() -> ReplyContent.of(ReplyStatus.DECLINED, ParticipationMode.REMOTE, List.of(), null, 5), "mode");
        fails(() -> ReplyContent.of(ReplyStatus.DECLINED, null, List.of(member("a@x.org", true)), null, 5), "delegation");
        fails(() -> ReplyContent.of(ReplyStatus.WITHDRAWN, null, List.of(), "why", 5), "reason");
        fails(() -> ReplyContent.of(ReplyStatus.ACCEPTED, ParticipationMode.REMOTE, List.of(member("a@x.org", true)), "why", 5),
                "reason");
        fails(() -> ReplyContent.of(null, null, null, null, 5), "status");
        assertThat(ReplyContent.of(ReplyStatus.DECLINED, null, null, "  busy ", 5).declineReason()).isEqualTo("busy");
        assertThat(ReplyContent.of(ReplyStatus.WITHDRAWN, null, null, " ", 5)).isEqualTo(ReplyContent.withdrawal());
    }

    @Test
    void forumSettingsStayWithinBounds() {
        fails(() -> new ForumSettings(LateReplyPolicy.FLAG, 0), "maxDelegationSize");
        fails(() -> new ForumSettings(LateReplyPolicy.FLAG, 101), "maxDelegationSize");
        fails(() -> new ForumSettings(null, 5), "lateReplyPolicy");
    }
}
