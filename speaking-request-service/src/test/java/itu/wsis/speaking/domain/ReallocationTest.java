package itu.wsis.speaking.domain;

import itu.wsis.events.DomainEvent;
import itu.wsis.events.Language;
import itu.wsis.events.SpeakingModality;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.events.SpeakingSlotRescheduled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which outcomes of a recomputation are news, and the statuses it leaves. */
class ReallocationTest {

    static final Instant START = Instant.parse("2022-05-31T07:30:00Z");
    static final Instant NOW = Instant.parse("2022-04-02T08:00:00Z");

    final Session a = session(START, 3);
    final Session b = session(START.plusSeconds(7200), 3);
    final Map<UUID, Session> sessions = Map.of(a.id(), a, b.id(), b);

    static Session session(Instant start, int minutes) {
        return new Session(UUID.randomUUID(), UUID.randomUUID(), Map.of(Language.EN, "HLPS"), start,
                start.plusSeconds(3600), ZoneId.of("Europe/Zurich"), 10, 0, minutes,
                Set.of(SpeakingModality.IN_PERSON), null, null);
    }

    static Session placed(Session s, String room, String remoteJoinUrl) {
        return new Session(s.id(), s.forumId(), s.titles(), s.startsAt(), s.endsAt(), s.zone(), s.capacity(),
                s.allocated(), s.statementMinutes(), s.modalities(), room, remoteJoinUrl);
    }

    static Reallocation.Before before(RequestStatus status, UUID sessionId, boolean isNew) {
        return before(SpeakingModality.IN_PERSON, status, sessionId, isNew);
    }

    static Reallocation.Before before(SpeakingModality modality, RequestStatus status, UUID sessionId, boolean isNew) {
        return new Reallocation.Before(UUID.randomUUID(), UUID.randomUUID(), modality, status, sessionId, isNew);
    }

    static Allocation allocation(Map<UUID, Outcome> outcomes) {
        return new Allocation(outcomes, Map.of(), List.of(), Map.of());
    }

    @Test
    void aNewRequestIsAnnouncedAllocatedOrWaitlistedWithItsExplanation() {
        Reallocation.Before seated = before(RequestStatus.WAITLISTED, null, true);
        Reallocation.Before waiting = before(RequestStatus.WAITLISTED, null, true);
        Reallocation.Result result = Reallocation.of(allocation(Map.of(seated.requestId(), new Outcome.Allocated(a.id(), 2),
                waiting.requestId(), new Outcome.Waiting(1))), List.of(seated, waiting), sessions, id -> "why " + id, NOW);

        assertThat(result.events()).hasSize(2);
        assertThat(result.events().get(0)).isInstanceOfSatisfying(SpeakingSlotAllocated.class, e -> {
            assertThat(e.requestId()).isEqualTo(seated.requestId());
            assertThat(e.position()).isEqualTo(2);
            assertThat(e.plannedStart()).isEqualTo(START.plusSeconds(180));
            assertThat(e.timeZone()).isEqualTo("Europe/Zurich");
        });
        assertThat(result.events().get(1)).isInstanceOfSatisfying(SpeakingRequestWaitlisted.class, e -> {
            assertThat(e.position()).isEqualTo(1);
            assertThat(e.reason()).isEqualTo("why " + waiting.requestId());
        });
        assertThat(result.requests()).containsExactly(
                new Reallocation.After(seated.requestId(), RequestStatus.ALLOCATED, null),
                new Reallocation.After(waiting.requestId(), RequestStatus.WAITLISTED, 1));
    }

    @Test
    void promotionsMovesAndDemotionsAreNewsAMoveWithinASessionIsNot() {
        Reallocation.Before promoted = before(RequestStatus.WAITLISTED, null, false);
        Reallocation.Before moved = before(RequestStatus.ALLOCATED, a.id(), false);
        Reallocation.Before stays = before(RequestStatus.ALLOCATED, a.id(), false);
        Reallocation.Before demoted = before(RequestStatus.ALLOCATED, b.id(), false);
        Reallocation.Before stillWaiting = before(RequestStatus.WAITLISTED, null, false);
        Reallocation.Result result = Reallocation.of(allocation(Map.of(
                        promoted.requestId(), new Outcome.Allocated(a.id(), 1),
                        moved.requestId(), new Outcome.Allocated(b.id(), 1),
                        stays.requestId(), new Outcome.Allocated(a.id(), 2),
                        demoted.requestId(), new Outcome.Waiting(1),
                        stillWaiting.requestId(), new Outcome.Waiting(2))),
                List.of(promoted, moved, stays, demoted, stillWaiting), sessions, id -> "", NOW);

        List<DomainEvent> events = result.events();
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(SpeakingRequestPromoted.class,
                e -> assertThat(e.requestId()).isEqualTo(promoted.requestId()));
        assertThat(events.get(1)).isInstanceOfSatisfying(SpeakingSlotAllocated.class,
                e -> assertThat(e.sessionId()).isEqualTo(b.id()));
        assertThat(events.get(2)).isInstanceOfSatisfying(SpeakingRequestWaitlisted.class,
                e -> assertThat(e.requestId()).isEqualTo(demoted.requestId()));
        assertThat(result.requests()).extracting(Reallocation.After::waitingPosition)
                .containsExactly(null, null, null, 1, 2);
    }

    @Test
    void aChangedSessionReschedulesTheSeatsWhosePlannedStartMovedAndNobodyTwice() {
        Session longer = new Session(a.id(), a.forumId(), a.titles(), a.startsAt(), a.endsAt(), a.zone(), 10, 0, 5,
                a.modalities(), null, null);
        Reallocation.Before first = before(RequestStatus.ALLOCATED, a.id(), false);
        Reallocation.Before second = before(RequestStatus.ALLOCATED, a.id(), false);
        Reallocation.Before announced = before(RequestStatus.ALLOCATED, a.id(), false);
        Reallocation.Before elsewhere = before(RequestStatus.ALLOCATED, a.id(), false);
        Allocation allocation = allocation(Map.of(first.requestId(), new Outcome.Allocated(a.id(), 1),
                second.requestId(), new Outcome.Allocated(a.id(), 2),
                announced.requestId(), new Outcome.Allocated(a.id(), 3),
                elsewhere.requestId(), new Outcome.Allocated(b.id(), 1)));
        Map<UUID, Instant> plannedBefore = Map.of(first.requestId(), a.plannedStart(1),
                second.requestId(), a.plannedStart(2), announced.requestId(), a.plannedStart(3),
                elsewhere.requestId(), a.plannedStart(4));
        List<DomainEvent> told = List.of(new SpeakingRequestPromoted(UUID.randomUUID(), NOW,
                announced.invitationId(), announced.requestId(), a.id(), a.titles(), a.startsAt(), "Europe/Zurich", 3,
                longer.plannedStart(3), 5, SpeakingModality.IN_PERSON));

        List<DomainEvent> events = Reallocation.reschedules(longer, a, allocation,
                List.of(first, second, announced, elsewhere), plannedBefore, told, NOW);

        assertThat(events).singleElement().isInstanceOfSatisfying(SpeakingSlotRescheduled.class, e -> {
            assertThat(e.requestId()).as("the first keeps its start").isEqualTo(second.requestId());
            assertThat(e.plannedStart()).isEqualTo(START.plusSeconds(300));
            assertThat(e.statementMinutes()).isEqualTo(5);
        });
    }

    @Test
    void theSlotEventsCarryTheRoomToEveryoneAndTheJoinLinkOnlyToARemoteLiveSpeaker() {
        Session room2 = placed(a, "CICG, Room 2", "https://meet.example.org/hlps-1");
        Reallocation.Before inPerson = before(SpeakingModality.IN_PERSON, RequestStatus.WAITLISTED, null, true);
        Reallocation.Before remote = before(SpeakingModality.REMOTE_LIVE, RequestStatus.WAITLISTED, null, false);
        Reallocation.Before video = before(SpeakingModality.VIDEO, RequestStatus.WAITLISTED, null, true);
        Reallocation.Result result = Reallocation.of(allocation(Map.of(
                        inPerson.requestId(), new Outcome.Allocated(a.id(), 1),
                        remote.requestId(), new Outcome.Allocated(a.id(), 2),
                        video.requestId(), new Outcome.Allocated(a.id(), 3))),
                List.of(inPerson, remote, video), Map.of(a.id(), room2, b.id(), b), id -> "", NOW);

        assertThat(result.events()).hasSize(3);
        assertThat(result.events().get(0)).isInstanceOfSatisfying(SpeakingSlotAllocated.class, e -> {
            assertThat(e.room()).isEqualTo("CICG, Room 2");
            assertThat(e.remoteJoinUrl()).isNull();
        });
        assertThat(result.events().get(1)).isInstanceOfSatisfying(SpeakingRequestPromoted.class, e -> {
            assertThat(e.room()).isEqualTo("CICG, Room 2");
            assertThat(e.remoteJoinUrl()).isEqualTo("https://meet.example.org/hlps-1");
        });
        assertThat(result.events().get(2)).isInstanceOfSatisfying(SpeakingSlotAllocated.class,
                e -> assertThat(e.remoteJoinUrl()).isNull());
    }

    @Test
    void aNewRoomReschedulesEverySeatAndANewJoinLinkOnlyTheRemoteLiveOnes() {
        Session before = placed(a, "CICG, Room 2", "https://meet.example.org/old");
        Reallocation.Before inPerson = before(SpeakingModality.IN_PERSON, RequestStatus.ALLOCATED, a.id(), false);
        Reallocation.Before remote = before(SpeakingModality.REMOTE_LIVE, RequestStatus.ALLOCATED, a.id(), false);
        Allocation allocation = allocation(Map.of(inPerson.requestId(), new Outcome.Allocated(a.id(), 1),
                remote.requestId(), new Outcome.Allocated(a.id(), 2)));
        Map<UUID, Instant> plannedBefore = Map.of(inPerson.requestId(), a.plannedStart(1),
                remote.requestId(), a.plannedStart(2));

        List<DomainEvent> newLink = Reallocation.reschedules(placed(a, "CICG, Room 2", "https://meet.example.org/new"),
                before, allocation, List.of(inPerson, remote), plannedBefore, List.of(), NOW);
        assertThat(newLink).singleElement().isInstanceOfSatisfying(SpeakingSlotRescheduled.class, e -> {
            assertThat(e.requestId()).isEqualTo(remote.requestId());
            assertThat(e.plannedStart()).isEqualTo(a.plannedStart(2));
            assertThat(e.room()).isEqualTo("CICG, Room 2");
            assertThat(e.remoteJoinUrl()).isEqualTo("https://meet.example.org/new");
        });

        List<DomainEvent> newRoom = Reallocation.reschedules(placed(a, "CICG, Room 1", "https://meet.example.org/old"),
                before, allocation, List.of(inPerson, remote), plannedBefore, List.of(), NOW);
        assertThat(newRoom).hasSize(2).allSatisfy(e -> assertThat(((SpeakingSlotRescheduled) e).room())
                .isEqualTo("CICG, Room 1"));
        assertThat(newRoom).extracting(e -> ((SpeakingSlotRescheduled) e).remoteJoinUrl())
                .containsExactlyInAnyOrder(null, "https://meet.example.org/old");

        assertThat(Reallocation.reschedules(before, before, allocation, List.of(inPerson, remote), plannedBefore,
                List.of(), NOW)).as("nothing changed").isEmpty();
    }

    @Test
    void aJoinLinkIsAnAbsoluteHttpsAddressAndNothingElse() {
        assertThat(Session.isJoinUrl("https://meet.example.org/j/123?pwd=abc")).isTrue();
        assertThat(Session.isJoinUrl("http://meet.example.org/j/123")).isFalse();
        assertThat(Session.isJoinUrl("javascript:alert(1)")).isFalse();
        assertThat(Session.isJoinUrl("meet.example.org/j/123")).isFalse();
        assertThat(Session.isJoinUrl("https:///path-only")).isFalse();
        assertThat(Session.isJoinUrl("https://user:pw@meet.example.org/")).isFalse();
        assertThat(Session.isJoinUrl("https://meet.example.org/a b")).isFalse();
        assertThat(Session.isJoinUrl("https://meet.example.org/" + "x".repeat(Session.REMOTE_JOIN_URL_MAX))).isFalse();
    }
}
