package itu.wsis.registration.domain;

import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyStatus;
import itu.wsis.registration.domain.ReplyLifecycle.Kind;
import itu.wsis.registration.domain.ReplyLifecycle.Transition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyLifecycleTest {

    static final DelegationMember HEAD = new DelegationMember("Head", "Minister", "head@example.org", null, true);
    static final ReplyContent IN_PERSON = ReplyContent.accept(ParticipationMode.IN_PERSON, List.of(HEAD), 5);
    static final ReplyContent REMOTE = ReplyContent.accept(ParticipationMode.REMOTE, List.of(HEAD), 5);
    static final ReplyContent DECLINED = ReplyContent.decline("agenda");
    static final ReplyContent WITHDRAWN = ReplyContent.withdrawal();

    static Optional<Reply> current(ReplyContent content, int version, boolean late) {
        return Optional.of(new Reply(version, content, ReplyChannel.WEB, late, false, Instant.EPOCH,
                Reply.BY_INVITEE, null, null, null));
    }

    @Test
    void aFirstReplyOnTimeIsVersionOne() {
        Transition t = ReplyLifecycle.byInvitee(Optional.empty(), IN_PERSON, Timeliness.ON_TIME, LateReplyPolicy.REJECT);
        assertThat(t).isEqualTo(new Transition(Kind.FIRST_REPLY, null, 1, false));
    }

    @Test
    void aLateFirstReplyIsFlaggedOrRejectedByTheForumsPolicy() {
        assertThat(ReplyLifecycle.byInvitee(Optional.empty(), DECLINED, Timeliness.LATE, LateReplyPolicy.FLAG))
                .isEqualTo(new Transition(Kind.FIRST_REPLY, null, 1, true));
        assertThatThrownBy(() -> ReplyLifecycle.byInvitee(Optional.empty(), IN_PERSON, Timeliness.LATE,
                LateReplyPolicy.REJECT))
                .isInstanceOfSatisfying(ReplyRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(ReplyRefused.Reason.DEADLINE_PASSED));
    }

    @Test
    void beforeTheDeadlineEveryChangeIsANewVersion() {
        assertThat(ReplyLifecycle.byInvitee(current(IN_PERSON, 1, false), REMOTE, Timeliness.ON_TIME, LateReplyPolicy.REJECT))
                .isEqualTo(new Transition(Kind.CHANGE, ReplyStatus.ACCEPTED, 2, false));
        assertThat(ReplyLifecycle.byInvitee(current(IN_PERSON, 2, false), DECLINED, Timeliness.ON_TIME, LateReplyPolicy.REJECT))
                .isEqualTo(new Transition(Kind.CHANGE, ReplyStatus.ACCEPTED, 3, false));
        assertThat(ReplyLifecycle.byInvitee(current(IN_PERSON, 3, false), WITHDRAWN, Timeliness.ON_TIME, LateReplyPolicy.REJECT))
                .isEqualTo(new Transition(Kind.WITHDRAWAL, ReplyStatus.ACCEPTED, 4, false));
        assertThat(ReplyLifecycle.byInvitee(current(WITHDRAWN, 4, false), IN_PERSON, Timeliness.ON_TIME, LateReplyPolicy.REJECT))
                .isEqualTo(new Transition(Kind.CHANGE, ReplyStatus.WITHDRAWN, 5, false));
    }

    @Test
    void theSameReplyAgainChangesNothing() {
        assertThat(ReplyLifecycle.byInvitee(current(REMOTE, 4, true), REMOTE, Timeliness.LATE, LateReplyPolicy.REJECT))
                .isEqualTo(new Transition(Kind.UNCHANGED, ReplyStatus.ACCEPTED, 4, true));
    }

    @Test
    void onlyAnAcceptanceCanBeWithdrawn() {
        for (Optional<Reply> current : List.of(Optional.<Reply>empty(), current(DECLINED, 1, false))) {
            assertThatThrownBy(() -> ReplyLifecycle.byInvitee(current, WITHDRAWN, Timeliness.ON_TIME, LateReplyPolicy.FLAG))
                    .isInstanceOfSatisfying(ReplyRefused.class,
                            e -> assertThat(e.reason()).isEqualTo(ReplyRefused.Reason.NOT_ACCEPTED));
            assertThatThrownBy(() -> ReplyLifecycle.bySecretariat(current, WITHDRAWN, Timeliness.ON_TIME))
                    .isInstanceOf(ReplyRefused.class);
        }
    }

    @Test
    void withdrawingTwiceIsTheSameReplyForTheInviteeButRefusedToTheSecretariat() {
        assertThat(ReplyLifecycle.byInvitee(current(WITHDRAWN, 2, false), WITHDRAWN, Timeliness.ON_TIME, LateReplyPolicy.FLAG)
                .kind()).isEqualTo(Kind.UNCHANGED);
        assertThatThrownBy(() -> ReplyLifecycle.bySecretariat(current(WITHDRAWN, 2, false), WITHDRAWN, Timeliness.ON_TIME))
                .isInstanceOf(ReplyRefused.class);
    }

    @Test
    void afterTheDeadlineTheInviteeCannotChangeAnAcceptance() {
        for (ReplyContent wanted : List.of(REMOTE, DECLINED, WITHDRAWN)) {
            assertThatThrownBy(() -> ReplyLifecycle.byInvitee(current(IN_PERSON, 1, false), wanted, Timeliness.LATE,
                    LateReplyPolicy.FLAG))
                    .isInstanceOfSatisfying(ReplyRefused.class,
                            e -> assertThat(e.reason()).isEqualTo(ReplyRefused.Reason.LOCKED_AFTER_DEADLINE));
        }
    }

    @Test
    void afterTheDeadlineADeclineCanStillTurnIntoALateAcceptanceUnderFlag() {
        assertThat(ReplyLifecycle.byInvitee(current(DECLINED, 1, false), IN_PERSON, Timeliness.LATE, LateReplyPolicy.FLAG))
                .isEqualTo(new Transition(Kind.CHANGE, ReplyStatus.DECLINED, 2, true));
        assertThatThrownBy(() -> ReplyLifecycle.byInvitee(current(DECLINED, 1, false), IN_PERSON, Timeliness.LATE,
                LateReplyPolicy.REJECT)).isInstanceOf(ReplyRefused.class);
    }

    @Test
    void theSecretariatCanChangeAnAcceptanceAfterTheDeadline() {
        assertThat(ReplyLifecycle.bySecretariat(current(IN_PERSON, 1, false), WITHDRAWN, Timeliness.LATE))
                .isEqualTo(new Transition(Kind.WITHDRAWAL, ReplyStatus.ACCEPTED, 2, true));
        assertThat(ReplyLifecycle.bySecretariat(Optional.empty(), IN_PERSON, Timeliness.LATE))
                .isEqualTo(new Transition(Kind.FIRST_REPLY, null, 1, true));
    }

    @Test
    void aCorrectionKeepsTheLatenessOfWhatItCorrectsAndNeedsAReply() {
        assertThat(ReplyLifecycle.correction(current(DECLINED, 3, true), IN_PERSON))
                .isEqualTo(new Transition(Kind.CORRECTION, ReplyStatus.DECLINED, 4, true));
        assertThatThrownBy(() -> ReplyLifecycle.correction(Optional.empty(), IN_PERSON))
                .isInstanceOfSatisfying(ReplyRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(ReplyRefused.Reason.NOTHING_TO_CORRECT));
    }

    /** Whatever sequence of requests arrives, versions grow by one and no reply is ever withdrawn unless accepted. */
    @Property(tries = 300)
    void versionsAreGaplessAndWithdrawalsFollowAcceptances(@ForAll("steps") List<ReplyContent> steps,
                                                           @ForAll("timeliness") List<Timeliness> times) {
        Optional<Reply> current = Optional.empty();
        for (int i = 0; i < steps.size(); i++) {
            Timeliness timeliness = times.isEmpty() ? Timeliness.ON_TIME : times.get(i % times.size());
            Transition t;
            try {
                t = ReplyLifecycle.byInvitee(current, steps.get(i), timeliness, LateReplyPolicy.FLAG);
            } catch (ReplyRefused refused) {
                continue;
            }
            int before = current.map(Reply::version).orElse(0);
            if (t.kind() == Kind.UNCHANGED) {
                assertThat(t.version()).isEqualTo(before);
                continue;
            }
            assertThat(t.version()).isEqualTo(before + 1);
            if (t.kind() == Kind.WITHDRAWAL) {
                assertThat(current.orElseThrow().content().status()).isEqualTo(ReplyStatus.ACCEPTED);
            }
            current = Optional.of(new Reply(t.version(), steps.get(i), ReplyChannel.WEB, t.late(), false,
                    Instant.EPOCH, Reply.BY_INVITEE, null, null, null));
        }
    }

    @Provide
    Arbitrary<List<ReplyContent>> steps() {
        return Arbitraries.of(IN_PERSON, REMOTE, DECLINED, WITHDRAWN).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Timeliness>> timeliness() {
        return Arbitraries.of(Timeliness.values()).list().ofMaxSize(4);
    }
}
