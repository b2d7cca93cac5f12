package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.Actor;
import itu.wsis.events.InvitationEvent;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyChannel;
import itu.wsis.events.ReplyWithdrawn;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingRequestPromoted;
import itu.wsis.events.SpeakingRequestRejected;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.events.SpeakingRequestWaitlisted;
import itu.wsis.events.SpeakingRequestWithdrawn;
import itu.wsis.events.SpeakingSlotAllocated;
import itu.wsis.events.SpeakingSlotRescheduled;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@SpeakingRequestServiceTest
class SpeakingRequestFlowTest {

    static final String TOPIC = Topic.SPEAKING_REQUEST.topicName();
    static final Instant FUTURE = Instant.now().plus(Duration.ofDays(60));

    static <T extends InvitationEvent> List<T> eventsFor(Class<T> type, UUID invitationId) {
        return TestKafka.events(TOPIC, type).stream().filter(e -> e.invitationId().equals(invitationId)).toList();
    }

    static <T extends InvitationEvent> T awaitEvent(Class<T> type, UUID invitationId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> eventsFor(type, invitationId), l -> !l.isEmpty())
                .get(0);
    }

    static String submit(Fixtures.Delegation d, String body, int status) {
        return withLink(d.link()).body(body).post("/invitations/" + d.invitationId() + "/speaking-request")
                .then().statusCode(status).extract().asString();
    }

    @Test
    void aMinisterIsAllocatedAndTheExplanationSaysWhy() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID may31 = Fixtures.session(forum, 1, 31, 9);
        UUID may30 = Fixtures.session(forum, 5, 30, 14);
        Fixtures.Delegation first = Fixtures.delegation(forum, "Switzerland", Rank.MINISTER, ParticipationMode.IN_PERSON);
        Fixtures.Delegation second = Fixtures.delegation(forum, "Senegal", Rank.MINISTER, ParticipationMode.IN_PERSON);

        withLink(first.link()).body(requestBody("Albert Rösti", "IN_PERSON", may31, may30))
                .post("/invitations/" + first.invitationId() + "/speaking-request")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("ALLOCATED"))
                .body("seat.sessionId", equalTo(may31.toString()))
                .body("seat.position", equalTo(1))
                .body("speaker.rank", equalTo("MINISTER"))
                .body("memberState", equalTo("Switzerland"));

        String explanation = withLink(second.link()).body(requestBody("Moussa Bocar Thiam", "IN_PERSON", may31, may30))
                .post("/invitations/" + second.invitationId() + "/speaking-request")
                .then().statusCode(201)
                .body("status", equalTo("ALLOCATED"))
                .body("seat.sessionId", equalTo(may30.toString()))
                .extract().path("explanation");
        assertThat(explanation).matches("rank MINISTER, in person, submitted \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d Geneva; "
                + "31 May 09:00 full; 30 May 14:00 slot 1");

        SpeakingRequestSubmitted submitted = awaitEvent(SpeakingRequestSubmitted.class, first.invitationId());
        assertThat(submitted.speaker().name()).isEqualTo("Albert Rösti");
        assertThat(submitted.late()).isFalse();
        // Who acted, for the audit trail (docs/audit.md): the office through its personal link.
        assertThat(submitted.actor()).isEqualTo(Actor.invitee());
        SpeakingSlotAllocated allocated = awaitEvent(SpeakingSlotAllocated.class, first.invitationId());
        assertThat(allocated.sessionId()).isEqualTo(may31);
        assertThat(allocated.position()).isEqualTo(1);
        assertThat(allocated.statementMinutes()).isEqualTo(3);
        assertThat(allocated.timeZone()).isEqualTo("Europe/Zurich");
        assertThat(allocated.plannedStart()).isEqualTo(Instant.parse("2022-05-31T07:00:00Z"));

        // One active request per delegation.
        withLink(first.link()).body(requestBody("Albert Rösti", "IN_PERSON", may30))
                .post("/invitations/" + first.invitationId() + "/speaking-request")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:request-exists"));

        withLink(first.link()).get("/invitations/" + first.invitationId() + "/speaking-request")
                .then().statusCode(200).body("status", equalTo("ALLOCATED"))
                .body("explanation", startsWith("rank MINISTER, in person"));
        withLink(first.link()).get("/invitations/" + first.invitationId() + "/sessions")
                .then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void aHigherRankBumpsAndAWithdrawalPromotesTheNextWaitingRequest() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 1, 31, 11);
        Fixtures.Delegation deputy = Fixtures.delegation(forum, "Kenya", Rank.DEPUTY_MINISTER, ParticipationMode.IN_PERSON);
        Fixtures.Delegation head = Fixtures.delegation(forum, "Rwanda", Rank.HEAD_OF_GOVERNMENT, ParticipationMode.REMOTE);

        submit(deputy, requestBody("Deputy", "IN_PERSON", session), 201);
        withLink(head.link()).body(requestBody("Prime Minister", "REMOTE_LIVE", session))
                .post("/invitations/" + head.invitationId() + "/speaking-request")
                .then().statusCode(201).body("status", equalTo("ALLOCATED"));

        SpeakingRequestWaitlisted bumped = awaitEvent(SpeakingRequestWaitlisted.class, deputy.invitationId());
        assertThat(bumped.position()).isEqualTo(1);
        assertThat(bumped.reason()).contains("full").contains("waiting list position 1");
        withLink(deputy.link()).get("/invitations/" + deputy.invitationId() + "/speaking-request")
                .then().statusCode(200).body("status", equalTo("WAITLISTED")).body("waitingPosition", equalTo(1));

        withLink(head.link()).delete("/invitations/" + head.invitationId() + "/speaking-request")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("seat", nullValue());
        SpeakingRequestWithdrawn withdrawn = awaitEvent(SpeakingRequestWithdrawn.class, head.invitationId());
        assertThat(withdrawn.releasedSessionId()).isEqualTo(session);
        SpeakingRequestPromoted promoted = awaitEvent(SpeakingRequestPromoted.class, deputy.invitationId());
        assertThat(promoted.sessionId()).isEqualTo(session);
        assertThat(promoted.position()).isEqualTo(1);
        assertThat(TestPostgres.queryLong(DB, "select allocated from hl_session where id = ?", session)).isEqualTo(1);
    }

    @Test
    void aWithdrawalOfAttendanceCancelsTheRequestOnceAndPromotesTheNext() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 1, 30, 9);
        Fixtures.Delegation seated = Fixtures.delegation(forum, "Brazil", Rank.MINISTER, ParticipationMode.IN_PERSON);
        Fixtures.Delegation waiting = Fixtures.delegation(forum, "Chile", Rank.MINISTER, ParticipationMode.IN_PERSON);
        submit(seated, requestBody("Minister A", "IN_PERSON", session), 201);
        submit(waiting, requestBody("Minister B", "IN_PERSON", session), 201);

        ReplyWithdrawn withdrawal = new ReplyWithdrawn(UUID.randomUUID(), Instant.now(), seated.invitationId(), 2,
                ReplyChannel.WEB, false);
        // Delivered twice, as at-least-once delivery may: the second copy must change nothing.
        Fixtures.publishAll(List.of(withdrawal, withdrawal));

        SpeakingRequestPromoted promoted = awaitEvent(SpeakingRequestPromoted.class, waiting.invitationId());
        assertThat(promoted.sessionId()).isEqualTo(session);
        SpeakingRequestWithdrawn withdrawn = awaitEvent(SpeakingRequestWithdrawn.class, seated.invitationId());
        assertThat(withdrawn.reason()).isEqualTo("attendance withdrawn");
        // A consumer's consequence of another service's event: nobody called, the system acted.
        assertThat(withdrawn.actor()).isEqualTo(Actor.system());
        assertThat(promoted.actor()).isEqualTo(Actor.system());
        assertThat(withdrawn.releasedSessionId()).isEqualTo(session);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from inbox_processed_event where event_id = ?", withdrawal.eventId()) == 1);
        assertThat(eventsFor(SpeakingRequestWithdrawn.class, seated.invitationId())).hasSize(1);
        assertThat(eventsFor(SpeakingRequestPromoted.class, waiting.invitationId())).hasSize(1);

        // The delegation no longer attends: it may not ask again.
        submit(seated, requestBody("Minister A", "IN_PERSON", session), 409);
    }

    @Test
    void onlyAnAcceptedInvitationMayRequestAndInputIsValidated() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 3, 30, 10);
        Fixtures.Delegation remote = Fixtures.delegation(forum, "Fiji", Rank.MINISTER, ParticipationMode.REMOTE);
        String path = "/invitations/" + remote.invitationId() + "/speaking-request";

        withLink(remote.link()).body(requestBody("X", "IN_PERSON", session)).post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("modality"));
        withLink(remote.link()).body(requestBody("X", "VIDEO", UUID.randomUUID())).post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("preferredSessionIds[0]"));
        withLink(remote.link()).body(requestBody("X", "VIDEO", session, session)).post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("preferredSessionIds[1]"));
        withLink(remote.link()).body("{\"speaker\": {\"name\": \"\", \"title\": \"t\"}, \"preferredSessionIds\": [],"
                        + " \"statementLanguage\": \"fr\", \"modality\": \"VIDEO\", \"topic\": \"t\"}").post(path)
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("speaker.name",
                        "preferredSessionIds"));
        withLink(remote.link()).body(requestBody("X", "VIDEO", session).replace("\"topic\"", "\"status\": \"ALLOCATED\", \"topic\""))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("status"));
        withLink(remote.link()).body(requestBody("X", "VIDEO", session)
                        .replace("\"substitute\": false", "\"substitute\": false, \"rank\": \"HEAD_OF_STATE\""))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("speaker.rank"));

        // Declined: no request.
        Fixtures.publishAll(List.of(new itu.wsis.events.InvitationDeclined(UUID.randomUUID(), Instant.now(),
                remote.invitationId(), 2, "other commitments", ReplyChannel.LETTER, false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(DB,
                "select count(*) from invitation where id = ? and reply_status = 'DECLINED'", remote.invitationId()) == 1);
        withLink(remote.link()).body(requestBody("X", "VIDEO", session)).post(path)
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:reply-not-accepted"));
    }

    @Test
    void lateRequestsFollowTheForumsPolicy() {
        Fixtures.Forum forum = Fixtures.forum(Instant.now().minus(Duration.ofDays(1)));
        UUID session = Fixtures.session(forum, 5, 31, 15);
        Fixtures.Delegation waitlisted = Fixtures.delegation(forum, "Peru", Rank.MINISTER, ParticipationMode.IN_PERSON);
        Fixtures.Delegation rejected = Fixtures.delegation(forum, "Oman", Rank.MINISTER, ParticipationMode.IN_PERSON);

        withLink(waitlisted.link()).body(requestBody("Late", "IN_PERSON", session))
                .post("/invitations/" + waitlisted.invitationId() + "/speaking-request")
                .then().statusCode(201).body("status", equalTo("WAITLISTED")).body("late", equalTo(true))
                .body("explanation", org.hamcrest.Matchers.containsString("late request"));

        asSecretariat().body("{\"latePolicy\": \"REJECT\"}").put("/forums/" + forum.forumId() + "/allocation/late-policy")
                .then().statusCode(200).body("latePolicy", equalTo("REJECT"));
        withLink(rejected.link()).body(requestBody("Late", "IN_PERSON", session))
                .post("/invitations/" + rejected.invitationId() + "/speaking-request")
                .then().statusCode(201).body("status", equalTo("REJECTED"));
        assertThat(awaitEvent(SpeakingRequestRejected.class, rejected.invitationId()).reason())
                .contains("deadline");

        // The secretariat may still seat a late request that waits.
        String requestId = withLink(waitlisted.link()).get("/invitations/" + waitlisted.invitationId() + "/speaking-request")
                .then().extract().path("id");
        asSecretariat().body("{\"sessionId\": \"" + session + "\"}").post("/speaking-requests/" + requestId + "/assign")
                .then().statusCode(200).body("status", equalTo("ALLOCATED")).body("override", equalTo("ASSIGNED"));
        assertThat(awaitEvent(SpeakingRequestPromoted.class, waitlisted.invitationId()).actor())
                .isEqualTo(Actor.staff("test.secretariat@itu.example.org"));
    }

    @Test
    void secretariatOverridesFreezePublishAndListsOfSpeakers() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 2, 31, 14);
        List<Fixtures.Delegation> d = Fixtures.delegations(forum, List.of("=cmd|' /C calc'!A0", "Norway", "Ghana"),
                Rank.MINISTER, ParticipationMode.IN_PERSON);
        String r0 = Fixtures.withLink(d.get(0).link()).body(requestBody("@SUM(1+1)", "IN_PERSON", session))
                .post("/invitations/" + d.get(0).invitationId() + "/speaking-request").then().statusCode(201)
                .extract().path("id");
        String r1 = asSecretariat().body(requestBody("Jan Christian Vestre", "IN_PERSON", session))
                .post("/delegations/" + d.get(1).invitationId() + "/speaking-request").then().statusCode(201)
                .body("submittedBy", equalTo("SECRETARIAT")).extract().path("id");
        String r2 = asSecretariat().body(requestBody("Ursula Owusu-Ekuful", "IN_PERSON", session))
                .post("/delegations/" + d.get(2).invitationId() + "/speaking-request").then().statusCode(201)
                .body("status", equalTo("WAITLISTED")).extract().path("id");

        // Dry run: one line each.
        asSecretariat().get("/forums/" + forum.forumId() + "/allocation/dry-run").then().statusCode(200)
                .body("requests.size()", equalTo(3))
                .body("requests[2].explanation", org.hamcrest.Matchers.endsWith("waiting list position 1"));

        // Hold the first: the waiting one is promoted.
        asSecretariat().post("/speaking-requests/" + r0 + "/waitlist").then().statusCode(200)
                .body("status", equalTo("WAITLISTED")).body("override", equalTo("HELD"));
        asSecretariat().get("/speaking-requests/" + r2).then().body("status", equalTo("ALLOCATED"));
        // Reject the held one with a reason.
        asSecretariat().body("{\"reason\": \"duplicate delegation\"}").post("/speaking-requests/" + r0 + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("statusReason", equalTo("duplicate delegation"));
        asSecretariat().body("{\"reason\": \"again\"}").post("/speaking-requests/" + r0 + "/reject")
                .then().statusCode(409);

        // Substitution by a lower rank keeps the session.
        asSecretariat().body("{\"name\": \"Deputy for Norway\", \"title\": \"State Secretary\", \"rank\": \"DEPUTY_MINISTER\", \"substitute\": true}")
                .put("/speaking-requests/" + r1 + "/speaker").then().statusCode(200)
                .body("status", equalTo("ALLOCATED")).body("override", equalTo("SUBSTITUTION"))
                .body("speaker.rank", equalTo("DEPUTY_MINISTER")).body("seat.position", equalTo(2));
        assertThat(awaitEvent(SpeakerSubstituted.class, d.get(1).invitationId()).previousSpeaker().rank())
                .isEqualTo(Rank.MINISTER);

        // Before publication the list is the secretariat's only.
        io.restassured.RestAssured.given().get("/sessions/" + session + "/speakers").then().statusCode(404);
        asSecretariat().get("/sessions/" + session + "/speakers").then().statusCode(200)
                .body("published", equalTo(false)).body("speakers.size()", equalTo(2));

        asSecretariat().post("/forums/" + forum.forumId() + "/allocation/freeze").then().statusCode(200)
                .body("frozen", equalTo(true));
        asSecretariat().post("/forums/" + forum.forumId() + "/allocation/publish").then().statusCode(200)
                .body("publishedRevision", equalTo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.events(TOPIC,
                itu.wsis.events.ListOfSpeakersPublished.class).stream().anyMatch(e -> e.sessionId().equals(session)
                && e.speakers() == 2));

        io.restassured.RestAssured.given().get("/sessions/" + session + "/speakers").then().statusCode(200)
                .body("published", equalTo(true))
                .body("speakers[0].position", equalTo(1))
                .body("speakers[0].speakerName", equalTo("Ursula Owusu-Ekuful"))
                .body("speakers[0].plannedLocalStart", equalTo("2022-05-31T14:00:00"))
                .body("speakers[1].speakerName", equalTo("Deputy for Norway"))
                .body("speakers[1].plannedLocalStart", equalTo("2022-05-31T14:03:00"));
        byte[] csv = io.restassured.RestAssured.given().get("/sessions/" + session + "/speakers.csv")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asByteArray();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(text).startsWith("\uFEFFposition,member_state,speaker,").contains(",Ursula Owusu-Ekuful,")
                .contains(",2022-05-31 14:03,");

        // Frozen: a withdrawal leaves the seat free; unfreezing lets the rule fill it.
        Fixtures.Delegation late = Fixtures.delegation(forum, "Chad", Rank.MINISTER, ParticipationMode.IN_PERSON);
        submit(late, requestBody("Minister of Chad", "IN_PERSON", session), 201);
        asSecretariat().body("{\"reason\": \"cancelled\"}").post("/speaking-requests/" + r2 + "/reject").then().statusCode(200);
        withLink(late.link()).get("/invitations/" + late.invitationId() + "/speaking-request").then()
                .body("status", equalTo("WAITLISTED"))
                .body("explanation", org.hamcrest.Matchers.containsString("list frozen"));
        asSecretariat().post("/forums/" + forum.forumId() + "/allocation/unfreeze").then().statusCode(200);
        withLink(late.link()).get("/invitations/" + late.invitationId() + "/speaking-request").then()
                .body("status", equalTo("ALLOCATED")).body("seat.position", equalTo(1));
    }

    @Test
    void aDelegationThatNowAttendsRemotelyLosesTheInPersonPriority() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 1, 30, 12);
        List<Fixtures.Delegation> d = Fixtures.delegations(forum, List.of("Mali", "Niger"), Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        submit(d.get(0), requestBody("First", "REMOTE_LIVE", session), 201);
        submit(d.get(1), requestBody("Second", "IN_PERSON", session), 201);
        awaitEvent(SpeakingRequestWaitlisted.class, d.get(0).invitationId());

        Fixtures.publishAll(List.of(new itu.wsis.events.ReplyChanged(UUID.randomUUID(), Instant.now(),
                d.get(1).invitationId(), 2, itu.wsis.events.ReplyStatus.ACCEPTED, itu.wsis.events.ReplyStatus.ACCEPTED,
                ParticipationMode.REMOTE, List.of(), ReplyChannel.EMAIL, false, false)));
        // Both now remote and of one rank: first come, first served.
        SpeakingRequestPromoted promoted = awaitEvent(SpeakingRequestPromoted.class, d.get(0).invitationId());
        assertThat(promoted.sessionId()).isEqualTo(session);
        withLink(d.get(1).link()).get("/invitations/" + d.get(1).invitationId() + "/speaking-request").then()
                .body("modality", equalTo("REMOTE_LIVE")).body("status", equalTo("WAITLISTED"));
    }

    @Test
    void sessionsAreManagedAndACapacityCutSendsTheLastSpeakerToTheWaitingList() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 2, 30, 16);
        List<Fixtures.Delegation> d = Fixtures.delegations(forum, List.of("Japan", "India"), Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        submit(d.get(0), requestBody("A", "IN_PERSON", session), 201);
        submit(d.get(1), requestBody("B", "IN_PERSON", session), 201);
        asSecretariat().body("""
                        {"titles": {"en": "Session", "zz": "?"}, "start": "2022-05-30T16:00:00",
                         "end": "2022-05-30T15:00:00", "capacity": -1, "modalities": []}""")
                .put("/sessions/" + session).then().statusCode(400).contentType("application/problem+json");
        asSecretariat().body("""
                        {"titles": {"en": "Session"}, "start": "2022-05-30T16:00:00", "end": "2022-05-30T17:00:00",
                         "capacity": 1, "modalities": ["IN_PERSON"]}""")
                .put("/sessions/" + session).then().statusCode(200).body("capacity", equalTo(1))
                .body("allocated", equalTo(1));
        awaitEvent(SpeakingRequestWaitlisted.class, d.get(1).invitationId());
        assertThat(TestPostgres.queryLong(DB, "select allocated from hl_session where id = ?", session)).isEqualTo(1);
        asSecretariat().get("/forums/" + forum.forumId() + "/sessions").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].localStart", equalTo("2022-05-30T16:00:00"));
        // Same time: the seated speaker's slot did not move, so nothing tells it so.
        assertThat(eventsFor(SpeakingSlotRescheduled.class, d.get(0).invitationId())).isEmpty();

        // An hour later: the speaker keeps the seat, the planned start moves with the session, and an event says so
        // (notification-service updates the calendar entry it sent).
        asSecretariat().body("""
                        {"titles": {"en": "Session"}, "start": "2022-05-30T17:00:00", "end": "2022-05-30T18:00:00",
                         "capacity": 1, "modalities": ["IN_PERSON"]}""")
                .put("/sessions/" + session).then().statusCode(200).body("allocated", equalTo(1));
        SpeakingSlotRescheduled moved = awaitEvent(SpeakingSlotRescheduled.class, d.get(0).invitationId());
        assertThat(moved.sessionId()).isEqualTo(session);
        assertThat(moved.position()).isEqualTo(1);
        assertThat(moved.plannedStart()).isEqualTo(Instant.parse("2022-05-30T15:00:00Z"));
        assertThat(moved.sessionStart()).isEqualTo(Instant.parse("2022-05-30T15:00:00Z"));
        assertThat(moved.timeZone()).isEqualTo("Europe/Zurich");
        assertThat(eventsFor(SpeakingSlotRescheduled.class, d.get(1).invitationId())).as("the waiting one").isEmpty();
    }
}
