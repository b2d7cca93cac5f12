package itu.wsis.speaking.domain;

import itu.wsis.events.AllocationFrozen;
import itu.wsis.events.AllocationUnfrozen;
import itu.wsis.events.ListOfSpeakersPublished;
import itu.wsis.events.Rank;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The planned times of a session, the dry run's lines and the publication of the lists of speakers. */
class AllocationReadingsTest {

    static final Instant START = Instant.parse("2022-05-31T07:30:00Z");

    /** Position n speaks (n − 1) statements after the start, whatever the statement length. */
    @Property
    void speakersFollowOneAnotherFromTheStart(@ForAll @IntRange(min = 1, max = 60) int minutes,
                                              @ForAll @IntRange(min = 1, max = 200) int position) {
        Instant planned = Session.plannedStart(START, minutes, position);
        assertThat(Duration.between(START, planned)).isEqualTo(Duration.ofMinutes((long) minutes * (position - 1)));
        assertThat(Session.plannedStart(START, minutes, position + 1)).isEqualTo(planned.plusSeconds(60L * minutes));
    }

    @Test
    void aDryRunLineSaysWhetherTheRuleWouldMoveTheRequest() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThat(line(a, 2, new Outcome.Allocated(a, 2)).changes()).isFalse();
        assertThat(line(a, 2, new Outcome.Allocated(a, 3)).changes()).as("another place").isTrue();
        assertThat(line(a, 2, new Outcome.Allocated(b, 2)).changes()).as("another session").isTrue();
        assertThat(line(a, 2, new Outcome.Waiting(1)).changes()).as("loses its seat").isTrue();
        assertThat(line(null, null, new Outcome.Allocated(a, 1)).changes()).as("gains a seat").isTrue();
        DryRun.Line waiting = line(null, null, new Outcome.Waiting(4));
        assertThat(waiting.changes()).isFalse();
        assertThat(waiting.outcome()).isEqualTo(RequestStatus.WAITLISTED);
        assertThat(waiting.waitingPosition()).isEqualTo(4);
        assertThat(line(a, 2, new Outcome.Allocated(a, 2)).outcome()).isEqualTo(RequestStatus.ALLOCATED);
    }

    @Test
    void theDryRunReadsSessionsByStartAndPositionThenTheWaitingList() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        Map<UUID, Instant> starts = Map.of(early, START, late, START.plusSeconds(3600));
        DryRun.Line w2 = line(null, null, new Outcome.Waiting(2));
        DryRun.Line w1 = line(null, null, new Outcome.Waiting(1));
        DryRun.Line late1 = line(null, null, new Outcome.Allocated(late, 1));
        DryRun.Line early2 = line(null, null, new Outcome.Allocated(early, 2));
        DryRun.Line early1 = line(null, null, new Outcome.Allocated(early, 1));

        DryRun run = DryRun.of(UUID.randomUUID(), false, START, List.of(w2, late1, w1, early2, early1), starts::get);

        assertThat(run.requests()).containsExactly(early1, early2, late1, w1, w2);
    }

    @Test
    void publishingAnnouncesEverySessionAtTheNextRevision() {
        AllocationSettings settings = new AllocationSettings(UUID.randomUUID(), "WSIS-2022", "Europe/Zurich",
                LatePolicy.WAITLIST, true, 2, START);
        Map<UUID, Integer> speakers = new LinkedHashMap<>();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        speakers.put(first, 18);
        speakers.put(second, 0);

        AllocationSettings.Publication publication = settings.publish(speakers, START.plusSeconds(60));

        assertThat(publication.settings().publishedRevision()).isEqualTo(3);
        assertThat(publication.settings().publishedAt()).isEqualTo(START.plusSeconds(60));
        assertThat(publication.settings().frozen()).as("publishing does not freeze or unfreeze").isTrue();
        assertThat(publication.events()).hasSize(2).allSatisfy(e ->
                assertThat(((ListOfSpeakersPublished) e).revision()).isEqualTo(3));
        assertThat(((ListOfSpeakersPublished) publication.events().get(0)).sessionId()).isEqualTo(first);
        assertThat(((ListOfSpeakersPublished) publication.events().get(0)).speakers()).isEqualTo(18);
        assertThat(new AllocationSettings(null, null, null, LatePolicy.REJECT, false, 0, null).published()).isFalse();
    }

    @Test
    void onlyAChangeOfTheFreezeIsRecordedAndTheEventLeavesTheActorToTheCaller() {
        UUID forum = UUID.randomUUID();
        AllocationSettings open = new AllocationSettings(forum, "WSIS-2022", "Europe/Zurich", LatePolicy.WAITLIST,
                false, 1, START);

        AllocationSettings.FreezeChange frozen = open.freeze(START.plusSeconds(60));
        assertThat(frozen.changed()).isTrue();
        assertThat(frozen.settings()).isEqualTo(new AllocationSettings(forum, "WSIS-2022", "Europe/Zurich",
                LatePolicy.WAITLIST, true, 1, START));
        AllocationFrozen event = (AllocationFrozen) frozen.event().orElseThrow();
        assertThat(event.forumId()).isEqualTo(forum);
        assertThat(event.occurredAt()).isEqualTo(START.plusSeconds(60));
        assertThat(event.actor()).as("named by the outbox, from the request").isNull();

        AllocationSettings.FreezeChange again = frozen.settings().freeze(START.plusSeconds(120));
        assertThat(again.changed()).isFalse();
        assertThat(again.settings()).isEqualTo(frozen.settings());
        assertThat(open.unfreeze(START).changed()).as("unfreezing what is not frozen").isFalse();
        assertThat(open.unfreeze(START).settings()).isEqualTo(open);

        AllocationSettings.FreezeChange unfrozen = frozen.settings().unfreeze(START.plusSeconds(180));
        assertThat(unfrozen.settings()).isEqualTo(open);
        assertThat(unfrozen.event().orElseThrow()).isInstanceOfSatisfying(AllocationUnfrozen.class, e -> {
            assertThat(e.forumId()).isEqualTo(forum);
            assertThat(e.occurredAt()).isEqualTo(START.plusSeconds(180));
            assertThat(e.eventId()).isNotEqualTo(event.eventId());
        });
    }

    private static DryRun.Line line(UUID currentSession, Integer currentPosition, Outcome outcome) {
        return DryRun.line(UUID.randomUUID(), "Bhutan", Rank.MINISTER, RequestStatus.ALLOCATED, currentSession,
                currentPosition, outcome, "because");
    }
}
