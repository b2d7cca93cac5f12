package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static itu.wsis.speaking.Fixtures.DB;
import static itu.wsis.speaking.Fixtures.asSecretariat;
import static itu.wsis.speaking.Fixtures.requestBody;
import static itu.wsis.speaking.Fixtures.withLink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The domain's refusals (SpeakingRequestRefused) answer as the problem documents they always were: the status, the
 * type, the field or the member the client acts on. And a refused command changes nothing.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class DomainRefusalsTest {

    static final Instant FUTURE = Instant.now().plus(Duration.ofDays(60));

    static String submit(Fixtures.Delegation d, UUID session) {
        return withLink(d.link()).body(requestBody("Minister " + d.invitationId(), "IN_PERSON", session))
                .post("/invitations/" + d.invitationId() + "/speaking-request")
                .then().statusCode(201).extract().path("id");
    }

    /** The request's row as a text, to compare before and after a refused command. */
    static String row(String requestId) {
        return TestPostgres.queryString(DB, """
                select concat_ws('|', status, waiting_position, override_kind, override_session_id, speaker_name,
                                 speaker_rank, precedence_rank, rank_confirmation, modality)
                  from speaking_request where id = ?""", UUID.fromString(requestId));
    }

    static long lastEvent() {
        return TestPostgres.queryLong(DB, "select coalesce(max(id), 0) from outbox_event");
    }

    /** Events about the request recorded after {@code since} (an outbox id). */
    static long eventsSince(long since, String requestId) {
        return TestPostgres.queryLong(DB, "select count(*) from outbox_event where id > ? and payload like ?",
                since, "%" + requestId + "%");
    }

    @Test
    void aSecondRequestNamesTheActiveOneAndIsNotRecorded() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 3, 30, 9);
        Fixtures.Delegation d = Fixtures.delegation(forum, "Nepal", Rank.MINISTER, ParticipationMode.IN_PERSON);
        String first = submit(d, session);

        withLink(d.link()).body(requestBody("Another", "IN_PERSON", session))
                .post("/invitations/" + d.invitationId() + "/speaking-request")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:request-exists"))
                .body("requestId", equalTo(first));
        assertThat(TestPostgres.queryLong(DB, "select count(*) from speaking_request where invitation_id = ?",
                d.invitationId())).isEqualTo(1);
    }

    @Test
    void overridesThatTheRulesRefuseLeaveTheRequestAsItWas() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID single = Fixtures.session(forum, 1, 30, 9);
        UUID other = Fixtures.session(forum, 3, 30, 11);
        UUID videoOnly = UUID.fromString(asSecretariat().body("""
                        {"titles": {"en": "Video statements"}, "start": "2022-05-30T15:00:00",
                         "end": "2022-05-30T16:00:00", "capacity": 5, "modalities": ["VIDEO"]}""")
                .post("/forums/" + forum.forumId() + "/sessions").then().statusCode(201).extract().path("id"));
        UUID elsewhere = Fixtures.session(Fixtures.forum(FUTURE), 3, 30, 9);
        String pinned = submit(Fixtures.delegation(forum, "Chile", Rank.MINISTER, ParticipationMode.IN_PERSON), other);
        String r = submit(Fixtures.delegation(forum, "Ghana", Rank.MINISTER, ParticipationMode.IN_PERSON), other);
        asSecretariat().body("{\"sessionId\": \"" + single + "\"}").post("/speaking-requests/" + pinned + "/assign")
                .then().statusCode(200).body("override", equalTo("ASSIGNED"));
        String before = row(r);
        long since = lastEvent();

        asSecretariat().body("{\"sessionId\": \"" + single + "\"}").post("/speaking-requests/" + r + "/assign")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:wsis:problem:session-full"));
        asSecretariat().body("{\"sessionId\": \"" + videoOnly + "\"}").post("/speaking-requests/" + r + "/assign")
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:modality-not-offered"));
        asSecretariat().body("{\"sessionId\": \"" + elsewhere + "\"}").post("/speaking-requests/" + r + "/assign")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sessionId"));
        asSecretariat().body("{\"decision\": \"CONFIRM\"}").post("/speaking-requests/" + r + "/rank-confirmation")
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:rank-not-pending"))
                .body("rankConfirmation", equalTo("NOT_NEEDED"));

        assertThat(row(r)).isEqualTo(before);
        assertThat(eventsSince(since, r)).isZero();
    }

    @Test
    void aClosedRequestRefusesEveryChange() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 3, 30, 9);
        Fixtures.Delegation d = Fixtures.delegation(forum, "Peru", Rank.MINISTER, ParticipationMode.IN_PERSON);
        String r = submit(d, session);
        asSecretariat().body("{\"reason\": \"duplicate\"}").post("/speaking-requests/" + r + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        String before = row(r);
        long since = lastEvent();

        for (String action : new String[]{"waitlist", "automatic"}) {
            asSecretariat().post("/speaking-requests/" + r + "/" + action).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:wsis:problem:request-closed"))
                    .body("detail", equalTo("This request is already REJECTED."));
        }
        asSecretariat().body("{\"sessionId\": \"" + session + "\"}").post("/speaking-requests/" + r + "/assign")
                .then().statusCode(409).body("type", equalTo("urn:wsis:problem:request-closed"));
        assertThat(row(r)).isEqualTo(before);
        assertThat(eventsSince(since, r)).isZero();
    }
}
