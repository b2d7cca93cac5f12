package itu.wsis.speaking.domain;

import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingModality;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation's guarantees, over random forums: sessions, requests, pins, holds and lateness. */
class AllocationPropertiesTest {

    record Forum(List<SessionSlots> sessions, List<Candidate> candidates, Precedence precedence) {
    }

    static final Instant T0 = Instant.parse("2022-03-21T08:00:00Z");

    @Provide
    Arbitrary<Forum> forums() {
        Arbitrary<List<SessionSlots>> sessions = Arbitraries.integers().between(1, 5).flatMap(n ->
                Combinators.combine(
                        Arbitraries.integers().between(0, 6).list().ofSize(n),
                        Arbitraries.subsetOf(SpeakingModality.values()).ofMinSize(1).list().ofSize(n))
                        .as((capacities, modalities) -> {
                            List<SessionSlots> list = new ArrayList<>();
                            for (int i = 0; i < n; i++) {
                                list.add(new SessionSlots(new UUID(1, i), capacities.get(i), modalities.get(i),
                                        T0.plusSeconds(3600L * i)));
                            }
                            return list;
                        }));
        Arbitrary<Precedence> precedence = Combinators.combine(
                        Arbitraries.shuffle(Rank.values()), Arbitraries.of(true, false))
                .as(Precedence::new);
        return Combinators.combine(sessions, precedence, Arbitraries.integers().between(0, 30))
                .flatAs((s, p, count) -> candidates(s, count).map(c -> new Forum(s, c, p)));
    }

    private static Arbitrary<List<Candidate>> candidates(List<SessionSlots> sessions, int count) {
        List<UUID> ids = sessions.stream().map(SessionSlots::sessionId).toList();
        Arbitrary<Candidate> one = Combinators.combine(
                        Arbitraries.of(Rank.class),
                        Arbitraries.of(SpeakingModality.class),
                        Arbitraries.integers().between(0, 20),
                        Arbitraries.subsetOf(ids).ofMinSize(1).map(ArrayList::new).flatMap(Arbitraries::shuffle),
                        Arbitraries.frequency(Tuple.of(8, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3)),
                        Arbitraries.of(ids))
                .as((rank, modality, minute, prefs, kind, pinTo) -> new Candidate(UUID.randomUUID(), rank, modality,
                        T0.plusSeconds(60L * minute), prefs, kind == 3, switch (kind) {
                            case 1 -> new Placement.Pinned(pinTo, "assigned by the secretariat");
                            case 2, 3 -> new Placement.Held("held");
                            default -> Placement.AUTOMATIC;
                        }, null));
        return one.list().ofSize(count);
    }

    @Property(tries = 300)
    void capacityIsNeverExceededAndEveryRequestHasExactlyOneOutcome(@ForAll("forums") Forum forum) {
        Allocation a = AllocationPolicy.allocate(forum.sessions(), forum.candidates(), forum.precedence(), false);
        for (SessionSlots s : forum.sessions()) {
            List<UUID> speakers = a.speakersBySession().get(s.sessionId());
            assertThat(speakers.size()).isLessThanOrEqualTo(s.capacity());
            for (int i = 0; i < speakers.size(); i++) {
                assertThat(a.outcomeOf(speakers.get(i))).isEqualTo(new Outcome.Allocated(s.sessionId(), i + 1));
            }
        }
        assertThat(a.outcomes().keySet())
                .isEqualTo(forum.candidates().stream().map(Candidate::requestId).collect(Collectors.toSet()));
        assertThat(a.waitingList()).doesNotHaveDuplicates();
    }

    @Property(tries = 300)
    void noLowerRankedRequestIsSeatedWhileAHigherRankedEligibleOneWaits(@ForAll("forums") Forum forum) {
        Allocation a = AllocationPolicy.allocate(forum.sessions(), forum.candidates(), forum.precedence(), false);
        Comparator<Candidate> order = forum.precedence().comparator();
        Map<UUID, SessionSlots> sessions = forum.sessions().stream()
                .collect(Collectors.toMap(SessionSlots::sessionId, s -> s));
        for (Candidate waiting : forum.candidates()) {
            if (!waiting.automatic() || !(a.outcomeOf(waiting.requestId()) instanceof Outcome.Waiting)) {
                continue;
            }
            for (Candidate seated : forum.candidates()) {
                if (!seated.automatic() || !(a.outcomeOf(seated.requestId()) instanceof Outcome.Allocated seat)) {
                    continue;
                }
                boolean eligible = waiting.preferredSessionIds().contains(seat.sessionId())
                        && sessions.get(seat.sessionId()).accepts(waiting.modality());
                if (eligible) {
                    assertThat(order.compare(seated, waiting))
                            .as("a request of lower precedence is seated where a higher one waits")
                            .isLessThan(0);
                }
            }
        }
    }

    @Property(tries = 300)
    void noEligibleRequestWaitsWhileOneOfItsSessionsHasRoom(@ForAll("forums") Forum forum) {
        Allocation a = AllocationPolicy.allocate(forum.sessions(), forum.candidates(), forum.precedence(), false);
        for (Candidate c : forum.candidates()) {
            if (c.automatic() && a.outcomeOf(c.requestId()) instanceof Outcome.Waiting) {
                for (SessionSlots s : forum.sessions()) {
                    if (c.preferredSessionIds().contains(s.sessionId()) && s.accepts(c.modality())) {
                        assertThat(a.allocatedIn(s.sessionId())).isEqualTo(s.capacity());
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void theWaitingListIsPromotedOnRelease(@ForAll("forums") Forum forum) {
        Allocation before = AllocationPolicy.allocate(forum.sessions(), forum.candidates(), forum.precedence(), false);
        Candidate released = forum.candidates().stream()
                .filter(c -> before.outcomeOf(c.requestId()) instanceof Outcome.Allocated).findFirst().orElse(null);
        if (released == null) {
            return;
        }
        UUID freed = ((Outcome.Allocated) before.outcomeOf(released.requestId())).sessionId();
        SessionSlots freedSession = forum.sessions().stream().filter(s -> s.sessionId().equals(freed)).findFirst()
                .orElseThrow();
        boolean someoneWanted = forum.candidates().stream().anyMatch(c -> c.automatic()
                && before.outcomeOf(c.requestId()) instanceof Outcome.Waiting
                && c.preferredSessionIds().contains(freed) && freedSession.accepts(c.modality()));
        List<Candidate> remaining = forum.candidates().stream().filter(c -> c != released).toList();
        Allocation after = AllocationPolicy.allocate(forum.sessions(), remaining, forum.precedence(), false);
        if (someoneWanted) {
            // The seat does not stay empty while a request that asked for it waits.
            assertThat(after.allocatedIn(freed)).isEqualTo(before.allocatedIn(freed));
            Set<UUID> promoted = new HashSet<>();
            for (Candidate c : remaining) {
                if (before.outcomeOf(c.requestId()) instanceof Outcome.Waiting
                        && after.outcomeOf(c.requestId()) instanceof Outcome.Allocated) {
                    promoted.add(c.requestId());
                }
            }
            boolean movedUp = remaining.stream().anyMatch(c -> before.outcomeOf(c.requestId()) instanceof Outcome.Allocated a1
                    && after.outcomeOf(c.requestId()) instanceof Outcome.Allocated a2 && !a1.sessionId().equals(a2.sessionId()));
            assertThat(!promoted.isEmpty() || movedUp)
                    .as("a waiting request is promoted, or a seated one of higher precedence moves to its better choice")
                    .isTrue();
        }
        // Nobody who was seated loses the seat because of a release.
        for (Candidate c : remaining) {
            if (before.outcomeOf(c.requestId()) instanceof Outcome.Allocated && c.automatic()) {
                assertThat(after.outcomeOf(c.requestId())).isInstanceOf(Outcome.Allocated.class);
            }
        }
    }

    @Property(tries = 200)
    void theAllocationIsDeterministic(@ForAll("forums") Forum forum) {
        List<Candidate> shuffled = new ArrayList<>(forum.candidates());
        java.util.Collections.shuffle(shuffled, new java.util.Random(42));
        Allocation a = AllocationPolicy.allocate(forum.sessions(), forum.candidates(), forum.precedence(), false);
        Allocation b = AllocationPolicy.allocate(forum.sessions(), shuffled, forum.precedence(), false);
        assertThat(b.outcomes()).isEqualTo(a.outcomes());
        assertThat(b.waitingList()).isEqualTo(a.waitingList());
    }

    @Property(tries = 200)
    void aFrozenListKeepsEverySeat(@ForAll("forums") Forum forum) {
        Allocation open = AllocationPolicy.allocate(forum.sessions(), forum.candidates(), forum.precedence(), false);
        List<Candidate> seated = forum.candidates().stream().map(c -> open.outcomeOf(c.requestId())
                        instanceof Outcome.Allocated a ? c.withCurrentSession(a.sessionId()) : c)
                .toList();
        Allocation frozen = AllocationPolicy.allocate(forum.sessions(), seated, forum.precedence(), true);
        for (Candidate c : seated) {
            Outcome was = open.outcomeOf(c.requestId());
            if (was instanceof Outcome.Allocated a) {
                assertThat(frozen.outcomeOf(c.requestId())).isEqualTo(a);
            } else {
                assertThat(frozen.outcomeOf(c.requestId())).isInstanceOf(Outcome.Waiting.class);
            }
        }
    }

    static Set<SpeakingModality> all() {
        return EnumSet.allOf(SpeakingModality.class);
    }
}
