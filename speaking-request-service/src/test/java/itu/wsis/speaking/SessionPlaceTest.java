package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.events.SpeakingSlotRescheduled;
import itu.wsis.testing.TestKafka;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static itu.wsis.speaking.Fixtures.DB;
import static itu.wsis.speaking.Fixtures.asSecretariat;
import static itu.wsis.speaking.Fixtures.requestBody;
import static itu.wsis.speaking.Fixtures.withLink;
import static itu.wsis.speaking.SpeakingRequestFlowTest.awaitEvent;
import static itu.wsis.speaking.SpeakingRequestFlowTest.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Where a session takes place (issue 17, "Calendar"): its room and its remote join link, set by the secretariat,
 * carried by the slot events, and the link shown to nobody but the secretariat and a remote live speaker seated in it.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class SessionPlaceTest {

    static final Instant FUTURE = Instant.now().plus(Duration.ofDays(60));
    static final String LINK = "https://meet.example.org/j/hlps-4?pwd=s3cret";

    static String sessionBody(int capacity, String room, String remoteJoinUrl) {
        return """
                {"titles": {"en": "High-Level Policy Session 4", "fr": "Session de haut niveau 4"},
                 "start": "2022-06-01T09:30:00", "end": "2022-06-01T10:30:00", "capacity": %d,
                 "modalities": ["IN_PERSON", "REMOTE_LIVE", "VIDEO"]%s%s}""".formatted(capacity,
                room == null ? "" : ", \"room\": \"" + room + "\"",
                remoteJoinUrl == null ? "" : ", \"remoteJoinUrl\": \"" + remoteJoinUrl + "\"");
    }

    static UUID create(Fixtures.Forum forum, String body) {
        return UUID.fromString(asSecretariat().body(body).post("/forums/" + forum.forumId() + "/sessions")
                .then().statusCode(201).body("room", equalTo("CICG, Room 2"))
                .body("remoteJoinUrl", equalTo(LINK)).extract().path("id"));
    }

    @Test
    void theSecretariatSetsARoomAndAnHttpsJoinLinkAndNothingElse() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        String path = "/forums/" + forum.forumId() + "/sessions";
        for (String bad : List.of("http://meet.example.org/j/1", "meet.example.org/j/1", "javascript:alert(1)",
                "https://meet.example.org/a b", "https://user:pw@meet.example.org/j")) {
            asSecretariat().body(sessionBody(3, "CICG, Room 2", bad)).post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("remoteJoinUrl"))
                    .body("errors[0].message", startsWith("must be an absolute https:// address"));
        }
        asSecretariat().body(sessionBody(3, "https://meet.example.org/" + "x".repeat(500), null)
                .replace("\"room\"", "\"remoteJoinUrl\"")).post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("remoteJoinUrl"));
        asSecretariat().body(sessionBody(3, "CICG,\\nRoom 2", null)).post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("room"))
                .body("errors[0].message", startsWith("must be a single line"));
        asSecretariat().body(sessionBody(3, "R".repeat(201), null)).post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("room"));
        assertThat(TestPostgres.queryLong(DB, "select count(*) from hl_session where forum_id = ?", forum.forumId()))
                .isZero();

        UUID session = create(forum, sessionBody(3, "CICG, Room 2", LINK));
        asSecretariat().get("/sessions/" + session).then().statusCode(200)
                .body("room", equalTo("CICG, Room 2")).body("remoteJoinUrl", equalTo(LINK));
        asSecretariat().get(path).then().statusCode(200)
                .body("[0].room", equalTo("CICG, Room 2")).body("[0].remoteJoinUrl", equalTo(LINK));

        // An update with an http:// link changes nothing; without room and link, both are cleared.
        asSecretariat().body(sessionBody(3, "CICG, Room 1", "http://meet.example.org/j/1")).put("/sessions/" + session)
                .then().statusCode(400).body("errors[0].field", equalTo("remoteJoinUrl"));
        asSecretariat().get("/sessions/" + session).then().body("room", equalTo("CICG, Room 2"));
        asSecretariat().body(sessionBody(3, null, null)).put("/sessions/" + session).then().statusCode(200)
                .body("room", nullValue()).body("remoteJoinUrl", nullValue());
    }

    @Test
    void theJoinLinkReachesOnlyTheSeatedRemoteLiveSpeakerAndAChangeTellsTheHolders() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = create(forum, sessionBody(2, "CICG, Room 2", LINK));
        List<Fixtures.Delegation> d = Fixtures.delegations(forum, List.of("Portugal", "Kenya", "Peru"), Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        Fixtures.Delegation inPerson = d.get(0);
        Fixtures.Delegation remote = d.get(1);
        Fixtures.Delegation waiting = d.get(2);
        submit(inPerson, requestBody("Minister of Portugal", "IN_PERSON", session), 201);
        submit(remote, requestBody("Minister of Kenya", "REMOTE_LIVE", session), 201);
        submit(waiting, requestBody("Minister of Peru", "REMOTE_LIVE", session), 201);

        SpeakingSlotAllocated toInPerson = awaitEvent(SpeakingSlotAllocated.class, inPerson.invitationId());
        assertThat(toInPerson.room()).isEqualTo("CICG, Room 2");
        assertThat(toInPerson.remoteJoinUrl()).isNull();
        SpeakingSlotAllocated toRemote = awaitEvent(SpeakingSlotAllocated.class, remote.invitationId());
        assertThat(toRemote.room()).isEqualTo("CICG, Room 2");
        assertThat(toRemote.remoteJoinUrl()).isEqualTo(LINK);

        String mine = "/invitations/%s/speaking-request";
        withLink(remote.link()).get(mine.formatted(remote.invitationId())).then().statusCode(200)
                .body("status", equalTo("ALLOCATED")).body("seat.room", equalTo("CICG, Room 2"))
                .body("seat.remoteJoinUrl", equalTo(LINK));
        withLink(inPerson.link()).get(mine.formatted(inPerson.invitationId())).then().statusCode(200)
                .body("seat.room", equalTo("CICG, Room 2")).body("seat.remoteJoinUrl", nullValue());
        // Remote live but waiting: no seat, so no link.
        String waitingView = withLink(waiting.link()).get(mine.formatted(waiting.invitationId())).then()
                .statusCode(200).body("status", equalTo("WAITLISTED")).extract().asString();
        assertThat(waitingView).doesNotContain(LINK);
        // A delegation's list of sessions shows the room, never the link.
        String sessions = withLink(waiting.link()).get("/invitations/" + waiting.invitationId() + "/sessions")
                .then().statusCode(200).body("[0].room", equalTo("CICG, Room 2"))
                .body("[0].remoteJoinUrl", nullValue()).extract().asString();
        assertThat(sessions).doesNotContain("meet.example.org");

        // The public list of speakers (and its CSV) never carries the link.
        asSecretariat().post("/forums/" + forum.forumId() + "/allocation/freeze").then().statusCode(200);
        asSecretariat().post("/forums/" + forum.forumId() + "/allocation/publish").then().statusCode(200);
        String list = RestAssured.given().get("/sessions/" + session + "/speakers").then().statusCode(200)
                .body("speakers.size()", equalTo(2)).extract().asString();
        String csv = RestAssured.given().get("/sessions/" + session + "/speakers.csv").then().statusCode(200)
                .extract().asString();
        assertThat(list).doesNotContain("meet.example.org");
        assertThat(csv).doesNotContain("meet.example.org");
        asSecretariat().post("/forums/" + forum.forumId() + "/allocation/unfreeze").then().statusCode(200);

        // A new link, same room and time: only the remote live holder is told, with the new link.
        String newLink = "https://meet.example.org/j/hlps-4-b";
        asSecretariat().body(sessionBody(2, "CICG, Room 2", newLink)).put("/sessions/" + session)
                .then().statusCode(200).body("remoteJoinUrl", equalTo(newLink));
        SpeakingSlotRescheduled linkChanged = awaitEvent(SpeakingSlotRescheduled.class, remote.invitationId());
        assertThat(linkChanged.requestId()).isEqualTo(toRemote.requestId());
        assertThat(linkChanged.remoteJoinUrl()).isEqualTo(newLink);
        assertThat(linkChanged.plannedStart()).isEqualTo(toRemote.plannedStart());

        // A new room: every holder is told, the in-person speaker without the link.
        asSecretariat().body(sessionBody(2, "CICG, Room 1", newLink)).put("/sessions/" + session)
                .then().statusCode(200).body("room", equalTo("CICG, Room 1"));
        SpeakingSlotRescheduled roomChanged = awaitEvent(SpeakingSlotRescheduled.class, inPerson.invitationId());
        assertThat(roomChanged.room()).isEqualTo("CICG, Room 1");
        assertThat(roomChanged.remoteJoinUrl()).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> SpeakingRequestFlowTest.eventsFor(
                SpeakingSlotRescheduled.class, remote.invitationId()), l -> l.size() == 2);
        assertThat(SpeakingRequestFlowTest.eventsFor(SpeakingSlotRescheduled.class, remote.invitationId()).get(1))
                .satisfies(e -> {
                    assertThat(e.room()).isEqualTo("CICG, Room 1");
                    assertThat(e.remoteJoinUrl()).isEqualTo(newLink);
                });
        assertThat(SpeakingRequestFlowTest.eventsFor(SpeakingSlotRescheduled.class, inPerson.invitationId()))
                .as("the link change alone was not news to the in-person speaker").hasSize(1);
        assertThat(TestKafka.events(SpeakingRequestFlowTest.TOPIC, SpeakingSlotRescheduled.class))
                .noneMatch(e -> e.invitationId().equals(waiting.invitationId()));
    }
}
