package itu.wsis.web.client;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import itu.wsis.web.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The three services, called with the invitee's link in {@value #LINK_HEADER}. Every answer comes back as an
 * {@link Answer}: the body on success, the problem otherwise, and 503 when a service cannot be reached, so that
 * the pages decide what to show and never fail with a stack trace.
 */
@ApplicationScoped
public class Api {

    public static final String LINK_HEADER = "WSIS-Personal-Link";
    /**
     * The invitee's address as this module established it (its peer, or the client a trusted proxy in front of it
     * names: quarkus.http.proxy.*), so that the services' rate limits count invitees, not this module. One address,
     * replacing whatever the client sent; the services believe it only from this module's address.
     */
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    /** speaking-request-service's session kind of a ministerial round table. */
    public static final String ROUND_TABLE = "MINISTERIAL_ROUND_TABLE";

    private static final Logger LOG = Logger.getLogger(Api.class);

    public record Answer<T>(int status, T body, Models.Problem problem) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final InvitationApi invitation;
    private final RegistrationApi registration;
    private final SpeakingApi speaking;

    public Api(WebConfig config) {
        this.invitation = client(config, config.invitationUrl(), InvitationApi.class);
        this.registration = client(config, config.registrationUrl(), RegistrationApi.class);
        this.speaking = client(config, config.speakingUrl(), SpeakingApi.class);
    }

    private static <T> T client(WebConfig config, java.net.URI base, Class<T> type) {
        // Every status is an answer to read here, not an exception.
        return QuarkusRestClientBuilder.newBuilder().baseUri(base)
                .property("microprofile.rest.client.disableDefaultMapper", true)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS).build(type);
    }

    public Answer<Models.LetterView> letter(UUID id, String link, String client) {
        return call(() -> invitation.letter(id, link, client), Models.LetterView.class);
    }

    public Answer<Models.InvitationView> invitation(UUID id, String link, String client) {
        return call(() -> registration.view(id, link, client), Models.InvitationView.class);
    }

    public Answer<Void> accept(UUID id, String link, String client, Models.AcceptBody body) {
        return call(() -> registration.accept(id, link, client, body), Void.class);
    }

    public Answer<Void> decline(UUID id, String link, String client, Models.DeclineBody body) {
        return call(() -> registration.decline(id, link, client, body), Void.class);
    }

    public Answer<Void> withdraw(UUID id, String link, String client) {
        return call(() -> registration.withdraw(id, link, client), Void.class);
    }

    /** The PDF's bytes and, in {@code problem.detail}, nothing more: the page says why a letter was refused. */
    public Answer<byte[]> visaLetter(UUID id, int member, String lang, String link, String client) {
        return call(() -> registration.visaLetter(id, member, lang, link, client), byte[].class);
    }

    /** Everything the pages show about speaking, in one call (the link's budget at the service counts calls). */
    public Answer<Models.SpeakingOverview> speakingOverview(UUID id, String link, String client) {
        return call(() -> speaking.overview(id, link, client), Models.SpeakingOverview.class);
    }

    public Answer<Void> submitSpeakingRequest(UUID id, String link, String client, Models.SpeakingRequestBody body) {
        return call(() -> speaking.submit(id, link, client, body), Void.class);
    }

    public Answer<Void> changeSpeaker(UUID id, String link, String client, Models.SpeakerBody body) {
        return call(() -> speaking.changeSpeaker(id, link, client, body), Void.class);
    }

    public Answer<Void> withdrawSpeakingRequest(UUID id, String link, String client) {
        return call(() -> speaking.withdraw(id, null, link, client), Void.class);
    }

    public Answer<Void> withdrawSeatRequest(UUID id, UUID roundTable, String link, String client) {
        return call(() -> speaking.withdraw(id, roundTable, link, client), Void.class);
    }

    private static Response send(Supplier<Response> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }

    private static <T> Answer<T> call(Supplier<Response> request, Class<T> type) {
        try (Response response = send(request)) {
            int status = response.getStatus();
            if (status / 100 == 2) {
                T body = type == Void.class || !response.hasEntity() ? null : response.readEntity(type);
                return new Answer<>(status, body, null);
            }
            Models.Problem problem = null;
            if (response.hasEntity()) {
                try {
                    problem = response.readEntity(Models.Problem.class);
                } catch (RuntimeException unreadable) {
                    LOG.debugf("unreadable problem body (status %d): %s", status, unreadable.getMessage());
                }
            }
            return new Answer<>(status, null, problem == null
                    ? new Models.Problem("", "", status, "", List.of(), null, null) : problem);
        } catch (ProcessingException e) {
            // The token is never logged: only which kind of call failed.
            LOG.warnf("a service could not be reached: %s", e.getMessage());
            return new Answer<>(503, null, new Models.Problem("urn:wsis:problem:service-unavailable", "", 503, "",
                    List.of(), null, null));
        }
    }
}
