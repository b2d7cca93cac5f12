package itu.wsis.invitation.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.rest.ErasureWire.ErasureResponse;
import itu.wsis.invitation.service.ErasureService;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** The secretariat asks for one person's personal data to be erased in every service. */
@Path("/invitees/{inviteeId}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data", description = "Erasure of one person's personal data on request, in every service, and its progress.")
public class InviteeErasureResource {

    private final ErasureService erasures;
    private final SecurityIdentity identity;

    public InviteeErasureResource(ErasureService erasures, SecurityIdentity identity) {
        this.erasures = erasures;
        this.identity = identity;
    }

    /**
     * 202 with the request and its Location: this service has erased its own data, the others follow through
     * events. Asking again for the same person answers the same request, also 202.
     */
    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "requestErasure",
            summary = "Erase this person's personal data in every service; asking again answers the same request")
    @APIResponse(responseCode = "202", description = "Erasure requested (or already requested): its progress",
            headers = @Header(name = "Location", description = "The erasure request, /erasure-requests/{id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = ErasureResponse.class)))
    @APIResponse(responseCode = "400", description = "The invitee id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such invitee")
    public Uni<Response> request(@PathParam("inviteeId") UUID inviteeId) {
        return erasures.request(inviteeId, identity.getPrincipal().getName())
                .map(requested -> Response.accepted(ErasureResponse.of(requested.erasure(), erasures.services()))
                        .location(URI.create("/erasure-requests/" + requested.erasure().id())).build());
    }
}
