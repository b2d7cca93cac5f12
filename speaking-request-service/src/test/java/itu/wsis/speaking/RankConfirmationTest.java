package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.RankConfirmation;
import itu.wsis.events.SpeakerRankDecided;
import itu.wsis.events.SpeakerSubstituted;
import itu.wsis.events.SpeakingRequestSubmitted;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static itu.wsis.speaking.Fixtures.asSecretariat;
import static itu.wsis.speaking.Fixtures.withLink;
import static itu.wsis.speaking.SpeakingRequestFlowTest.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue #14: {@code {"rank":"HEAD_OF_STATE","substitute":true}} for a Minister's invitation went first in the order
 * of precedence. Such a claim now waits for the secretariat; the request is placed by the invitation's rank meanwhile.
 * One session with one seat: a Minister who asked first holds it unless a confirmed higher rank comes.
 */
@QuarkusTest
@SpeakingRequestServiceTest
class RankConfirmationTest {

    static final Instant FUTURE = Instant.now().plus(Duration.ofDays(60));

    static String body(String name, String rank, boolean substitute, UUID session) {
        return """
                {"speaker": {"name": "%s", "title": "Envoy", %s"substitute": %s},
                 "preferredSessionIds": ["%s"], "statementLanguage": "en", "modality": "IN_PERSON",
                 "topic": "Digital inclusion"}""".formatted(name, rank == null ? "" : "\"rank\": \"" + rank + "\", ",
                substitute, session);
    }

    record Setup(Fixtures.Forum forum, UUID session, Fixtures.Delegation first, Fixtures.Delegation claimant,
                 String firstRequest, String claimantRequest) {
    }

    static Setup minsterSeatedThenAClaimedHeadOfState() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 1, 31, 10);
        Fixtures.Delegation first = Fixtures.delegation(forum, "Kenya", Rank.MINISTER, ParticipationMode.IN_PERSON);
        Fixtures.Delegation claimant = Fixtures.delegation(forum, "Fiji", Rank.MINISTER, ParticipationMode.IN_PERSON);
        String firstRequest = withLink(first.link()).body(body("Minister of Kenya", null, false, session))
                .post("/invitations/" + first.invitationId() + "/speaking-request").then().statusCode(201)
                .body("status", equalTo("ALLOCATED")).extract().path("id");
        String claimantRequest = withLink(claimant.link()).body(body("Envoy of Fiji", "HEAD_OF_STATE", true, session))
                .post("/invitations/" + claimant.invitationId() + "/speaking-request").then().statusCode(201)
                // Placed as the Minister's invitation: after Kenya, who asked first. Without the rule it took the seat.
                .body("status", equalTo("WAITLISTED"))
                .body("speaker.rank", equalTo("HEAD_OF_STATE"))
                .body("rankForPrecedence", equalTo("MINISTER"))
                .body("rankConfirmation.status", equalTo("PENDING"))
                .body("rankConfirmation.decidedBy", nullValue())
                .body("explanation", containsString("HEAD_OF_STATE claimed, counts once the secretariat confirms it"))
                .extract().path("id");
        return new Setup(forum, session, first, claimant, firstRequest, claimantRequest);
    }

    @Test
    void anUnsupportedRankWaitsForTheSecretariatAndCountsOnceConfirmed() {
        Setup s = minsterSeatedThenAClaimedHeadOfState();
        // The invitee sees that the rank waits for confirmation.
        withLink(s.claimant().link()).get("/invitations/" + s.claimant().invitationId() + "/speaking-request").then()
                .statusCode(200).body("rankConfirmation.status", equalTo("PENDING"))
                .body("rankForPrecedence", equalTo("MINISTER"));
        assertThat(awaitEvent(SpeakingRequestSubmitted.class, s.claimant().invitationId()).speaker().rankConfirmation())
                .isEqualTo(RankConfirmation.PENDING);
        // The secretariat's queue.
        asSecretariat().get("/forums/" + s.forum().forumId() + "/speaking-requests?rankConfirmation=PENDING").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo(s.claimantRequest()));

        asSecretariat().body("{\"decision\": \"CONFIRM\", \"note\": \"Head of State attends in person\"}")
                .post("/speaking-requests/" + s.claimantRequest() + "/rank-confirmation").then().statusCode(200)
                .body("rankConfirmation.status", equalTo("CONFIRMED"))
                .body("rankConfirmation.decidedBy", equalTo("test.secretariat@itu.example.org"))
                .body("rankConfirmation.note", equalTo("Head of State attends in person"))
                .body("rankForPrecedence", equalTo("HEAD_OF_STATE"))
                // The allocation re-ran: the Head of State, first in precedence, takes the only seat.
                .body("status", equalTo("ALLOCATED"));
        asSecretariat().get("/speaking-requests/" + s.firstRequest()).then().body("status", equalTo("WAITLISTED"));
        SpeakerRankDecided decided = awaitEvent(SpeakerRankDecided.class, s.claimant().invitationId());
        assertThat(decided.confirmed()).isTrue();
        assertThat(decided.rankForPrecedence()).isEqualTo(Rank.HEAD_OF_STATE);
        assertThat(decided.claimedRank()).isEqualTo(Rank.HEAD_OF_STATE);

        // Decided once: a second decision is a conflict, and so is one on a rank that never needed it.
        asSecretariat().body("{\"decision\": \"REFUSE\"}")
                .post("/speaking-requests/" + s.claimantRequest() + "/rank-confirmation").then().statusCode(409)
                .body("type", equalTo("urn:wsis:problem:rank-not-pending"));
        asSecretariat().body("{\"decision\": \"CONFIRM\"}")
                .post("/speaking-requests/" + s.firstRequest() + "/rank-confirmation").then().statusCode(409);
    }

    @Test
    void aRefusedRankNeverCounts() {
        Setup s = minsterSeatedThenAClaimedHeadOfState();
        asSecretariat().body("{\"decision\": \"REFUSE\", \"note\": \"no evidence\"}")
                .post("/speaking-requests/" + s.claimantRequest() + "/rank-confirmation").then().statusCode(200)
                .body("rankConfirmation.status", equalTo("REFUSED"))
                .body("rankForPrecedence", equalTo("MINISTER"))
                .body("status", equalTo("WAITLISTED"))
                .body("explanation", containsString("not confirmed by the secretariat"));
        asSecretariat().get("/speaking-requests/" + s.firstRequest()).then().body("status", equalTo("ALLOCATED"));
        assertThat(awaitEvent(SpeakerRankDecided.class, s.claimant().invitationId()).confirmed()).isFalse();
        withLink(s.claimant().link()).get("/invitations/" + s.claimant().invitationId() + "/speaking-request").then()
                .body("rankConfirmation.status", equalTo("REFUSED"));
    }

    @Test
    void aSubstitutionToAnUnsupportedRankWaitsToo() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 3, 31, 11);
        Fixtures.Delegation d = Fixtures.delegation(forum, "Nepal", Rank.DEPUTY_MINISTER, ParticipationMode.IN_PERSON);
        withLink(d.link()).body(body("Deputy Minister of Nepal", null, false, session))
                .post("/invitations/" + d.invitationId() + "/speaking-request").then().statusCode(201)
                .body("rankConfirmation", nullValue()).body("rankForPrecedence", equalTo("DEPUTY_MINISTER"));

        withLink(d.link()).body("{\"name\": \"President of Nepal\", \"title\": \"President\", \"rank\": \"HEAD_OF_STATE\","
                        + " \"substitute\": true}")
                .put("/invitations/" + d.invitationId() + "/speaking-request/speaker").then().statusCode(200)
                .body("rankConfirmation.status", equalTo("PENDING"))
                .body("rankForPrecedence", equalTo("DEPUTY_MINISTER"))
                // The rank it counts with did not change, so the seat is not pinned by this substitution.
                .body("override", nullValue());
        SpeakerSubstituted substituted = awaitEvent(SpeakerSubstituted.class, d.invitationId());
        assertThat(substituted.speaker().rank()).isEqualTo(Rank.HEAD_OF_STATE);
        assertThat(substituted.speaker().rankConfirmation()).isEqualTo(RankConfirmation.PENDING);

        // Back to a rank the invitation supports: nothing waits any more.
        withLink(d.link()).body("{\"name\": \"Ambassador of Nepal\", \"title\": \"Ambassador\", \"rank\": \"AMBASSADOR\","
                        + " \"substitute\": true}")
                .put("/invitations/" + d.invitationId() + "/speaking-request/speaker").then().statusCode(200)
                .body("rankConfirmation", nullValue()).body("rankForPrecedence", equalTo("AMBASSADOR"));
    }

    @Test
    void aRankTheSecretariatEntersCountsAtOnceAndOnlyTheSecretariatDecides() {
        Fixtures.Forum forum = Fixtures.forum(FUTURE);
        UUID session = Fixtures.session(forum, 2, 31, 12);
        Fixtures.Delegation d = Fixtures.delegation(forum, "Malta", Rank.AMBASSADOR, ParticipationMode.IN_PERSON);
        String id = asSecretariat().body(body("Prime Minister of Malta", "HEAD_OF_GOVERNMENT", true, session))
                .post("/delegations/" + d.invitationId() + "/speaking-request").then().statusCode(201)
                .body("rankConfirmation.status", equalTo("CONFIRMED"))
                .body("rankForPrecedence", equalTo("HEAD_OF_GOVERNMENT")).extract().path("id");

        given().auth().oauth2(TestTokens.ops()).contentType("application/json").body("{\"decision\": \"REFUSE\"}")
                .post("/speaking-requests/" + id + "/rank-confirmation").then().statusCode(403);
        withLink(d.link()).body("{\"decision\": \"CONFIRM\"}")
                .post("/speaking-requests/" + id + "/rank-confirmation").then().statusCode(401);
        asSecretariat().body("{\"decision\": \"MAYBE\"}")
                .post("/speaking-requests/" + id + "/rank-confirmation").then().statusCode(400);
    }
}
