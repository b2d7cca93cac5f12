package itu.wsis.web.contract;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract check's wiring, on a server that gives whatever answer a test sets: a conforming call passes, and each
 * kind of deliberately wrong answer or request is recorded, naming the operation and the member, and fails the test.
 */
class ContractFilterTest {

    private static final String ID = "00000000-0000-0000-0000-0000000000e1";
    private static final String INVITATION = "/invitations/" + ID;
    private static final String VIEW = """
            {"invitationId":"%s","deadline":{"date":"2022-04-15","timeZone":"Europe/Zurich",
             "endsAt":"2022-04-15T22:00:00Z"},"deadlinePassed":false,"reply":null}""".formatted(ID);
    private static final String PROBLEM = "{\"type\":\"urn:wsis:problem:personal-link-invalid\",\"title\":\"x\","
            + "\"status\":401}";

    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static volatile Answer answer;

    record Answer(int status, String contentType, String body) {
    }

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }).getFilters().add(new ContractFilter(ServiceContract.of("registration-service")));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void forgetEarlierCalls() {
        ContractViolations.drain();
    }

    private static List<String> call(HttpRequest.Builder request, Answer given) throws Exception {
        answer = given;
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).as("the answer still reaches the client unchanged").isEqualTo(given.body());
        return ContractViolations.drain();
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .header("WSIS-Personal-Link", "a.b").header("Accept", "application/json");
    }

    private static HttpRequest.Builder post(String path, String json) {
        return get(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    @Test
    void aRequestAndAnAnswerThatKeepTheContractPass() throws Exception {
        assertThat(call(get(INVITATION), new Answer(200, "application/json", VIEW))).isEmpty();
        assertThat(call(get(INVITATION), new Answer(401, "application/problem+json", PROBLEM))).isEmpty();
    }

    @Test
    void aProblemWithoutItsRequiredTitleIsRejected() throws Exception {
        assertThat(call(get(INVITATION), new Answer(401, "application/problem+json",
                "{\"type\":\"urn:wsis:problem:personal-link-invalid\",\"status\":401}")))
                .singleElement().asString()
                .contains("docs/api/registration-service.json", "operation getMyInvitation", "answer 401", "title");
    }

    @Test
    void aStatusTheOperationDoesNotDocumentIsRejected() throws Exception {
        assertThat(call(get(INVITATION), new Answer(202, "application/json", VIEW)))
                .anySatisfy(v -> assertThat(v).contains("operation getMyInvitation", "answer 202", "202"));
    }

    @Test
    void anErrorThatIsNotProblemJsonIsRejected() throws Exception {
        assertThat(call(get(INVITATION), new Answer(401, "application/json", PROBLEM)))
                .anySatisfy(v -> assertThat(v).contains("operation getMyInvitation", "answer 401",
                        "application/json"));
    }

    @Test
    void aMemberOfTheWrongTypeOrOneTheServiceDoesNotHaveIsRejected() throws Exception {
        assertThat(call(get(INVITATION), new Answer(200, "application/json",
                VIEW.replace("\"deadlinePassed\":false", "\"deadlinePassed\":\"no\""))))
                .anySatisfy(v -> assertThat(v).contains("operation getMyInvitation", "answer 200 body member /deadlinePassed",
                        "boolean"));
        assertThat(call(get(INVITATION), new Answer(200, "application/json",
                VIEW.replace("\"deadlinePassed\":false", "\"deadlinePassed\":false,\"seatsLeft\":3"))))
                .anySatisfy(v -> assertThat(v).contains("operation getMyInvitation", "seatsLeft"));
    }

    @Test
    void aRequestWithoutThePersonalLinkOrWithABodyMissingARequiredMemberIsRejected() throws Exception {
        Answer created = new Answer(201, "application/json", "{}");
        assertThat(call(HttpRequest.newBuilder(get(INVITATION + "/accept").build().uri())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"REMOTE\",\"delegation\":[{\"name\":\"A\","
                        + "\"title\":\"B\",\"email\":\"a@example.org\"}]}")), created))
                .anySatisfy(v -> assertThat(v).contains("operation acceptInvitation", "request security [personalLink]"));
        // A null is read as absent by the services: a required member sent as null is missing.
        assertThat(call(post(INVITATION + "/accept", "{\"mode\":null,\"delegation\":[{\"name\":\"A\",\"title\":\"B\","
                + "\"email\":\"a@example.org\",\"accessibilityNeed\":null}]}"), created))
                .singleElement().asString().contains("operation acceptInvitation", "request", "mode");
    }

    @Test
    void aPathOrParameterNoServiceOperationHasIsRejected() throws Exception {
        Answer ok = new Answer(200, "application/json", VIEW);
        assertThat(call(get(INVITATION + "/letter"), ok))
                .anySatisfy(v -> assertThat(v).contains("no operation", "GET " + INVITATION + "/letter"));
        assertThat(call(get(INVITATION + "/visa-letters/first"), new Answer(200, "application/pdf", "%PDF")))
                .anySatisfy(v -> assertThat(v).contains("operation getMyVisaLetter", "path parameter 'member'", "integer"));
    }

    @Test
    void aViolationFailsTheQuarkusTestDuringWhichItWasRecordedAndOnlyThatOne() throws Exception {
        answer = new Answer(202, "application/json", VIEW);
        CLIENT.send(get(INVITATION).build(), HttpResponse.BodyHandlers.discarding());
        // What runs after each @QuarkusTest method (META-INF/services) finds it there.
        assertThatThrownBy(() -> new FailOnContractViolations().afterEach(null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("operation getMyInvitation").hasMessageContaining("answer 202");
        assertThatCode(() -> new FailOnContractViolations().afterEach(null)).doesNotThrowAnyException();
    }

    @Test
    void whatTheServicesAnswerOutsideTheHappyPathIsInTheirDocuments() {
        // These three were missing from the documents when the check was first wired in; the services now say them.
        ServiceContract invitation = ServiceContract.of("invitation-service");
        String letter = INVITATION + "/letter";
        assertThat(invitation.check(answer(letter, 429, "{\"type\":\"urn:wsis:problem:rate-limited\",\"title\":\"t\","
                + "\"status\":429,\"retryAfterSeconds\":17}"))).isEmpty();
        assertThat(invitation.check(answer(letter, 418, PROBLEM))).singleElement().asString()
                .contains("operation getMyInvitationLetter", "answer 418", "status.unknown");
        String revoked = "{\"type\":\"urn:wsis:problem:invitation-revoked\",\"title\":\"t\",\"status\":410,"
                + "\"language\":\"ru\"}";
        assertThat(invitation.check(answer(letter, 410, revoked))).isEmpty();
        assertThat(invitation.check(answer(letter, 410, revoked.replace("language", "lang")))).singleElement()
                .asString().contains("answer 410", "lang");
        assertThat(ServiceContract.of("speaking-request-service").check(new ServiceContract.Call("POST",
                INVITATION + "/speaking-request", null, Map.of("WSIS-Personal-Link", List.of("a.b"),
                        "Content-Type", List.of("application/json")),
                "{}".getBytes(StandardCharsets.UTF_8), 409, Map.of("Content-Type", List.of("application/problem+json")),
                ("{\"type\":\"urn:wsis:problem:round-table-ministers-only\",\"title\":\"t\",\"status\":409,"
                        + "\"rank\":\"AMBASSADOR\"}").getBytes(StandardCharsets.UTF_8))))
                .noneMatch(violation -> violation.contains("answer 409"));
    }

    private static ServiceContract.Call answer(String path, int status, String problem) {
        return new ServiceContract.Call("GET", path, null, Map.of("WSIS-Personal-Link", List.of("a.b")), new byte[0],
                status, Map.of("Content-Type", List.of("application/problem+json")),
                problem.getBytes(StandardCharsets.UTF_8));
    }
}
