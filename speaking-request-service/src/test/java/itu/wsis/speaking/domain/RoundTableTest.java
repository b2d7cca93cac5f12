package itu.wsis.speaking.domain;

import itu.wsis.events.DomainEvent;
import itu.wsis.events.Rank;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingSlotAllocated;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Ministerial Round Table's rules: who may sit at it, and its seats allocated apart from the policy sessions. */
class RoundTableTest {

    static final Instant T0 = Instant.parse("2022-04-02T08:00:00Z");
    static final UUID HLPS = new UUID(1, 1);
    static final UUID TABLE = new UUID(2, 1);

    // ---------------------------------------------------------------- eligibility

    @Provide
    Arbitrary<Precedence> orders() {
        return Combinators.combine(Arbitraries.shuffle(Rank.values()), Arbitraries.of(true, false))
                .as(Precedence::new);
    }

    @Property
    void admitsExactlyTheRanksAtOrBeforeMinisterInTheConfiguredOrder(@ForAll("orders") Precedence precedence,
                                                                      @ForAll Rank rank) {
        RoundTableEligibility eligibility = new RoundTableEligibility(precedence);
        boolean atOrBefore = precedence.rankOrder().indexOf(rank) <= precedence.rankOrder().indexOf(Rank.MINISTER);
        assertThat(eligibility.admits(rank)).isEqualTo(atOrBefore);
        if (!atOrBefore) {
            assertThatThrownBy(() -> eligibility.require(rank)).isInstanceOf(SpeakingRequestRefused.class)
                    .satisfies(e -> {
                        SpeakingRequestRefused refused = (SpeakingRequestRefused) e;
                        assertThat(refused.slug()).isEqualTo("round-table-ministers-only");
                        assertThat(refused.details()).containsEntry("rank", rank.name());
                        assertThat(refused.getMessage()).contains("ministers only").contains(rank.name());
                    });
        }
    }

    @Test
    void inProtocolOrderAMinisterOrHigherSitsAndADeputyMinisterOrAnAmbassadorDoesNot() {
        RoundTableEligibility eligibility = new RoundTableEligibility(Precedence.protocol());
        assertThat(EnumSet.allOf(Rank.class).stream().filter(eligibility::admits).toList())
                .containsExactly(Rank.HEAD_OF_STATE, Rank.HEAD_OF_GOVERNMENT, Rank.MINISTER);
        assertThatThrownBy(() -> eligibility.require(Rank.DEPUTY_MINISTER))
                .hasMessageContaining("DEPUTY_MINISTER");
        assertThatThrownBy(() -> eligibility.require(Rank.AMBASSADOR)).hasMessageContaining("AMBASSADOR");
        assertThat(eligibility.admits(null)).isFalse();
    }

    // ---------------------------------------------------------------- which pool a request is in

    static List<SessionSlots> sessions(int hlpsCapacity, int seats) {
        return List.of(new SessionSlots(HLPS, hlpsCapacity, EnumSet.allOf(SpeakingModality.class), T0),
                new SessionSlots(TABLE, seats, EnumSet.of(SpeakingModality.IN_PERSON, SpeakingModality.REMOTE_LIVE),
                        T0.plusSeconds(3600), SessionKind.MINISTERIAL_ROUND_TABLE));
    }

    @Test
    void aRoundTableRequestNamesItsRoundTableAloneAndAnyOtherRequestIsForSpeakingTime() {
        assertThat(SubmissionPolicy.roundTableOf(sessions(3, 3), List.of(TABLE))).isEqualTo(TABLE);
        assertThat(SubmissionPolicy.roundTableOf(sessions(3, 3), List.of(HLPS))).isNull();
        assertThatThrownBy(() -> SubmissionPolicy.roundTableOf(sessions(3, 3), List.of(HLPS, TABLE)))
                .isInstanceOf(SpeakingRequestRefused.class)
                .satisfies(e -> assertThat(((SpeakingRequestRefused) e).field()).isEqualTo("preferredSessionIds[1]"));
        assertThatThrownBy(() -> SubmissionPolicy.roundTableOf(sessions(3, 3), List.of(TABLE, HLPS)))
                .satisfies(e -> assertThat(((SpeakingRequestRefused) e).field()).isEqualTo("preferredSessionIds[0]"));
    }

    // ---------------------------------------------------------------- allocation in separate pools

    static Candidate candidate(int n, Rank rank, UUID session) {
        return new Candidate(new UUID(9, n), rank, SpeakingModality.IN_PERSON, T0.plusSeconds(n), List.of(session),
                false, null, null);
    }

    @Test
    void theRoundTableAndThePolicySessionsFillAndWaitEachByItself() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            candidates.add(candidate(i, Rank.MINISTER, TABLE));
        }
        candidates.add(candidate(10, Rank.MINISTER, HLPS));
        candidates.add(candidate(11, Rank.MINISTER, HLPS));
        Allocation a = AllocationPolicy.allocate(sessions(1, 2), candidates, Precedence.protocol(), false);

        assertThat(a.speakersBySession().get(TABLE)).containsExactly(new UUID(9, 0), new UUID(9, 1));
        assertThat(a.speakersBySession().get(HLPS)).containsExactly(new UUID(9, 10));
        // Each pool's waiting list counts from 1: the policy session's first waiting request is not behind the
        // round table's.
        assertThat(a.outcomeOf(new UUID(9, 2))).isEqualTo(new Outcome.Waiting(1));
        assertThat(a.outcomeOf(new UUID(9, 3))).isEqualTo(new Outcome.Waiting(2));
        assertThat(a.outcomeOf(new UUID(9, 11))).isEqualTo(new Outcome.Waiting(1));
    }

    /** The one line that explains a request's place says seat at a round table, slot in a policy session. */
    @Test
    void theExplanationOfAPlaceAtTheRoundTableNamesASeatNotASlot() {
        List<Candidate> candidates = List.of(candidate(1, Rank.MINISTER, HLPS), candidate(2, Rank.MINISTER, TABLE),
                candidate(3, Rank.MINISTER, TABLE));
        java.util.function.Function<UUID, String> label = id -> id.equals(TABLE) ? "2 June 16:30" : "31 May 09:00";
        java.util.function.Predicate<UUID> roundTable = TABLE::equals;
        java.time.ZoneId geneva = java.time.ZoneId.of("Europe/Zurich");

        Allocation a = AllocationPolicy.allocate(sessions(1, 2), candidates, Precedence.protocol(), false);
        assertThat(a.explain(candidates.get(0), geneva, "Geneva", label, roundTable)).endsWith("; 31 May 09:00 slot 1");
        assertThat(a.explain(candidates.get(1), geneva, "Geneva", label, roundTable))
                .endsWith("; 2 June 16:30 seat 1").doesNotContain("slot");
        assertThat(a.explain(candidates.get(2), geneva, "Geneva", label, roundTable))
                .endsWith("; 2 June 16:30 seat 2").doesNotContain("slot");

        // A frozen list keeps the seat it gave, and says so.
        List<Candidate> seated = List.of(candidate(2, Rank.MINISTER, TABLE).withCurrentSession(TABLE));
        Allocation frozen = AllocationPolicy.allocate(sessions(1, 2), seated, Precedence.protocol(), true);
        assertThat(frozen.explain(seated.get(0), geneva, "Geneva", label, roundTable))
                .contains("list frozen: keeps its seat").doesNotContain("slot");
    }

    @Test
    void aFreeSeatAtTheRoundTableNeverGoesToARequestForSpeakingTimeNorTheReverse() {
        List<Candidate> candidates = List.of(candidate(1, Rank.HEAD_OF_STATE, HLPS), candidate(2, Rank.MINISTER, HLPS),
                candidate(3, Rank.MINISTER, TABLE), candidate(4, Rank.MINISTER, TABLE));
        Allocation a = AllocationPolicy.allocate(sessions(1, 5), candidates, Precedence.protocol(), false);
        assertThat(a.allocatedIn(TABLE)).isEqualTo(2);
        assertThat(a.allocatedIn(HLPS)).isEqualTo(1);
        assertThat(a.outcomeOf(new UUID(9, 2))).isEqualTo(new Outcome.Waiting(1));
    }

    @Property
    void aRoundTableSeatsOnlyItsOwnRequestsAndNeverMoreThanItsSeats(@ForAll("counts") List<Integer> plan) {
        int seats = plan.get(0);
        int hlps = plan.get(1);
        int tableRequests = plan.get(2);
        int speakingRequests = plan.get(3);
        List<Candidate> candidates = new ArrayList<>();
        Rank[] ranks = Rank.values();
        for (int i = 0; i < tableRequests; i++) {
            candidates.add(candidate(i, ranks[i % 3], TABLE));
        }
        for (int i = 0; i < speakingRequests; i++) {
            candidates.add(candidate(100 + i, ranks[i % ranks.length], HLPS));
        }
        Allocation a = AllocationPolicy.allocate(sessions(hlps, seats), candidates, Precedence.protocol(), false);
        assertThat(a.allocatedIn(TABLE)).isEqualTo(Math.min(seats, tableRequests));
        assertThat(a.allocatedIn(HLPS)).isEqualTo(Math.min(hlps, speakingRequests));
        assertThat(a.speakersBySession().get(TABLE)).allSatisfy(id -> assertThat(id.getMostSignificantBits())
                .isEqualTo(9).satisfies(x -> assertThat(id.getLeastSignificantBits()).isLessThan(100)));
        long waitingAtTable = candidates.stream().filter(c -> c.preferredSessionIds().contains(TABLE))
                .filter(c -> a.outcomeOf(c.requestId()) instanceof Outcome.Waiting).count();
        assertThat(waitingAtTable).isEqualTo(Math.max(0, tableRequests - seats));
    }

    @Provide
    Arbitrary<List<Integer>> counts() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 10), Arbitraries.integers().between(0, 10))
                .as(List::of);
    }

    // ---------------------------------------------------------------- events and overrides

    @Test
    void theEventsOfARoundTableNameItsKindAndTheSeatSpansTheWholeSession() {
        Session table = new Session(TABLE, UUID.randomUUID(), Map.of(itu.wsis.events.Language.EN, "MRT"), T0,
                T0.plusSeconds(90 * 60), java.time.ZoneId.of("Europe/Zurich"), 1, 0, 3,
                EnumSet.of(SpeakingModality.IN_PERSON), "Room 1", null, SessionKind.MINISTERIAL_ROUND_TABLE);
        Candidate seated = candidate(1, Rank.MINISTER, TABLE);
        Candidate waiting = candidate(2, Rank.MINISTER, TABLE);
        Allocation a = AllocationPolicy.allocate(List.of(new SessionSlots(TABLE, 1,
                EnumSet.of(SpeakingModality.IN_PERSON), T0, SessionKind.MINISTERIAL_ROUND_TABLE)),
                List.of(seated, waiting), Precedence.protocol(), false);
        List<Reallocation.Before> before = List.of(
                new Reallocation.Before(seated.requestId(), UUID.randomUUID(), SpeakingModality.IN_PERSON,
                        RequestStatus.WAITLISTED, null, true, SessionKind.MINISTERIAL_ROUND_TABLE),
                new Reallocation.Before(waiting.requestId(), UUID.randomUUID(), SpeakingModality.IN_PERSON,
                        RequestStatus.WAITLISTED, null, true, SessionKind.MINISTERIAL_ROUND_TABLE));
        List<DomainEvent> events = Reallocation.of(a, before, Map.of(TABLE, table), id -> "full", T0).events();
        SpeakingSlotAllocated allocated = (SpeakingSlotAllocated) events.get(0);
        assertThat(allocated.sessionKind()).isEqualTo(SessionKind.MINISTERIAL_ROUND_TABLE);
        assertThat(allocated.plannedStart()).isEqualTo(T0);
        assertThat(allocated.statementMinutes()).isEqualTo(90);
        assertThat(((SpeakingRequestWaitlisted) events.get(1)).sessionKind())
                .isEqualTo(SessionKind.MINISTERIAL_ROUND_TABLE);
        assertThat(table.plannedStart(5)).isEqualTo(T0);
    }

    @Test
    void theSecretariatAssignsARequestWithinItsOwnKindOnly() {
        SpeakingRequest r = new SpeakingRequest(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Kenya",
                new SpeakingRequest.Speaker("Minister", "Minister of ICT", Rank.MINISTER, false),
                new SpeakingRequest.RankStanding(Rank.MINISTER, null, null, null, null), List.of(TABLE),
                itu.wsis.events.Language.EN, SpeakingModality.IN_PERSON, "Topic", null, null, T0, Actor.INVITEE,
                false, RequestStatus.WAITLISTED, 1, null, null, null, null);
        List<SessionSlots> s = sessions(3, 3);
        assertThat(r.assign(TABLE, s.get(1), 0, TABLE).overrideKind()).isEqualTo(OverrideKind.ASSIGNED);
        assertThatThrownBy(() -> r.assign(HLPS, s.get(0), 0, TABLE))
                .satisfies(e -> assertThat(((SpeakingRequestRefused) e).field()).isEqualTo("sessionId"));
        assertThatThrownBy(() -> r.assign(TABLE, s.get(1), 0, null))
                .satisfies(e -> assertThat(((SpeakingRequestRefused) e).field()).isEqualTo("sessionId"));
    }
}
