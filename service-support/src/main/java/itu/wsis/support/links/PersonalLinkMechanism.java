package itu.wsis.support.links;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Set;

/**
 * Reads the personal link from the {@value PersonalLinks#HEADER} header. Endpoints select it with
 * {@link PersonalLinkAuthentication}; on any other endpoint it only acts on a request that carries the header (and
 * then yields an {@code invitee} identity, which no staff endpoint accepts). The client address is the one Quarkus
 * established: the peer's, or the forwarded one when the peer is a trusted proxy ({@code quarkus.http.proxy.*}).
 */
@ApplicationScoped
public class PersonalLinkMechanism implements HttpAuthenticationMechanism {

    /** The authentication scheme name that {@link PersonalLinkAuthentication} selects. */
    public static final String SCHEME = "personal-link";

    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, PersonalLinks.HEADER, SCHEME);

    private final boolean answersLinks;

    /** A service without a {@link LinkStates} (notification-service) answers no link: the header is ignored there. */
    public PersonalLinkMechanism(Instance<LinkStates> states) {
        this.answersLinks = states.isResolvable();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = context.request().getHeader(PersonalLinks.HEADER);
        if (token == null || !answersLinks) {
            // Not this mechanism's request. A link endpoint then refuses the anonymous caller with the same answer
            // as for a blank header (ProblemMappers, through PersonalLinkAdmission.missing).
            return Uni.createFrom().nullItem();
        }
        PersonalLinkRequest request = new PersonalLinkRequest(token, clientAddress(context));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(), null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(PersonalLinkRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }

    @Override
    public int getPriority() {
        // After the bearer-token mechanism, so that a staff request carrying both is judged by its JWT.
        return DEFAULT_PRIORITY - 100;
    }

    /** The client address as Quarkus established it (see the class comment). */
    public static String clientAddress(RoutingContext context) {
        var address = context.request().remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
