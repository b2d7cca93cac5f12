package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.SpeakingRequestSubmitted;
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
import static itu.wsis.speaking.RoundTableFlowTest.MINE;
import static itu.wsis.speaking.SpeakingRequestFlowTest.awaitEvent;
import static itu.wsis.speaking.SpeakingRequestFlowTest.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue #17: the invitee pages read a delegation's sessions and requests of every kind in one call
 * ({@code GET /invitations/{id}/speaking-overview}) instead of four, each counted by the personal link's rate limit;
 * and a seat at a round table is asked for without a topic, which speaking time still needs.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class SpeakingOverviewTest {

    static final Instant FUTURE = Instant.now().plus(Duration.ofDays(60));
    static final String OVERVIEW = "/invitations/%s/speaking-overview";

    /** A round table on {@code day} June 2022 at 16:30 Geneva time, with three seats. */
    static UUID roundTable(Fixtures.Forum forum, int day, String title) {
        String body = """
                {"titles": {"en": "%s"}, "start": "2022-06-%02dT16:30:00", "end": "2022-06-%02dT18:00:00",
                 "capacity": 3, "modalities": ["IN_PERSON", "REMOTE_LIVE"], "room": "Room %d",
                 "remoteJoinUrl": "https://meet.example.org/rt-%d", "kind": "MINISTERIAL_ROUND_TABLE"}"""
                .formatted(title, day, day, day, day);
        return UUID.fromString(asSecretariat().body(body).post("/forums/" + forum.forumId() + "/sessions").then()
                .statusCode(201).extract().path("id"));
    }

    /** A request for a seat as the invitee pages send it: the round table alone, no topic. */
    static String seatWithoutTopic(UUID roundTable) {
        return """
                {"speaker": {"name": "H.E. Ms Ana Costa", "title": "Minister of ICT", "substitute": false},
                 "preferredSessionIds": ["%s"], "statementLanguage": "fr", "modality": "IN_PERSON"}"""
                .formatted(roundTable);
    }

    @Test
    void oneCallAnswersTheSessionsOfEveryKindAndTheLatestRequestOfEachKind() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID hlps = Fixtures.session(forum, 5, 31, 9);
        UUID second = roundTable(forum, 3, "Round Table on resilience");
        UUID first = roundTable(forum, 2, "Round Table on inclusion");
        Fixtures.Delegation portugal = Fixtures.delegation(forum, "Portugal", Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        String overview = OVERVIEW.formatted(portugal.invitationId());

        // Before any request: every session of the forum in order of its start, of both kinds, no join link.
        withLink(portugal.link()).get(overview).then().statusCode(200)
                .body("sessions.id", equalTo(List.of(hlps.toString(), first.toString(), second.toString())))
                .body("sessions.kind", equalTo(List.of("HIGH_LEVEL_POLICY_SESSION", "MINISTERIAL_ROUND_TABLE",
                        "MINISTERIAL_ROUND_TABLE")))
                .body("sessions.remoteJoinUrl", everyItem(nullValue()))
                .body("sessions[1].room", equalTo("Room 2"))
                .body("requests", hasSize(0));

        submit(portugal, requestBody("H.E. Ms Ana Costa", "IN_PERSON", hlps), 201);
        submit(portugal, seatWithoutTopic(first), 201);
        String released = withLink(portugal.link()).body(seatWithoutTopic(second)).post(MINE.formatted(
                portugal.invitationId())).then().statusCode(201).extract().path("id");
        withLink(portugal.link()).queryParam("sessionId", second).delete(MINE.formatted(portugal.invitationId()))
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        // The latest request of each kind: speaking time, and a seat at each round table (the withdrawn one too).
        withLink(portugal.link()).get(overview).then().statusCode(200)
                .body("sessions", hasSize(3))
                .body("requests.sessionKind", equalTo(List.of("HIGH_LEVEL_POLICY_SESSION", "MINISTERIAL_ROUND_TABLE",
                        "MINISTERIAL_ROUND_TABLE")))
                .body("requests.preferredSessionIds", equalTo(List.of(List.of(hlps.toString()),
                        List.of(first.toString()), List.of(second.toString()))))
                .body("requests.status", equalTo(List.of("ALLOCATED", "ALLOCATED", "WITHDRAWN")))
                .body("requests[1].seat.sessionId", equalTo(first.toString()))
                .body("requests[1].seat.room", equalTo("Room 2"))
                .body("requests[1].explanation", notNullValue())
                .body("requests[1].topic", nullValue())
                .body("requests[2].id", equalTo(released))
                .body("requests[0].topic", equalTo("ICTs for well-being, inclusion and resilience"));

        // Asked again after its withdrawal: the new request is the latest of its round table, and replaces it here.
        String again = withLink(portugal.link()).body(seatWithoutTopic(second)).post(MINE.formatted(
                portugal.invitationId())).then().statusCode(201).extract().path("id");
        withLink(portugal.link()).get(overview).then().statusCode(200)
                .body("requests", hasSize(3))
                .body("requests[2].id", equalTo(again))
                .body("requests[2].status", equalTo("ALLOCATED"));
        // Each request as the one-by-one endpoint answers it.
        String seatAtFirst = withLink(portugal.link()).queryParam("sessionId", first)
                .get(MINE.formatted(portugal.invitationId())).then().statusCode(200).extract().path("id");
        withLink(portugal.link()).get(overview).then().body("requests[1].id", equalTo(seatAtFirst));
    }

    @Test
    void theOverviewIsTheLinksOwnInvitationsOnly() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        List<Fixtures.Delegation> two = Fixtures.delegations(forum, List.of("Kenya", "Peru"), Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        Fixtures.Delegation kenya = two.get(0);
        Fixtures.Delegation peru = two.get(1);
        withLink(kenya.link()).get(OVERVIEW.formatted(peru.invitationId())).then().statusCode(404)
                .contentType("application/problem+json");
        withLink("not-a-link").get(OVERVIEW.formatted(kenya.invitationId())).then().statusCode(401)
                .contentType("application/problem+json");
        withLink(kenya.link()).get(OVERVIEW.formatted(kenya.invitationId())).then().statusCode(200)
                .body("sessions", hasSize(0)).body("requests", hasSize(0));
    }

    @Test
    void speakingTimeNeedsATopicAndASeatIsAskedForWithoutOne() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID hlps = Fixtures.session(forum, 5, 31, 9);
        UUID table = roundTable(forum, 2, "Round Table on inclusion");
        Fixtures.Delegation ghana = Fixtures.delegation(forum, "Ghana", Rank.MINISTER, ParticipationMode.IN_PERSON);
        String mine = MINE.formatted(ghana.invitationId());

        for (String topic : new String[]{"", "\"topic\": \"  \", "}) {
            withLink(ghana.link()).body("""
                    {"speaker": {"name": "H.E. Mr Kwame Mensah", "title": "Minister", "substitute": false},
                     %s"preferredSessionIds": ["%s"], "statementLanguage": "en", "modality": "IN_PERSON"}"""
                    .formatted(topic, hlps)).post(mine).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("topic"));
        }
        assertThat(TestPostgres.queryLong(DB, "select count(*) from speaking_request where invitation_id = ?",
                ghana.invitationId())).isZero();

        String id = withLink(ghana.link()).body(seatWithoutTopic(table)).post(mine).then().statusCode(201)
                .body("sessionKind", equalTo("MINISTERIAL_ROUND_TABLE")).body("topic", nullValue())
                .extract().path("id");
        assertThat(TestPostgres.queryLong(DB, "select count(*) from speaking_request where id = ? and topic is null",
                UUID.fromString(id))).isOne();
        SpeakingRequestSubmitted submitted = awaitEvent(SpeakingRequestSubmitted.class, ghana.invitationId());
        assertThat(submitted.topic()).isNull();
    }
}
