package itu.wsis.invitation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import itu.wsis.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

/**
 * Every endpoint, three ways: without a token (401), with a token of the wrong role (403), with the right role
 * (a 2xx). Write endpoints are the secretariat's; ops may only read.
 */
@QuarkusTest
@InvitationServiceTest
class SecurityMatrixTest {

    record Endpoint(String name, String method, Supplier<String> path, Supplier<Object> body, String contentType,
                    boolean write) {
        @Override
        public String toString() {
            return name;
        }
    }

    static UUID forumId;
    static UUID letterId;
    static UUID inviteeId;
    static UUID invitationId;
    static String erasureRequest;

    /** Created on first use: RestAssured knows the test port only once a test method runs. */
    static synchronized void ensureData() {
        if (forumId != null) {
            return;
        }
        forumId = Fixtures.createForum();
        letterId = Fixtures.createLetter(forumId);
        Fixtures.asSecretariat().post("/letters/{id}/publish", letterId).then().statusCode(200);
        inviteeId = Fixtures.createInvitee("CH");
        invitationId = Fixtures.issue(letterId, inviteeId);
        erasureRequest = Fixtures.asSecretariat().post("/invitees/{id}/erasure", Fixtures.createInvitee("PT"))
                .then().statusCode(202).extract().header("Location");
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                write("create forum", "POST", () -> "/forums", () -> Fixtures.forum(Fixtures.unique("SEC"))),
                read("list forums", () -> "/forums"),
                read("get forum", () -> "/forums/" + forumId),
                read("forum audit trail", () -> "/forums/" + forumId + "/audit"),
                write("update forum", "PUT", () -> "/forums/" + forumId, () -> Fixtures.forum(Fixtures.unique("SEC"))),
                write("create letter", "POST", () -> "/forums/" + forumId + "/letters",
                        () -> Fixtures.letter(Fixtures.unique("CL"), Fixtures.today(), Fixtures.today().plusDays(9))),
                read("list letters", () -> "/forums/" + forumId + "/letters"),
                read("get letter", () -> "/letters/" + letterId),
                read("get letter revision", () -> "/letters/" + letterId + "/revisions/1"),
                write("update draft letter", "PUT", SecurityMatrixTest::draftLetter,
                        () -> Fixtures.letter(null, Fixtures.today(), Fixtures.today().plusDays(9))),
                write("publish letter", "POST", () -> "/letters/" + Fixtures.createLetter(forumId) + "/publish",
                        () -> null),
                write("new letter revision", "POST", () -> "/letters/" + letterId + "/revisions",
                        () -> Fixtures.letter(null, Fixtures.today(), Fixtures.today().plusDays(9))),
                write("create invitee", "POST", () -> "/invitees",
                        () -> Fixtures.invitee("FR", Fixtures.unique("sec").toLowerCase() + "@example.org")),
                read("list invitees", () -> "/invitees"),
                read("get invitee", () -> "/invitees/" + inviteeId),
                write("import invitees (JSON)", "POST", () -> "/invitees/import",
                        () -> List.of(Fixtures.invitee("DE", Fixtures.unique("sec").toLowerCase() + "@example.org"))),
                new Endpoint("import invitees (CSV)", "POST", () -> "/invitees/import",
                        () -> "memberState,fullName,formOfAddress,rank,email\nIT,A B,SIR,OTHER,"
                                + Fixtures.unique("sec").toLowerCase() + "@example.org\n", "text/csv", true),
                read("member states", () -> "/member-states"),
                write("issue one", "POST", () -> "/letters/" + letterId + "/invitations",
                        () -> Map.of("inviteeId", inviteeId)),
                write("issue in bulk", "POST", () -> "/letters/" + letterId + "/invitations/bulk", () -> null),
                read("list invitations", () -> "/invitations?letterId=" + letterId),
                read("count invitations", () -> "/invitations/counts"),
                read("get invitation", () -> "/invitations/" + invitationId),
                read("invitation audit trail", () -> "/invitations/" + invitationId + "/audit"),
                write("extend deadline", "POST", () -> "/invitations/" + invitationId + "/deadline-extension",
                        () -> Map.of("responseDeadline", Fixtures.today().plusDays(100 + (long) (Math.random() * 1000)).toString())),
                write("reissue link", "POST", () -> "/invitations/" + invitationId + "/link-reissue", () -> null),
                write("revoke", "POST", () -> "/invitations/" + Fixtures.issue(letterId, Fixtures.createInvitee("ES"))
                        + "/revoke", () -> Map.of("reason", "security matrix")),
                write("request erasure", "POST", () -> "/invitees/" + Fixtures.createInvitee("PT") + "/erasure",
                        () -> null),
                read("list erasure requests", () -> "/erasure-requests"),
                read("get erasure request", () -> java.net.URI.create(erasureRequest).getPath()),
                write("demo data", "POST", () -> "/ops/demo-data", () -> null));
    }

    /** A letter still in draft, so that updating it is allowed. */
    static String draftLetter() {
        return "/letters/" + Fixtures.createLetter(forumId);
    }

    static Endpoint read(String name, Supplier<String> path) {
        return new Endpoint(name, "GET", path, () -> null, ContentType.JSON.toString(), false);
    }

    static Endpoint write(String name, String method, Supplier<String> path, Supplier<Object> body) {
        return new Endpoint(name, method, path, body, ContentType.JSON.toString(), true);
    }

    private static io.restassured.response.Response call(Endpoint endpoint, RequestSpecification request) {
        Object body = endpoint.body().get();
        request.contentType(endpoint.contentType());
        if (body != null) {
            request.body(body);
        }
        return request.request(endpoint.method(), endpoint.path().get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenIs401(Endpoint endpoint) {
        ensureData();
        call(endpoint, given()).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
        call(endpoint, given().auth().oauth2(TestTokens.expiredSecretariat())).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withTheWrongRoleIs403(Endpoint endpoint) {
        ensureData();
        call(endpoint, given().auth().oauth2(TestTokens.withoutRole())).then().statusCode(403)
                .contentType("application/problem+json");
        if (endpoint.write()) {
            call(endpoint, given().auth().oauth2(TestTokens.ops())).then().statusCode(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withTheRightRoleSucceeds(Endpoint endpoint) {
        ensureData();
        call(endpoint, given().auth().oauth2(TestTokens.secretariat())).then().statusCode(lessThan(300));
        if (!endpoint.write()) {
            call(endpoint, given().auth().oauth2(TestTokens.ops())).then().statusCode(lessThan(300));
        }
    }
}
