package itu.wsis.speaking.domain;

import itu.wsis.events.Language;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.RankConfirmation;
import itu.wsis.events.ReplyStatus;
import itu.wsis.events.SpeakerRankDecided;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestWithdrawn;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The life of a request after its submission: closing, substitution, rank decisions and overrides. */
class SpeakingRequestTest {

    static final Instant SUBMITTED = Instant.parse("2026-05-02T10:00:00Z");
    static final Instant NOW = SUBMITTED.plusSeconds(3600);
    static final UUID SESSION = UUID.randomUUID();

    final RankClaimPolicy ranks = new RankClaimPolicy(Precedence.protocol());
    final Delegation delegation = new Delegation(UUID.randomUUID(), UUID.randomUUID(), "Bhutan", Rank.MINISTER,
            ReplyStatus.ACCEPTED, ParticipationMode.IN_PERSON, true, false, false);

    SpeakingRequest request(RequestStatus status, SpeakingModality modality, OverrideKind kind, UUID pinnedTo,
                            Rank claimed, RankConfirmation confirmation) {
        Rank forPrecedence = confirmation == null || confirmation == RankConfirmation.CONFIRMED ? claimed
                : Rank.MINISTER;
        return new SpeakingRequest(UUID.randomUUID(), delegation.forumId(), delegation.invitationId(), "Bhutan",
                new SpeakingRequest.Speaker("A", "Minister", claimed, claimed != Rank.MINISTER),
                new SpeakingRequest.RankStanding(forPrecedence, confirmation, null, null, null),
                List.of(SESSION), Language.EN, modality, "Topic", null, null, SUBMITTED, Actor.INVITEE, false, status,
                status == RequestStatus.WAITLISTED ? 1 : null, kind, pinnedTo, null, null);
    }

    SpeakingRequest allocated() {
        return request(RequestStatus.ALLOCATED, SpeakingModality.IN_PERSON, null, null, Rank.MINISTER, null);
    }

    static SpeakingRequestRefused refusal(Runnable call) {
        return catchThrowableOfType(SpeakingRequestRefused.class, call::run);
    }

    @Test
    void closingEndsTheRequestAndNamesTheSeatItFrees() {
        SpeakingRequest.Decision withdrawn = allocated().close(RequestStatus.WITHDRAWN, "no longer attends",
                SESSION, NOW);
        assertThat(withdrawn.request().status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(withdrawn.request().statusReason()).isEqualTo("no longer attends");
        assertThat(withdrawn.request().closedAt()).isEqualTo(NOW);
        assertThat(withdrawn.events()).singleElement().isInstanceOfSatisfying(SpeakingRequestWithdrawn.class,
                e -> assertThat(e.releasedSessionId()).isEqualTo(SESSION));

        SpeakingRequest waiting = request(RequestStatus.WAITLISTED, SpeakingModality.VIDEO, null, null,
                Rank.MINISTER, null);
        SpeakingRequest.Decision rejected = waiting.close(RequestStatus.REJECTED, "off topic", null, NOW);
        assertThat(rejected.request().waitingPosition()).isNull();
        assertThat(rejected.events()).singleElement().isInstanceOfSatisfying(SpeakingRequestRejected.class, e -> {
            assertThat(e.reason()).isEqualTo("off topic");
            assertThat(e.releasedSessionId()).isNull();
        });
    }

    @Test
    void aClosedRequestIsFinal() {
        SpeakingRequest closed = allocated().close(RequestStatus.WITHDRAWN, "x", null, NOW).request();
        for (Runnable change : List.<Runnable>of(
                () -> closed.close(RequestStatus.REJECTED, "y", null, NOW),
                closed::hold, closed::release,
                () -> closed.assign(SESSION, new SessionSlots(SESSION, 5, Set.of(SpeakingModality.IN_PERSON), NOW), 0),
                () -> closed.substitute(new SpeakingRequest.Speaker("B", "C", null, false), delegation, Actor.INVITEE,
                        ranks, null, NOW),
                () -> closed.decideRank(true, null, "s", Rank.MINISTER, ranks, null, NOW))) {
            SpeakingRequestRefused refused = refusal(change);
            assertThat(refused).isNotNull();
            assertThat(refused.slug()).isEqualTo("request-closed");
            assertThat(refused.getMessage()).isEqualTo("This request is already WITHDRAWN.");
        }
        assertThat(closed.attendingRemotely()).isSameAs(closed);
        assertThatIllegalArgumentException().isThrownBy(() -> allocated().close(RequestStatus.ALLOCATED, "x", null,
                NOW));
    }

    @Test
    void aSubstituteOfAnotherRankKeepsTheSeatedRequestsSession() {
        SpeakingRequest seated = allocated();
        SpeakingRequest.Decision decision = seated.substitute(new SpeakingRequest.Speaker(" B ", " Deputy ",
                Rank.DEPUTY_MINISTER, true), delegation, Actor.INVITEE, ranks, SESSION, NOW);

        SpeakingRequest r = decision.request();
        assertThat(r.speaker()).isEqualTo(new SpeakingRequest.Speaker("B", "Deputy", Rank.DEPUTY_MINISTER, true));
        assertThat(r.standing().forPrecedence()).isEqualTo(Rank.DEPUTY_MINISTER);
        assertThat(r.overrideKind()).isEqualTo(OverrideKind.SUBSTITUTION);
        assertThat(r.placement()).isEqualTo(new Placement.Pinned(SESSION, "speaker substituted: keeps its session"));
        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(SpeakerSubstituted.class, e -> {
            assertThat(e.previousSpeaker().name()).isEqualTo("A");
            assertThat(e.speaker().name()).isEqualTo("B");
            assertThat(e.speaker().rank()).isEqualTo(Rank.DEPUTY_MINISTER);
        });
    }

    @Test
    void aSubstituteOfTheSameRankOrOfAWaitingRequestIsNotPinned() {
        SpeakingRequest sameRank = allocated().substitute(new SpeakingRequest.Speaker("B", "Minister", null, false),
                delegation, Actor.INVITEE, ranks, SESSION, NOW).request();
        assertThat(sameRank.overrideKind()).isNull();

        SpeakingRequest waiting = request(RequestStatus.WAITLISTED, SpeakingModality.IN_PERSON, null, null,
                Rank.MINISTER, null).substitute(new SpeakingRequest.Speaker("B", "Deputy", Rank.DEPUTY_MINISTER, true),
                delegation, Actor.INVITEE, ranks, null, NOW).request();
        assertThat(waiting.overrideKind()).isNull();
        assertThat(waiting.standing().forPrecedence()).isEqualTo(Rank.DEPUTY_MINISTER);
    }

    @Test
    void anAssignmentStaysWhenTheSpeakerChanges() {
        UUID assignedTo = UUID.randomUUID();
        SpeakingRequest assigned = request(RequestStatus.ALLOCATED, SpeakingModality.IN_PERSON, OverrideKind.ASSIGNED,
                assignedTo, Rank.MINISTER, null);
        SpeakingRequest r = assigned.substitute(new SpeakingRequest.Speaker("B", "Deputy", Rank.DEPUTY_MINISTER, true),
                delegation, Actor.INVITEE, ranks, assignedTo, NOW).request();
        assertThat(r.overrideKind()).isEqualTo(OverrideKind.ASSIGNED);
        assertThat(r.overrideSessionId()).isEqualTo(assignedTo);
    }

    @Test
    void aHigherRankEnteredByTheSecretariatIsConfirmedAndOneClaimedByTheDelegationWaits() {
        SpeakingRequest.Speaker headOfState = new SpeakingRequest.Speaker("B", "President", Rank.HEAD_OF_STATE, true);
        SpeakingRequest entered = allocated().substitute(headOfState, delegation, Actor.SECRETARIAT, ranks, SESSION,
                NOW).request();
        assertThat(entered.standing()).isEqualTo(new SpeakingRequest.RankStanding(Rank.HEAD_OF_STATE,
                RankConfirmation.CONFIRMED, SpeakingRequest.SECRETARIAT_ENTRY, NOW, null));

        SpeakingRequest claimed = allocated().substitute(headOfState, delegation, Actor.INVITEE, ranks, SESSION, NOW)
                .request();
        assertThat(claimed.standing()).isEqualTo(new SpeakingRequest.RankStanding(Rank.MINISTER,
                RankConfirmation.PENDING, null, null, null));
        assertThat(claimed.overrideKind()).as("still counts as the invited Minister: not re-ranked").isNull();
    }

    @Test
    void theSecretariatDecidesAPendingRankOnly() {
        SpeakingRequest pending = request(RequestStatus.ALLOCATED, SpeakingModality.IN_PERSON, null, null,
                Rank.HEAD_OF_STATE, RankConfirmation.PENDING);

        SpeakingRequest.Decision confirmed = pending.decideRank(true, "verified", "officer", Rank.MINISTER, ranks,
                SESSION, NOW);
        assertThat(confirmed.request().standing()).isEqualTo(new SpeakingRequest.RankStanding(Rank.HEAD_OF_STATE,
                RankConfirmation.CONFIRMED, "officer", NOW, "verified"));
        assertThat(confirmed.request().overrideKind()).isEqualTo(OverrideKind.SUBSTITUTION);
        assertThat(confirmed.events()).singleElement().isInstanceOfSatisfying(SpeakerRankDecided.class, e -> {
            assertThat(e.confirmed()).isTrue();
            assertThat(e.rankForPrecedence()).isEqualTo(Rank.HEAD_OF_STATE);
            assertThat(e.claimedRank()).isEqualTo(Rank.HEAD_OF_STATE);
        });

        SpeakingRequest.Decision refused = pending.decideRank(false, null, "officer", Rank.MINISTER, ranks, SESSION,
                NOW);
        assertThat(refused.request().standing().forPrecedence()).isEqualTo(Rank.MINISTER);
        assertThat(refused.request().overrideKind()).as("the rank it counts with did not change").isNull();

        SpeakingRequestRefused again = refusal(() -> confirmed.request().decideRank(false, null, "officer",
                Rank.MINISTER, ranks, SESSION, NOW));
        assertThat(again.slug()).isEqualTo("rank-not-pending");
        assertThat(again.details()).containsEntry("rankConfirmation", "CONFIRMED");
        assertThat(refusal(() -> allocated().decideRank(true, null, "officer", Rank.MINISTER, ranks, SESSION, NOW))
                .details()).containsEntry("rankConfirmation", "NOT_NEEDED");
    }

    /** The secretariat may fix as many seats in a session as it has, and no more. */
    @Property
    void anAssignmentTakesASeatWhileTheSecretariatHasNotFixedThemAll(
            @ForAll @IntRange(min = 0, max = 30) int capacity, @ForAll @IntRange(min = 0, max = 40) int pinned) {
        SessionSlots session = new SessionSlots(SESSION, capacity, EnumSet.allOf(SpeakingModality.class), NOW);
        SpeakingRequestRefused refused = refusal(() -> allocated().assign(SESSION, session, pinned));
        if (pinned >= capacity) {
            assertThat(refused).isNotNull();
            assertThat(refused.slug()).isEqualTo("session-full");
        } else {
            assertThat(refused).isNull();
            SpeakingRequest assigned = allocated().assign(SESSION, session, pinned);
            assertThat(assigned.placement()).isEqualTo(new Placement.Pinned(SESSION, "assigned by the secretariat"));
        }
    }

    @Test
    void anAssignmentNeedsASessionOfTheForumThatTakesTheModality() {
        assertThat(refusal(() -> allocated().assign(SESSION, null, 0)).field()).isEqualTo("sessionId");
        SessionSlots videoOnly = new SessionSlots(SESSION, 5, Set.of(SpeakingModality.VIDEO), NOW);
        SpeakingRequestRefused refused = refusal(() -> allocated().assign(SESSION, videoOnly, 0));
        assertThat(refused.slug()).isEqualTo("modality-not-offered");
        assertThat(refused.getMessage()).isEqualTo("This session does not take IN_PERSON statements.");
    }

    @Test
    void holdingAndReleasingSetAndClearTheOverride() {
        SpeakingRequest held = allocated().hold();
        assertThat(held.overrideKind()).isEqualTo(OverrideKind.HELD);
        assertThat(held.placement()).isEqualTo(new Placement.Held("put on the waiting list by the secretariat"));
        SpeakingRequest released = held.release();
        assertThat(released.overrideKind()).isNull();
        assertThat(released.overrideSessionId()).isNull();
        assertThat(released.placement()).isEqualTo(Placement.AUTOMATIC);
    }

    @Test
    void remoteAttendanceTurnsAnInPersonStatementIntoALiveRemoteOne() {
        assertThat(allocated().attendingRemotely().modality()).isEqualTo(SpeakingModality.REMOTE_LIVE);
        SpeakingRequest video = request(RequestStatus.ALLOCATED, SpeakingModality.VIDEO, null, null, Rank.MINISTER,
                null);
        assertThat(video.attendingRemotely()).isSameAs(video);
    }

    @Test
    void anOverrideComesBeforeLatenessAndAnOverrideWithoutSessionPinsNothing() {
        UUID s = UUID.randomUUID();
        assertThat(SpeakingRequest.placement(OverrideKind.ASSIGNED, s, true)).isInstanceOf(Placement.Pinned.class);
        assertThat(SpeakingRequest.placement(OverrideKind.ASSIGNED, null, false)).isEqualTo(Placement.AUTOMATIC);
        assertThat(SpeakingRequest.placement(OverrideKind.SUBSTITUTION, null, true))
                .isEqualTo(new Placement.Held("late request: waits until the secretariat assigns it"));
        assertThat(SpeakingRequest.placement(null, null, false)).isEqualTo(Placement.AUTOMATIC);
    }
}
