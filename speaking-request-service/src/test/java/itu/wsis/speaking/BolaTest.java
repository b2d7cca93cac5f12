package itu.wsis.speaking;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import itu.wsis.events.InvitationRevoked;
import itu.wsis.events.ParticipationMode;
import itu.wsis.events.PersonalLinkReissued;
import itu.wsis.events.Rank;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.testing.TestPostgres;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import static io.restassured.RestAssured.given;
import static itu.wsis.speaking.Fixtures.requestBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may do what: personal links open only their own invitation; staff roles are split into writes and reads. */
@QuarkusTest
@SpeakingRequestServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BolaTest {

    Fixtures.Forum forum;
    UUID session;
    Fixtures.Delegation a;
    Fixtures.Delegation b;
    String requestOfB;

    record Call(String name, BiFunction<RequestSpecification, UUID, Response> run) {
    }

    List<Call> inviteeCalls() {
        String body = requestBody("Minister", "IN_PERSON", session);
        String speaker = "{\"name\": \"Sub\", \"title\": \"Ambassador\", \"rank\": \"AMBASSADOR\", \"substitute\": true}";
        return List.of(
                new Call("GET request", (spec, id) -> spec.get("/invitations/" + id + "/speaking-request")),
                new Call("GET sessions", (spec, id) -> spec.get("/invitations/" + id + "/sessions")),
                new Call("POST request", (spec, id) -> spec.body(body).post("/invitations/" + id + "/speaking-request")),
                new Call("PUT speaker", (spec, id) -> spec.body(speaker).put("/invitations/" + id + "/speaking-request/speaker")),
                new Call("DELETE request", (spec, id) -> spec.delete("/invitations/" + id + "/speaking-request")));
    }

    /** Once per class, but after Quarkus has started (a @BeforeAll would run before REST Assured knows the port). */
    @BeforeEach
    void setUp() {
        if (forum != null) {
            return;
        }
        forum = Fixtures.forum(Instant.now().plus(Duration.ofDays(30)));
        session = Fixtures.session(forum, 5, 30, 11);
        List<Fixtures.Delegation> d = Fixtures.delegations(forum, List.of("Austria", "Belgium"), Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        a = d.get(0);
        b = d.get(1);
        Fixtures.withLink(a.link()).body(requestBody("A", "IN_PERSON", session))
                .post("/invitations/" + a.invitationId() + "/speaking-request").then().statusCode(201);
        requestOfB = Fixtures.withLink(b.link()).body(requestBody("B", "IN_PERSON", session))
                .post("/invitations/" + b.invitationId() + "/speaking-request").then().statusCode(201)
                .extract().path("id");
    }

    static RequestSpecification link(String token) {
        return given().contentType("application/json").header(PersonalLinks.HEADER, token);
    }

    void expect(Call call, RequestSpecification spec, UUID id, int status, String type) {
        Response response = call.run().apply(spec, id);
        assertThat(response.statusCode()).as(call.name() + " → " + response.asString()).isEqualTo(status);
        assertThat(response.contentType()).as(call.name()).startsWith("application/problem+json");
        if (type != null) {
            assertThat(response.jsonPath().getString("type")).as(call.name()).isEqualTo("urn:wsis:problem:" + type);
        }
    }

    @Test
    void aPersonalLinkOpensOnlyItsOwnInvitation() {
        String forged = a.link().substring(0, a.link().length() - 2) + (a.link().endsWith("AA") ? "BB" : "AA");
        String expired = Fixtures.link(a.invitationId(), 1, Instant.now().minus(Duration.ofMinutes(1)));
        String future = Fixtures.link(a.invitationId(), 7);
        for (Call call : inviteeCalls()) {
            expect(call, given().contentType("application/json"), a.invitationId(), 401, "personal-link-required");
            expect(call, link(forged), a.invitationId(), 401, "personal-link-invalid");
            expect(call, link(expired), a.invitationId(), 410, "personal-link-expired");
            expect(call, link(future), a.invitationId(), 401, "personal-link-not-yet-active");
            // A's link on B's invitation: as if B's did not exist, and B's request is untouched. The same answer
            // as registration- and invitation-service give (issue #14).
            expect(call, link(a.link()), b.invitationId(), 404, "invitation-not-found");
            expect(call, link(a.link()), UUID.randomUUID(), 404, "invitation-not-found");
            // A staff token is not a personal link.
            expect(call, given().contentType("application/json").auth().oauth2(TestTokens.secretariat()),
                    a.invitationId(), 401, "personal-link-required");
        }
        assertThat(TestPostgres.queryLong(Fixtures.DB, "select count(*) from speaking_request where invitation_id = ?"
                + " and status = 'ALLOCATED' and speaker_name = 'B'", b.invitationId())).isEqualTo(1);
        link(a.link()).get("/invitations/" + a.invitationId() + "/speaking-request").then().statusCode(200);
    }

    @Test
    void aReissuedLinkSupersedesTheOldOneAndARevokedInvitationIsGone() {
        Fixtures.Forum other = Fixtures.forum(Instant.now().plus(Duration.ofDays(30)));
        List<Fixtures.Delegation> d = Fixtures.delegations(other, List.of("Chile", "Peru"), Rank.MINISTER,
                ParticipationMode.IN_PERSON);
        Fixtures.publishAll(List.of(
                new PersonalLinkReissued(UUID.randomUUID(), Instant.now(), d.get(0).invitationId(), 2,
                        Instant.now().plus(Duration.ofDays(30))),
                new InvitationRevoked(UUID.randomUUID(), Instant.now(), d.get(1).invitationId(), "withdrawn")));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.queryLong(Fixtures.DB,
                "select count(*) from invitation where (id = ? and link_version = 2) or (id = ? and revoked)",
                d.get(0).invitationId(), d.get(1).invitationId()) == 2);
        for (Call call : inviteeCalls()) {
            expect(call, link(d.get(0).link()), d.get(0).invitationId(), 410, "personal-link-reissued");
            expect(call, link(d.get(1).link()), d.get(1).invitationId(), 410, "invitation-revoked");
        }
        link(Fixtures.link(d.get(0).invitationId(), 2)).get("/invitations/" + d.get(0).invitationId() + "/sessions")
                .then().statusCode(200);
    }

    @Test
    void staffEndpointsNeedTheirRole() {
        String f = "/forums/" + forum.forumId();
        String sessionBody = """
                {"titles": {"en": "S"}, "start": "2022-05-31T16:00:00", "end": "2022-05-31T17:00:00",
                 "capacity": 3, "modalities": ["VIDEO"]}""";
        List<String[]> reads = List.of(
                new String[]{"GET", f + "/sessions"}, new String[]{"GET", "/sessions/" + session},
                new String[]{"GET", f + "/speaking-requests"}, new String[]{"GET", "/speaking-requests/" + requestOfB},
                new String[]{"GET", f + "/allocation"}, new String[]{"GET", f + "/allocation/dry-run"});
        List<String[]> writes = List.of(
                new String[]{"POST", f + "/sessions", sessionBody},
                new String[]{"PUT", "/sessions/" + session, sessionBody},
                new String[]{"POST", "/delegations/" + a.invitationId() + "/speaking-request", requestBody("x", "VIDEO", session)},
                new String[]{"POST", "/speaking-requests/" + requestOfB + "/assign", "{\"sessionId\": \"" + session + "\"}"},
                new String[]{"POST", "/speaking-requests/" + requestOfB + "/waitlist", ""},
                new String[]{"POST", "/speaking-requests/" + requestOfB + "/automatic", ""},
                new String[]{"POST", "/speaking-requests/" + requestOfB + "/reject", "{\"reason\": \"x\"}"},
                new String[]{"PUT", "/speaking-requests/" + requestOfB + "/speaker", "{\"name\": \"n\", \"title\": \"t\"}"},
                new String[]{"PUT", f + "/allocation/late-policy", "{\"latePolicy\": \"REJECT\"}"},
                new String[]{"POST", f + "/allocation/freeze", ""}, new String[]{"POST", f + "/allocation/unfreeze", ""},
                new String[]{"POST", f + "/allocation/publish", ""}, new String[]{"POST", "/ops/demo-data", ""});
        for (String[] read : reads) {
            call(given(), read).then().statusCode(401);
            call(given().auth().oauth2(TestTokens.withoutRole()), read).then().statusCode(403);
            call(given().header(PersonalLinks.HEADER, a.link()), read).then().statusCode(401);
            call(given().auth().oauth2(TestTokens.ops()), read).then().statusCode(200);
            call(given().auth().oauth2(TestTokens.secretariat()), read).then().statusCode(200);
        }
        for (String[] write : writes) {
            call(given(), write).then().statusCode(401).contentType("application/problem+json");
            call(given().auth().oauth2(TestTokens.withoutRole()), write).then().statusCode(403);
            call(given().auth().oauth2(TestTokens.ops()), write).then().statusCode(403)
                    .contentType("application/problem+json");
            call(given().header(PersonalLinks.HEADER, a.link()), write).then().statusCode(401);
        }
        // Nothing above changed B's request.
        Fixtures.asSecretariat().get("/speaking-requests/" + requestOfB).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ALLOCATED"))
                .body("override", org.hamcrest.Matchers.nullValue());
    }

    static Response call(RequestSpecification spec, String[] call) {
        spec = spec.contentType("application/json");
        if (call.length > 2 && !call[2].isEmpty()) {
            spec = spec.body(call[2]);
        }
        return switch (call[0]) {
            case "GET" -> spec.get(call[1]);
            case "PUT" -> spec.put(call[1]);
            default -> spec.post(call[1]);
        };
    }
}
