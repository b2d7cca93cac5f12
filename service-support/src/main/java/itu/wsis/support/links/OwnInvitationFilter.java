package itu.wsis.support.links;

import itu.wsis.support.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.UUID;

/**
 * A personal link opens its own invitation only: on an endpoint marked {@link PersonalLinkAuthentication}, the
 * {@code invitationId} of the path must be the link's. Any other id answers 404 exactly like an address that does not
 * exist, so that a link holder learns nothing about other invitations. Runs after authentication.
 */
@Provider
@PersonalLinkAuthentication
@Priority(Priorities.AUTHORIZATION)
public class OwnInvitationFilter implements ContainerRequestFilter {

    /** The path parameter every personal-link endpoint names its invitation with. */
    public static final String PATH_PARAMETER = "invitationId";

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        String path = request.getUriInfo().getPathParameters().getFirst(PATH_PARAMETER);
        if (principal == null || !principal.getName().equals("invitation:" + canonical(path))) {
            Problem problem = LinkRefusals.notFound().toProblem(request.getUriInfo().getPath());
            request.abortWith(Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build());
        }
    }

    private static String canonical(String id) {
        try {
            return id == null ? "" : UUID.fromString(id).toString();
        } catch (IllegalArgumentException notAnId) {
            return "";
        }
    }
}
