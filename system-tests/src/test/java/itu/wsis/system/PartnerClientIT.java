package itu.wsis.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import itu.wsis.client.invitation.api.InvitationsApi;
import itu.wsis.client.invitation.api.OpsDemoDataApi;
import itu.wsis.client.invitation.model.DemoDataResponse;
import itu.wsis.client.invitation.model.InvitationResponse;
import itu.wsis.client.invitation.model.PagedInvitationResponse;
import itu.wsis.client.registration.api.InviteeReplyThroughThePersonalLinkApi;
import itu.wsis.client.registration.api.SecretariatForumRepliesApi;
import itu.wsis.client.registration.model.AcceptRequest;
import itu.wsis.client.registration.model.DelegateRequest;
import itu.wsis.client.registration.model.ParticipationMode;
import itu.wsis.client.registration.model.ReplyResponse;
import itu.wsis.client.registration.model.ReplyStatus;
import itu.wsis.client.registration.model.StatisticsResponse;
import itu.wsis.client.speaking.api.InviteeSpeakingRequestApi;
import itu.wsis.client.speaking.api.SecretariatSessionsApi;
import itu.wsis.client.speaking.model.Language;
import itu.wsis.client.speaking.model.SessionResponse;
import itu.wsis.client.speaking.model.SpeakerRequest;
import itu.wsis.client.speaking.model.SpeakingModality;
import itu.wsis.client.speaking.model.SpeakingOverviewResponse;
import itu.wsis.client.speaking.model.SpeakingRequestResponse;
import itu.wsis.client.speaking.model.SubmitSpeakingRequest;
import itu.wsis.contracts.OpenApiContract;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static itu.wsis.system.scenario.Mailbox.invitationIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner system integrates the way the contracts tell it to: with Java clients that openapi-generator made at
 * build time from docs/api/*.json, against the four services running as processes. It lists the invitations,
 * accepts one through its personal link, requests speaking time and reads the statistics, all with typed values.
 * It also checks that the documents the running services serve are the committed ones, with unique operation ids.
 */
class PartnerClientIT {

    static final List<String> SERVICES = List.of("invitation-service", "registration-service",
            "speaking-request-service", "notification-service");
    static SystemStack stack;

    @BeforeAll
    static void start() {
        stack = SystemStack.start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theServedDocumentsAreTheCommittedContractsWithIdsUniqueAcrossTheFourServices() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> owner = new HashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String service : SERVICES) {
            String served = http.send(HttpRequest.newBuilder(URI.create(stack.service(service).baseUrl()
                    + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString()).body();
            JsonNode document = json.readTree(served);
            JsonNode committed = json.readTree(Files.readString(OpenApiContract.apiDir().resolve(service + ".json")));
            assertThat(document).as("%s serves docs/api/%s.json", service, service).isEqualTo(committed);
            for (String id : OpenApiContract.operationIds(document)) {
                assertThat(owner.put(id, service)).as("operationId %s is served once", id).isNull();
            }
        }
        assertThat(owner).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void aPartnerDrivesTheDemoWithTypedClients() throws Exception {
        String secretariat = stack.tokens().issue("secretariat");
        String ops = stack.tokens().issue("ops");

        var invitationClient = new itu.wsis.client.invitation.ApiClient();
        invitationClient.updateBaseUri(stack.service("invitation-service").baseUrl());
        invitationClient.setRequestInterceptor(bearer(secretariat));
        DemoDataResponse demo = new OpsDemoDataApi(invitationClient).loadInvitationDemoData();
        assertThat(demo.getInvitationsTotal()).isEqualTo(193);

        // List invitations: typed pages of the letter's invitations.
        InvitationsApi invitations = new InvitationsApi(invitationClient);
        PagedInvitationResponse page = invitations.listInvitations(null, demo.getLetterId(), null, 0, null, 20,
                "memberState", null);
        assertThat(page.getTotal()).isEqualTo(193L);
        assertThat(page.getItems()).hasSize(20);
        assertThat(page.getItems()).allSatisfy(i -> assertThat(i.getLetterId()).isEqualTo(demo.getLetterId()));

        // Accept through the personal link of a real invitation email.
        await().atMost(Duration.ofMinutes(3)).until(() -> stack.receivedMail().size() >= 193);
        MimeMessage email = stack.receivedMail().get(0);
        String token = DemoJourneyIT.token(email);
        UUID invitationId = invitationIdOf(token);
        InvitationResponse invitation = invitations.getInvitation(invitationId);
        assertThat(invitation.getId()).isEqualTo(invitationId);

        var registrationClient = new itu.wsis.client.registration.ApiClient();
        registrationClient.updateBaseUri(stack.service("registration-service").baseUrl());
        registrationClient.setRequestInterceptor(personalLink(token));
        InviteeReplyThroughThePersonalLinkApi invitee = new InviteeReplyThroughThePersonalLinkApi(registrationClient);
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                .until(() -> invitee.getMyInvitation(invitationId).getInvitationId().equals(invitationId));
        var accepted = invitee.acceptInvitationWithHttpInfo(invitationId, new AcceptRequest()
                .mode(ParticipationMode.IN_PERSON)
                .delegation(List.of(
                        new DelegateRequest().name("Head of Delegation").title("Minister")
                                .email("head@example.org").headOfDelegation(true),
                        new DelegateRequest().name("Adviser").title("Senior Adviser")
                                .email("adviser@example.org").headOfDelegation(false))));
        assertThat(accepted.getStatusCode()).isEqualTo(201);
        ReplyResponse reply = accepted.getData();
        assertThat(reply.getStatus()).isEqualTo(ReplyStatus.ACCEPTED);
        assertThat(reply.getVersion()).isEqualTo(1);
        assertThat(reply.getDelegation()).hasSize(2);
        assertThat(header(accepted.getHeaders(), "Location"))
                .endsWith("/invitations/" + invitationId + "/replies/1");

        // Request speaking time through the same link, once speaking-request knows the acceptance.
        var speakingStaff = new itu.wsis.client.speaking.ApiClient();
        speakingStaff.updateBaseUri(stack.service("speaking-request-service").baseUrl());
        speakingStaff.setRequestInterceptor(bearer(secretariat));
        SecretariatSessionsApi sessions = new SecretariatSessionsApi(speakingStaff);
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                .until(() -> sessions.loadSpeakingDemoData().getSessions() > 0);
        var speakingClient = new itu.wsis.client.speaking.ApiClient();
        speakingClient.updateBaseUri(stack.service("speaking-request-service").baseUrl());
        speakingClient.setRequestInterceptor(personalLink(token));
        InviteeSpeakingRequestApi speaking = new InviteeSpeakingRequestApi(speakingClient);
        List<SessionResponse> open = await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                // The optional filters (kind, session) left out: the policy sessions, and the request for speaking time.
                .until(() -> speaking.listMySessions(invitationId, null), list -> !list.isEmpty());
        SpeakingRequestResponse request = await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                .until(() -> speaking.requestSpeakingTime(invitationId, new SubmitSpeakingRequest()
                        .speaker(new SpeakerRequest().name("The Minister").title("Minister").substitute(false))
                        .preferredSessionIds(List.of(open.get(0).getId()))
                        .statementLanguage(Language.EN)
                        .modality(SpeakingModality.IN_PERSON)
                        .topic("ICTs for well-being, inclusion and resilience")), r -> r != null);
        assertThat(request.getInvitationId()).isEqualTo(invitationId);
        assertThat(speaking.getMySpeakingRequest(invitationId, null).getId()).isEqualTo(request.getId());
        // The overview the invitee pages read in one call: the sessions of every kind, and that request.
        SpeakingOverviewResponse overview = speaking.getMySpeakingOverview(invitationId);
        assertThat(overview.getRequests()).extracting(SpeakingRequestResponse::getId).containsExactly(request.getId());
        assertThat(overview.getSessions()).extracting(SessionResponse::getId)
                .containsAll(open.stream().map(SessionResponse::getId).toList());

        // Read the statistics: the acceptance is counted.
        var registrationStaff = new itu.wsis.client.registration.ApiClient();
        registrationStaff.updateBaseUri(stack.service("registration-service").baseUrl());
        registrationStaff.setRequestInterceptor(bearer(ops));
        StatisticsResponse statistics = new SecretariatForumRepliesApi(registrationStaff)
                .getReplyStatistics(demo.getForumId());
        assertThat(statistics.getForumId()).isEqualTo(demo.getForumId());
        assertThat(statistics.getTotal().getInvited()).isEqualTo(193L);
        assertThat(statistics.getTotal().getAccepted()).isEqualTo(1L);
        assertThat(statistics.getTotal().getInPerson()).isEqualTo(1L);
    }

    static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
    }

    static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.header("Authorization", "Bearer " + token);
    }

    /** The personalLink security scheme: the token in the WSIS-Personal-Link header. */
    static Consumer<HttpRequest.Builder> personalLink(String token) {
        return request -> request.header("WSIS-Personal-Link", token);
    }
}
