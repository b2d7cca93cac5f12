package itu.wsis.invitation.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.rest.ErasureWire.ErasureResponse;
import itu.wsis.invitation.service.ErasureService;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Erasure requests and how far each service has got with them. */
@Path("/erasure-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data", description = "Erasure of one person's personal data on request, in every service, and its progress.")
public class ErasureRequestResource {

    private final ErasureService erasures;

    public ErasureRequestResource(ErasureService erasures) {
        this.erasures = erasures;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getErasureRequest",
            summary = "An erasure request: pending or done per service, with what each erased (counts)")
    @APIResponse(responseCode = "200", description = "The request and its progress")
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such erasure request")
    public Uni<ErasureResponse> get(@PathParam("id") UUID id) {
        return erasures.get(id).map(erasure -> ErasureResponse.of(erasure, erasures.services()));
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "listErasureRequests", summary = "Erasure requests, newest first")
    @APIResponse(responseCode = "200", description = "A page of erasure requests with their progress")
    @APIResponse(responseCode = "400", description = "page or size out of range")
    public Uni<Paged<ErasureResponse>> list(@QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue("50") int size) {
        Paged.check(page, size, 200);
        return erasures.list(page, size)
                .map(p -> Paged.of(p.map(erasure -> ErasureResponse.of(erasure, erasures.services()))));
    }
}
