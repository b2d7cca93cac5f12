package itu.wsis.registration.domain;

import itu.wsis.events.InvitationAccepted;
import itu.wsis.events.InvitationDeclined;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyChanged;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.registration.domain.ReplyLifecycle.Kind;
import itu.wsis.registration.domain.ReplyLifecycle.Transition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyEventsTest {

    static final UUID INVITATION = UUID.randomUUID();
    static final ReplyContent ACCEPTED = ReplyContent.accept(ParticipationMode.REMOTE,
            List.of(new DelegationMember("Head", "Minister", "head@example.org", "ramp", true)), 3);

    static Reply reply(int version, ReplyContent content, ReplyChannel channel, boolean late) {
        return new Reply(version, content, channel, late, false, Instant.parse("2022-04-01T10:00:00Z"), "x", null, null, null);
    }

    @Test
    void eachTransitionPublishesItsEvent() {
        assertThat(ReplyEvents.of(UUID.randomUUID(), INVITATION, new Transition(Kind.FIRST_REPLY, null, 1, true),
                reply(1, ACCEPTED, ReplyChannel.WEB, true)))
                .isInstanceOfSatisfying(InvitationAccepted.class, e -> {
                    assertThat(e.mode()).isEqualTo(ParticipationMode.REMOTE);
                    assertThat(e.late()).isTrue();
                    assertThat(e.delegation()).singleElement().satisfies(d -> assertThat(d.name()).isEqualTo("Head"));
                    assertThat(e.occurredAt()).isEqualTo(Instant.parse("2022-04-01T10:00:00Z"));
                });
        assertThat(ReplyEvents.of(UUID.randomUUID(), INVITATION, new Transition(Kind.FIRST_REPLY, null, 1, false),
                reply(1, ReplyContent.decline("busy"), ReplyChannel.LETTER, false)))
                .isInstanceOfSatisfying(InvitationDeclined.class, e -> assertThat(e.reason()).isEqualTo("busy"));
        assertThat(ReplyEvents.of(UUID.randomUUID(), INVITATION, new Transition(Kind.WITHDRAWAL, ReplyStatus.ACCEPTED, 2, false),
                reply(2, ReplyContent.withdrawal(), ReplyChannel.EMAIL, false)))
                .isInstanceOfSatisfying(ReplyWithdrawn.class, e -> assertThat(e.replyVersion()).isEqualTo(2));
        assertThat(ReplyEvents.of(UUID.randomUUID(), INVITATION, new Transition(Kind.CORRECTION, ReplyStatus.DECLINED, 3, false),
                reply(3, ACCEPTED, ReplyChannel.PHONE, false)))
                .isInstanceOfSatisfying(ReplyChanged.class, e -> {
                    assertThat(e.correction()).isTrue();
                    assertThat(e.previousStatus()).isEqualTo(ReplyStatus.DECLINED);
                    assertThat(e.status()).isEqualTo(ReplyStatus.ACCEPTED);
                });
        assertThatThrownBy(() -> ReplyEvents.of(UUID.randomUUID(), INVITATION, new Transition(Kind.UNCHANGED, null, 1, false),
                reply(1, ACCEPTED, ReplyChannel.WEB, false))).isInstanceOf(IllegalArgumentException.class);
    }
}
