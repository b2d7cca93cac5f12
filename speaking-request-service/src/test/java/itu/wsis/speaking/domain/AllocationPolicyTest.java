package itu.wsis.speaking.domain;

import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingModality;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static itu.wsis.events.Rank.AMBASSADOR;
import static itu.wsis.events.Rank.DEPUTY_MINISTER;
import static itu.wsis.events.Rank.HEAD_OF_STATE;
import static itu.wsis.events.Rank.MINISTER;
import static itu.wsis.events.SpeakingModality.IN_PERSON;
import static itu.wsis.events.SpeakingModality.REMOTE_LIVE;
import static itu.wsis.events.SpeakingModality.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;

class AllocationPolicyTest {

    static final ZoneId GENEVA = ZoneId.of("Europe/Zurich");
    static final Instant T0 = Instant.parse("2022-04-02T08:14:00Z");
    static final Set<SpeakingModality> ALL = EnumSet.allOf(SpeakingModality.class);

    final UUID may31 = id(1);
    final UUID june1 = id(2);

    static UUID id(int n) {
        return new UUID(0, n);
    }

    static SessionSlots session(UUID id, int capacity) {
        return new SessionSlots(id, capacity, ALL, Instant.parse("2022-05-31T07:30:00Z"));
    }

    static Candidate request(int n, Rank rank, SpeakingModality modality, int minutesAfterT0, UUID... sessions) {
        return new Candidate(id(100 + n), rank, modality, T0.plusSeconds(60L * minutesAfterT0), List.of(sessions),
                false, Placement.AUTOMATIC, null);
    }

    Allocation allocate(List<SessionSlots> sessions, List<Candidate> candidates) {
        return AllocationPolicy.allocate(sessions, candidates, Precedence.protocol(), false);
    }

    String label(UUID session) {
        return session.equals(may31) ? "31 May 09:30" : "1 June 09:30";
    }

    @Test
    void firstComeFirstServedWithinOneRank() {
        Candidate early = request(1, MINISTER, IN_PERSON, 0, may31);
        Candidate late = request(2, MINISTER, IN_PERSON, 5, may31);
        Allocation a = allocate(List.of(session(may31, 1)), List.of(late, early));
        assertThat(a.outcomeOf(early.requestId())).isEqualTo(new Outcome.Allocated(may31, 1));
        assertThat(a.outcomeOf(late.requestId())).isEqualTo(new Outcome.Waiting(1));
    }

    @Test
    void rankBeatsSubmissionTimeAndBumpsALowerRankedRequest() {
        Candidate deputy = request(1, DEPUTY_MINISTER, IN_PERSON, 0, may31);
        Candidate headOfState = request(2, HEAD_OF_STATE, IN_PERSON, 60, may31);
        Allocation a = allocate(List.of(session(may31, 1)), List.of(deputy, headOfState));
        assertThat(a.outcomeOf(headOfState.requestId())).isEqualTo(new Outcome.Allocated(may31, 1));
        assertThat(a.outcomeOf(deputy.requestId())).isEqualTo(new Outcome.Waiting(1));
    }

    @Test
    void inPersonBeforeRemoteWithinARankUnlessSwitchedOff() {
        Candidate remote = request(1, MINISTER, REMOTE_LIVE, 0, may31);
        Candidate inPerson = request(2, MINISTER, IN_PERSON, 10, may31);
        Allocation on = allocate(List.of(session(may31, 1)), List.of(remote, inPerson));
        assertThat(on.outcomeOf(inPerson.requestId())).isEqualTo(new Outcome.Allocated(may31, 1));

        Precedence off = new Precedence(List.of(Rank.values()), false);
        Allocation offResult = AllocationPolicy.allocate(List.of(session(may31, 1)), List.of(remote, inPerson), off, false);
        assertThat(offResult.outcomeOf(remote.requestId())).isEqualTo(new Outcome.Allocated(may31, 1));
    }

    @Test
    void theRankOrderIsConfigurable() {
        Candidate ambassador = request(1, AMBASSADOR, IN_PERSON, 10, may31);
        Candidate minister = request(2, MINISTER, IN_PERSON, 0, may31);
        Precedence ambassadorsFirst = new Precedence(List.of(AMBASSADOR), true);
        assertThat(ambassadorsFirst.rankOrder()).hasSize(Rank.values().length).startsWith(AMBASSADOR, HEAD_OF_STATE);
        Allocation a = AllocationPolicy.allocate(List.of(session(may31, 1)), List.of(ambassador, minister),
                ambassadorsFirst, false);
        assertThat(a.outcomeOf(ambassador.requestId())).isEqualTo(new Outcome.Allocated(may31, 1));
    }

    @Test
    void aFullFirstChoiceFallsToTheNextPreferenceAndTheOrderWithinASessionFollowsPrecedence() {
        Candidate a1 = request(1, MINISTER, IN_PERSON, 0, may31, june1);
        Candidate a2 = request(2, MINISTER, IN_PERSON, 1, may31, june1);
        Candidate hos = request(3, HEAD_OF_STATE, IN_PERSON, 2, june1);
        Allocation a = allocate(List.of(session(may31, 1), session(june1, 2)), List.of(a1, a2, hos));
        assertThat(a.outcomeOf(a1.requestId())).isEqualTo(new Outcome.Allocated(may31, 1));
        assertThat(a.outcomeOf(hos.requestId())).isEqualTo(new Outcome.Allocated(june1, 1));
        assertThat(a.outcomeOf(a2.requestId())).isEqualTo(new Outcome.Allocated(june1, 2));
        assertThat(a.speakersBySession().get(june1)).containsExactly(hos.requestId(), a2.requestId());
    }

    @Test
    void explainsEachOutcomeInOneLine() {
        Candidate first = request(1, MINISTER, IN_PERSON, 0, may31);
        Candidate second = request(2, MINISTER, IN_PERSON, 1, may31, june1);
        Allocation a = allocate(List.of(session(may31, 1), session(june1, 10)), List.of(first, second));
        assertThat(a.explain(second, GENEVA, "Geneva", this::label))
                .isEqualTo("rank MINISTER, in person, submitted 2022-04-02 10:15 Geneva; 31 May 09:30 full; "
                        + "1 June 09:30 slot 1");
        Candidate third = request(3, AMBASSADOR, VIDEO, 2, may31);
        Allocation b = allocate(List.of(session(may31, 1)), List.of(first, third));
        assertThat(b.explain(third, GENEVA, "Geneva", this::label))
                .isEqualTo("rank AMBASSADOR, video, submitted 2022-04-02 10:16 Geneva; 31 May 09:30 full; "
                        + "waiting list position 1");
    }

    @Test
    void aSessionThatDoesNotTakeTheModalityIsSkipped() {
        SessionSlots inPersonOnly = new SessionSlots(may31, 5, Set.of(IN_PERSON), T0);
        Candidate video = request(1, MINISTER, VIDEO, 0, may31, june1);
        Allocation a = allocate(List.of(inPersonOnly, session(june1, 1)), List.of(video));
        assertThat(a.outcomeOf(video.requestId())).isEqualTo(new Outcome.Allocated(june1, 1));
        assertThat(a.explain(video, GENEVA, "Geneva", this::label)).contains("31 May 09:30 does not take video");
    }

    @Test
    void aReleasePromotesTheNextWaitingRequest() {
        Candidate seated = request(1, MINISTER, IN_PERSON, 0, may31);
        Candidate next = request(2, MINISTER, IN_PERSON, 1, may31);
        Candidate after = request(3, MINISTER, IN_PERSON, 2, may31);
        List<SessionSlots> sessions = List.of(session(may31, 1));
        assertThat(allocate(sessions, List.of(seated, next, after)).outcomeOf(next.requestId()))
                .isEqualTo(new Outcome.Waiting(1));
        Allocation afterRelease = allocate(sessions, List.of(next, after));
        assertThat(afterRelease.outcomeOf(next.requestId())).isEqualTo(new Outcome.Allocated(may31, 1));
        assertThat(afterRelease.outcomeOf(after.requestId())).isEqualTo(new Outcome.Waiting(1));
    }

    @Test
    void aPinnedRequestTakesItsSeatBeforeTheRule() {
        Candidate hos = request(1, HEAD_OF_STATE, IN_PERSON, 0, may31);
        Candidate assigned = request(2, AMBASSADOR, REMOTE_LIVE, 5, june1)
                .withPlacement(new Placement.Pinned(may31, "assigned by the secretariat"));
        Allocation a = allocate(List.of(session(may31, 1), session(june1, 1)), List.of(hos, assigned));
        assertThat(a.outcomeOf(assigned.requestId())).isEqualTo(new Outcome.Allocated(may31, 1));
        assertThat(a.outcomeOf(hos.requestId())).isEqualTo(new Outcome.Waiting(1));
        assertThat(a.explain(assigned, GENEVA, "Geneva", this::label))
                .contains("assigned by the secretariat to 31 May 09:30");
    }

    @Test
    void heldAndLateRequestsWaitAndLateOnesComeLast() {
        Candidate held = request(1, HEAD_OF_STATE, IN_PERSON, 0, may31)
                .withPlacement(new Placement.Held("put on the waiting list by the secretariat"));
        Candidate lateHos = new Candidate(id(150), HEAD_OF_STATE, IN_PERSON, T0, List.of(may31), true,
                new Placement.Held("late request"), null);
        Candidate minister = request(3, MINISTER, IN_PERSON, 9, may31);
        Candidate waitingMinister = request(4, MINISTER, IN_PERSON, 10, may31);
        Allocation a = allocate(List.of(session(may31, 1)), List.of(held, lateHos, minister, waitingMinister));
        assertThat(a.outcomeOf(minister.requestId())).isEqualTo(new Outcome.Allocated(may31, 1));
        assertThat(a.waitingList()).containsExactly(held.requestId(), waitingMinister.requestId(), lateHos.requestId());
    }

    @Test
    void whileFrozenSeatsStayAndNothingNewIsPlaced() {
        Candidate seated = request(1, DEPUTY_MINISTER, IN_PERSON, 0, may31).withCurrentSession(may31);
        Candidate hos = request(2, HEAD_OF_STATE, IN_PERSON, 5, may31, june1);
        Allocation a = AllocationPolicy.allocate(List.of(session(may31, 1), session(june1, 1)),
                List.of(seated, hos), Precedence.protocol(), true);
        assertThat(a.outcomeOf(seated.requestId())).isEqualTo(new Outcome.Allocated(may31, 1));
        assertThat(a.outcomeOf(hos.requestId())).isEqualTo(new Outcome.Waiting(1));
        assertThat(a.explain(hos, GENEVA, "Geneva", this::label)).contains("list frozen: no automatic allocation");
    }

    @Test
    void theSameInputGivesTheSameAllocationWhateverItsOrder() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            candidates.add(request(i, Rank.values()[i % Rank.values().length], i % 2 == 0 ? IN_PERSON : VIDEO,
                    i % 7, i % 3 == 0 ? new UUID[]{may31, june1} : new UUID[]{june1}));
        }
        List<SessionSlots> sessions = List.of(session(may31, 5), session(june1, 7));
        Allocation first = allocate(sessions, candidates);
        List<Candidate> reversed = new ArrayList<>(candidates);
        java.util.Collections.reverse(reversed);
        Allocation second = allocate(sessions, reversed);
        assertThat(second.outcomes()).isEqualTo(first.outcomes());
        assertThat(second.speakersBySession()).isEqualTo(first.speakersBySession());
        assertThat(Map.copyOf(second.notes())).isEqualTo(Map.copyOf(first.notes()));
    }
}
