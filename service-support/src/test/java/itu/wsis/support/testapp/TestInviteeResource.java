package itu.wsis.support.testapp;

import io.quarkus.security.identity.SecurityIdentity;
import itu.wsis.support.links.InviteeLink;
import itu.wsis.support.links.LinkClaims;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import itu.wsis.support.links.PersonalLinkAuthentication;
import itu.wsis.support.links.PersonalLinkMechanism;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.UUID;

/** An invitee endpoint as the services declare theirs: the personal link, the invitee role, the invitation's path. */
@Path("/test-invitations/{invitationId}")
@Produces(MediaType.APPLICATION_JSON)
@PersonalLinkAuthentication
@HttpAuthenticationMechanism(PersonalLinkMechanism.SCHEME)
@RolesAllowed(Roles.INVITEE)
public class TestInviteeResource {

    private final SecurityIdentity identity;

    public TestInviteeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    public Map<String, Object> read(@PathParam("invitationId") UUID invitationId) {
        LinkClaims link = InviteeLink.claims(identity);
        return Map.of("invitationId", link.invitationId(), "linkVersion", link.linkVersion(),
                "expiresAt", link.expiresAt().toString(), "pathId", invitationId);
    }

    @POST
    @Path("/answer")
    public Map<String, Object> answer(@PathParam("invitationId") UUID invitationId) {
        return Map.of("answered", InviteeLink.claims(identity).invitationId());
    }
}
