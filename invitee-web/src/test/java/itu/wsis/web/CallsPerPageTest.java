package itu.wsis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.web.SpeakingRequestPagesTest.Session;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static itu.wsis.web.SpeakingRequestPagesTest.open;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17: every call to a service spends the personal link's budget there (60 a minute per service,
 * docs/security-auth.md). A page view asked speaking-request-service four times (the sessions, the request for
 * speaking time, the round tables, the seat request); it now asks once, for its overview, and the pages about one
 * request ask the same. These are the calls {@link FakeServices} receives, page by page, so that no extra call creeps
 * back unnoticed.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class CallsPerPageTest {

    /** The calls the services received while {@code view} ran; the tests of a class run one at a time. */
    static List<String> calls(Supplier<?> view) {
        int before = FakeServices.CALLS.size();
        view.get();
        return List.copyOf(FakeServices.CALLS.subList(before, FakeServices.CALLS.size()));
    }

    static List<String> pageOfAnAcceptedInvitation(UUID id) {
        return List.of("GET /invitations/" + id + "/letter", "GET /invitations/" + id,
                "GET /invitations/" + id + "/speaking-overview");
    }

    static Object get(UUID invitation, String path, int status) {
        return given().redirects().follow(false).cookie("wsis-link", FakeServices.token(invitation)).get(path).then()
                .statusCode(status).extract().asString();
    }

    @Test
    void theInvitationPageCallsEachServiceOnceWithTwoRoundTablesASeatAndSpeakingTime() {
        UUID id = FakeServices.RT_SEATED;
        assertThat(calls(() -> get(id, "/invitation", 200))).isEqualTo(pageOfAnAcceptedInvitation(id));
        // The page shows what the one call brought: both round tables, the seat and the speaking time.
        String page = (String) get(id, "/invitation", 200);
        assertThat(page).contains("id=\"round-table-2\"").contains("id=\"seat-status-1\"")
                .contains("id=\"speaking-status\"");
    }

    @Test
    void thePagesAboutOneRequestCostTheSameOneCallToSpeakingRequestService() {
        UUID seated = FakeServices.RT_SEATED;
        assertThat(calls(() -> get(seated, "/invitation/speaking-request/speaker", 200)))
                .isEqualTo(pageOfAnAcceptedInvitation(seated));
        assertThat(calls(() -> get(seated, "/invitation/speaking-request/withdraw", 200)))
                .isEqualTo(pageOfAnAcceptedInvitation(seated));
        assertThat(calls(() -> get(seated, "/invitation/round-table/withdraw?round-table=" + FakeServices.ROUND_TABLE,
                200))).isEqualTo(pageOfAnAcceptedInvitation(seated));
    }

    @Test
    void anInvitationNotAcceptedDoesNotAskSpeakingRequestServiceAtAll() {
        UUID id = FakeServices.ENGLISH;
        assertThat(calls(() -> get(id, "/invitation", 200)))
                .containsExactly("GET /invitations/" + id + "/letter", "GET /invitations/" + id);
    }

    /** A seat asked for is the request alone: the round tables are not looked up first, and the redirect follows. */
    @Test
    void askingForASeatIsOneCallAndARefusedFormOneMorePageView() {
        UUID id = FakeServices.RT_OPEN;
        Session s = open(id, "/invitation");
        assertThat(calls(() -> s.post().formParam("round-table", FakeServices.ROUND_TABLE_2.toString())
                .formParam("seat-holder", "minister").formParam("seat-name", "H.E. Ms A")
                .formParam("seat-title", "Minister").formParam("seat-language", "en")
                .formParam("seat-modality", "IN_PERSON").post("/invitation/round-table").then().statusCode(303)))
                .containsExactly("POST /invitations/" + id + "/speaking-request");

        UUID refusing = FakeServices.RT_MINISTERS_ONLY;
        Session r = open(refusing, "/invitation");
        List<String> expected = new java.util.ArrayList<>();
        expected.add("POST /invitations/" + refusing + "/speaking-request");
        expected.addAll(pageOfAnAcceptedInvitation(refusing));
        assertThat(calls(() -> r.post().formParam("round-table", FakeServices.ROUND_TABLE.toString())
                .formParam("seat-holder", "minister").formParam("seat-name", "Mr Deputy")
                .formParam("seat-title", "Deputy Minister").formParam("seat-language", "en")
                .formParam("seat-modality", "IN_PERSON").post("/invitation/round-table").then().statusCode(422)))
                .isEqualTo(expected);
    }
}
