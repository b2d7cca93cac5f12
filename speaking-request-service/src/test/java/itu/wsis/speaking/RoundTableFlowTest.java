package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import itu.wsis.events.ListOfSpeakersPublished;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.SessionKind;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingRequestWithdrawn;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.events.Topic;
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
import static itu.wsis.speaking.SpeakingRequestFlowTest.eventsFor;
import static itu.wsis.speaking.SpeakingRequestFlowTest.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The Ministerial Round Table (issue 17): a second kind of session, ministers only, one seat per delegation, with its
 * own capacity, requests, waiting list and list of participants, beside the high-level policy sessions.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class RoundTableFlowTest {

    static final Instant FUTURE = Instant.now().plus(Duration.ofDays(60));
    static final String MINE = "/invitations/%s/speaking-request";

    static String roundTableBody(String kind, int capacity) {
        return """
                {"titles": {"en": "Ministerial Round Table", "fr": "Table ronde ministérielle"},
                 "start": "2022-06-02T16:30:00", "end": "2022-06-02T18:00:00", "capacity": %d,
                 "modalities": ["IN_PERSON", "REMOTE_LIVE"], "room": "Room 1", "kind": "%s"}"""
                .formatted(capacity, kind);
    }

    static UUID roundTable(Fixtures.Forum forum, int seats) {
        return UUID.fromString(asSecretariat().body(roundTableBody("MINISTERIAL_ROUND_TABLE", seats))
                .post("/forums/" + forum.forumId() + "/sessions").then().statusCode(201)
                .body("kind", equalTo("MINISTERIAL_ROUND_TABLE")).body("capacity", equalTo(seats))
                .extract().path("id"));
    }

    static String seatAt(UUID roundTable, String name) {
        return requestBody(name, "IN_PERSON", roundTable);
    }

    static String status(Fixtures.Delegation d, UUID sessionId) {
        return withLink(d.link()).queryParam("sessionId", sessionId).get(MINE.formatted(d.invitationId()))
                .then().statusCode(200).extract().path("status");
    }

    @Test
    void ministersTakeOneSeatEachAndTheRoundTableKeepsItsOwnWaitingListAndListOfParticipants() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID hlps = Fixtures.session(forum, 1, 31, 9);
        UUID table = roundTable(forum, 2);
        List<Fixtures.Delegation> ministers = Fixtures.delegations(forum, List.of("Portugal", "Kenya", "Peru", "Ghana"),
                Rank.MINISTER, ParticipationMode.IN_PERSON);
        Fixtures.Delegation portugal = ministers.get(0);
        Fixtures.Delegation kenya = ministers.get(1);
        Fixtures.Delegation peru = ministers.get(2);
        Fixtures.Delegation ghana = ministers.get(3);
        Fixtures.Delegation chile = Fixtures.delegation(forum, "Chile", Rank.DEPUTY_MINISTER,
                ParticipationMode.IN_PERSON);

        // Portugal asks for speaking time and for a seat: the two are independent, and each is allocated.
        withLink(portugal.link()).body(requestBody("Minister of Portugal", "IN_PERSON", hlps))
                .post(MINE.formatted(portugal.invitationId())).then().statusCode(201)
                .body("status", equalTo("ALLOCATED")).body("sessionKind", equalTo("HIGH_LEVEL_POLICY_SESSION"));
        String seatId = withLink(portugal.link()).body(seatAt(table, "Minister of Portugal"))
                .post(MINE.formatted(portugal.invitationId())).then().statusCode(201)
                .body("status", equalTo("ALLOCATED")).body("sessionKind", equalTo("MINISTERIAL_ROUND_TABLE"))
                .body("seat.sessionId", equalTo(table.toString())).body("seat.position", equalTo(1))
                .body("seat.plannedStart", equalTo("2022-06-02T14:30:00Z"))
                .extract().path("id");
        // One seat per delegation: a second request for the same round table is refused and names the first.
        withLink(portugal.link()).body(seatAt(table, "Minister of Portugal"))
                .post(MINE.formatted(portugal.invitationId())).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:request-exists")).body("requestId", equalTo(seatId));
        // A request names a round table alone.
        withLink(kenya.link()).body(requestBody("Minister of Kenya", "IN_PERSON", hlps, table))
                .post(MINE.formatted(kenya.invitationId())).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("preferredSessionIds[1]"));
        // Ministers only: a Deputy Minister is refused with the reason, and nothing is stored.
        withLink(chile.link()).body(seatAt(table, "Deputy Minister of Chile"))
                .post(MINE.formatted(chile.invitationId())).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:round-table-ministers-only"))
                .body("rank", equalTo("DEPUTY_MINISTER")).body("detail", startsWith("The Ministerial Round Table is for ministers only"));
        assertThat(TestPostgres.queryLong(DB, "select count(*) from speaking_request where invitation_id = ?",
                chile.invitationId())).isZero();

        submit(kenya, seatAt(table, "Minister of Kenya"), 201);
        // The round table is full: Peru waits, first on the round table's own waiting list.
        withLink(peru.link()).body(seatAt(table, "Minister of Peru")).post(MINE.formatted(peru.invitationId()))
                .then().statusCode(201).body("status", equalTo("WAITLISTED")).body("waitingPosition", equalTo(1));
        // The policy session's seat is taken by Portugal, and its waiting list is its own: Ghana is first on it.
        withLink(ghana.link()).body(requestBody("Minister of Ghana", "IN_PERSON", hlps))
                .post(MINE.formatted(ghana.invitationId())).then().statusCode(201)
                .body("status", equalTo("WAITLISTED")).body("waitingPosition", equalTo(1));

        // A delegation lists one kind of session at a time: the policy sessions unless it asks for round tables.
        withLink(peru.link()).get("/invitations/" + peru.invitationId() + "/sessions").then().statusCode(200)
                .body("id", equalTo(List.of(hlps.toString())));
        withLink(peru.link()).queryParam("kind", "MINISTERIAL_ROUND_TABLE")
                .get("/invitations/" + peru.invitationId() + "/sessions").then().statusCode(200)
                .body("id", equalTo(List.of(table.toString()))).body("[0].kind", equalTo("MINISTERIAL_ROUND_TABLE"));

        // Each request is found by the session it is about; without one, the request for speaking time.
        assertThat(status(portugal, table)).isEqualTo("ALLOCATED");
        withLink(portugal.link()).get(MINE.formatted(portugal.invitationId())).then().statusCode(200)
                .body("sessionKind", equalTo("HIGH_LEVEL_POLICY_SESSION"));
        withLink(peru.link()).get(MINE.formatted(peru.invitationId())).then().statusCode(404);
        withLink(peru.link()).queryParam("sessionId", UUID.randomUUID()).get(MINE.formatted(peru.invitationId()))
                .then().statusCode(400).body("errors[0].field", equalTo("sessionId"));

        // The events say which kind of session they are about; a seat spans the whole round table (90 minutes).
        SpeakingSlotAllocated kenyaSeat = awaitEvent(SpeakingSlotAllocated.class, kenya.invitationId());
        assertThat(kenyaSeat.sessionKind()).isEqualTo(SessionKind.MINISTERIAL_ROUND_TABLE);
        assertThat(kenyaSeat.statementMinutes()).isEqualTo(90);
        assertThat(awaitEvent(SpeakingRequestSubmitted.class, kenya.invitationId()).sessionKind())
                .isEqualTo(SessionKind.MINISTERIAL_ROUND_TABLE);
        assertThat(awaitEvent(SpeakingRequestWaitlisted.class, peru.invitationId()).sessionKind())
                .isEqualTo(SessionKind.MINISTERIAL_ROUND_TABLE);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsFor(SpeakingSlotAllocated.class,
                portugal.invitationId()).size() == 2);
        assertThat(eventsFor(SpeakingSlotAllocated.class, portugal.invitationId()))
                .extracting(SpeakingSlotAllocated::sessionKind)
                .containsExactlyInAnyOrder(SessionKind.HIGH_LEVEL_POLICY_SESSION, SessionKind.MINISTERIAL_ROUND_TABLE);

        // A substitute below ministerial rank cannot take Kenya's seat.
        withLink(kenya.link()).queryParam("sessionId", table)
                .body("""
                        {"name": "Ms Deputy", "title": "Deputy Minister", "rank": "DEPUTY_MINISTER", "substitute": true}""")
                .put(MINE.formatted(kenya.invitationId()) + "/speaker").then().statusCode(409)
                .body("type", equalTo("urn:wsis:problem:round-table-ministers-only"));

        // Kenya withdraws from the round table: Peru is promoted to the freed seat; nobody else moves.
        withLink(kenya.link()).queryParam("sessionId", table).delete(MINE.formatted(kenya.invitationId()))
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("sessionKind", equalTo("MINISTERIAL_ROUND_TABLE"));
        SpeakingRequestWithdrawn withdrawn = awaitEvent(SpeakingRequestWithdrawn.class, kenya.invitationId());
        assertThat(withdrawn.releasedSessionId()).isEqualTo(table);
        assertThat(withdrawn.sessionKind()).isEqualTo(SessionKind.MINISTERIAL_ROUND_TABLE);
        SpeakingRequestPromoted promoted = awaitEvent(SpeakingRequestPromoted.class, peru.invitationId());
        assertThat(promoted.sessionId()).isEqualTo(table);
        assertThat(promoted.sessionKind()).isEqualTo(SessionKind.MINISTERIAL_ROUND_TABLE);
        assertThat(status(peru, table)).isEqualTo("ALLOCATED");
        assertThat(eventsFor(SpeakingRequestPromoted.class, ghana.invitationId())).isEmpty();

        // The secretariat overrides within the round table: Ghana's seat request is assigned over the rule
        // (Peru, last by precedence, goes back to wait), but never to the policy session.
        String ghanaSeat = withLink(ghana.link()).body(seatAt(table, "Minister of Ghana"))
                .post(MINE.formatted(ghana.invitationId())).then().statusCode(201)
                .body("status", equalTo("WAITLISTED")).extract().path("id");
        asSecretariat().body("{\"sessionId\": \"" + hlps + "\"}").post("/speaking-requests/" + ghanaSeat + "/assign")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sessionId"));
        asSecretariat().body("{\"sessionId\": \"" + table + "\"}").post("/speaking-requests/" + ghanaSeat + "/assign")
                .then().statusCode(200).body("status", equalTo("ALLOCATED")).body("override", equalTo("ASSIGNED"));
        assertThat(status(peru, table)).isEqualTo("WAITLISTED");
        asSecretariat().post("/speaking-requests/" + ghanaSeat + "/waitlist").then().statusCode(200)
                .body("status", equalTo("WAITLISTED")).body("override", equalTo("HELD"));
        assertThat(status(peru, table)).isEqualTo("ALLOCATED");
        assertThat(status(ghana, hlps)).isEqualTo("WAITLISTED");

        // The staff list of requests of one kind.
        asSecretariat().queryParam("sessionKind", "MINISTERIAL_ROUND_TABLE")
                .get("/forums/" + forum.forumId() + "/speaking-requests").then().statusCode(200)
                .body("size()", equalTo(4)).body("sessionKind", not(hasItem("HIGH_LEVEL_POLICY_SESSION")));

        // The list of participants is the round table's, separate from the list of speakers, and public once
        // published like the lists of speakers.
        RestAssured.given().get("/sessions/" + table + "/participants").then().statusCode(404)
                .contentType("application/problem+json");
        asSecretariat().get("/sessions/" + table + "/participants").then().statusCode(200)
                .body("published", equalTo(false)).body("participants.memberState", equalTo(List.of("Portugal", "Peru")))
                .body("participants.seat", equalTo(List.of(1, 2)));
        asSecretariat().get("/sessions/" + table + "/speakers").then().statusCode(404)
                .body("type", equalTo("urn:wsis:problem:list-of-speakers-not-found"));
        asSecretariat().get("/sessions/" + hlps + "/participants").then().statusCode(404)
                .body("type", equalTo("urn:wsis:problem:list-of-participants-not-found"));
        asSecretariat().post("/forums/" + forum.forumId() + "/allocation/publish").then().statusCode(200);
        RestAssured.given().get("/sessions/" + table + "/participants").then().statusCode(200)
                .body("published", equalTo(true)).body("capacity", equalTo(2)).body("room", equalTo("Room 1"))
                .body("participants.participantName", hasItems("Minister of Portugal", "Minister of Peru"));
        RestAssured.given().get("/sessions/" + hlps + "/speakers").then().statusCode(200)
                .body("speakers.memberState", equalTo(List.of("Portugal")));
        List<ListOfSpeakersPublished> published = await().atMost(Duration.ofSeconds(30)).until(() ->
                TestKafka.events(Topic.SPEAKING_REQUEST.topicName(), ListOfSpeakersPublished.class).stream()
                        .filter(e -> e.forumId().equals(forum.forumId())).toList(), l -> l.size() == 2);
        assertThat(published).filteredOn(e -> e.sessionId().equals(table)).singleElement()
                .satisfies(e -> assertThat(e.sessionKind()).isEqualTo(SessionKind.MINISTERIAL_ROUND_TABLE));
    }

    /**
     * The list of participants as CSV for the secretariat's spreadsheet (Accept: text/csv), cells a spreadsheet would
     * run as a formula neutralised; and each request's explanation says seat, not slot, at the round table.
     */
    @Test
    void theListOfParticipantsExportsAsCsvAndAPlaceAtTheRoundTableIsExplainedAsASeat() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID hlps = Fixtures.session(forum, 1, 31, 9);
        UUID table = roundTable(forum, 2);
        List<Fixtures.Delegation> d = Fixtures.delegations(forum, List.of("Malta", "Samoa"), Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        String seat = withLink(d.get(0).link()).body(seatAt(table, "=HYPERLINK(\\\"https://evil.example\\\")"))
                .post(MINE.formatted(d.get(0).invitationId())).then().statusCode(201)
                .body("status", equalTo("ALLOCATED")).extract().path("explanation");
        assertThat(seat).endsWith(" seat 1").doesNotContain("slot");
        submit(d.get(1), seatAt(table, "Minister of Samoa"), 201);
        String speaking = withLink(d.get(1).link()).body(requestBody("Minister of Samoa", "IN_PERSON", hlps))
                .post(MINE.formatted(d.get(1).invitationId())).then().statusCode(201)
                .extract().path("explanation");
        assertThat(speaking).endsWith(" slot 1");
        assertThat(withLink(d.get(1).link()).queryParam("sessionId", table).get(MINE.formatted(d.get(1).invitationId()))
                .then().statusCode(200).extract().<String>path("explanation")).endsWith(" seat 2");

        String csv = asSecretariat().accept("text/csv").get("/sessions/" + table + "/participants").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"participants-" + table + ".csv\""))
                .extract().asString();
        assertThat(csv).isEqualTo("\uFEFFseat,member_state,participant,title,rank,substitute,modality\r\n"
                + "1,Malta,\"'=HYPERLINK(\"\"https://evil.example\"\")\",Minister of ICT,MINISTER,false,IN_PERSON\r\n"
                + "2,Samoa,Minister of Samoa,Minister of ICT,MINISTER,false,IN_PERSON\r\n");
        // JSON stays the default, for */* as for application/json; CSV is public no earlier than the JSON.
        asSecretariat().accept("*/*").get("/sessions/" + table + "/participants").then().statusCode(200)
                .contentType(startsWith("application/json")).body("participants.seat", equalTo(List.of(1, 2)));
        RestAssured.given().accept("text/csv").get("/sessions/" + table + "/participants").then().statusCode(404);
        asSecretariat().accept("text/csv").get("/sessions/" + hlps + "/participants").then().statusCode(404);
    }

    @Test
    void aDelegationThatNoLongerAttendsGivesUpBothItsSeatAndItsSpeakingTime() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID hlps = Fixtures.session(forum, 1, 31, 9);
        UUID table = roundTable(forum, 1);
        List<Fixtures.Delegation> d = Fixtures.delegations(forum, List.of("Norway", "Fiji"), Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        submit(d.get(0), requestBody("Minister of Norway", "IN_PERSON", hlps), 201);
        submit(d.get(0), seatAt(table, "Minister of Norway"), 201);
        submit(d.get(1), seatAt(table, "Minister of Fiji"), 201);
        assertThat(status(d.get(1), table)).isEqualTo("WAITLISTED");

        Fixtures.publishAll(List.of(new ReplyWithdrawn(UUID.randomUUID(), Instant.now(), d.get(0).invitationId(), 2,
                ReplyChannel.WEB, false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB, "select count(*) from "
                + "speaking_request where invitation_id = ? and status = 'WITHDRAWN'", d.get(0).invitationId()) == 2);
        assertThat(awaitEvent(SpeakingRequestPromoted.class, d.get(1).invitationId()).sessionId()).isEqualTo(table);
    }

    @Test
    void aRoundTableNeedsAKnownKindAndAtLeastOneSeatAndKeepsItsKind() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        String path = "/forums/" + forum.forumId() + "/sessions";
        asSecretariat().body(roundTableBody("GALA_DINNER", 20)).post(path).then().statusCode(400)
                .contentType("application/problem+json");
        asSecretariat().body(roundTableBody("MINISTERIAL_ROUND_TABLE", 0)).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("capacity"));
        asSecretariat().body(roundTableBody("MINISTERIAL_ROUND_TABLE", -1)).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("capacity"));
        assertThat(TestPostgres.queryLong(DB, "select count(*) from hl_session where forum_id = ?", forum.forumId()))
                .isZero();

        UUID table = roundTable(forum, 20);
        asSecretariat().body(roundTableBody("MINISTERIAL_ROUND_TABLE", 0)).put("/sessions/" + table).then()
                .statusCode(400).body("errors[0].field", equalTo("capacity"));
        asSecretariat().body(roundTableBody("HIGH_LEVEL_POLICY_SESSION", 20)).put("/sessions/" + table).then()
                .statusCode(409).body("type", equalTo("urn:wsis:problem:session-kind-fixed"));
        // Without a kind, a session is a high-level policy session, as before.
        asSecretariat().get(path).then().statusCode(200).body("kind", equalTo(List.of("MINISTERIAL_ROUND_TABLE")));
        UUID hlps = Fixtures.session(forum, 3, 31, 9);
        asSecretariat().get("/sessions/" + hlps).then().statusCode(200)
                .body("kind", equalTo("HIGH_LEVEL_POLICY_SESSION"));
    }
}
