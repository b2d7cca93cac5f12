package itu.wsis.planted.shop.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Planted violation: it returns a plain {@code Response}; the answer's record, named by its {@code @APIResponse}, is
 * a *Result. Its body is named well, and its 404 documents no schema.
 */
@Path("/declared")
public class DeclaredAnswerResource {

    public record ThingRequest(String name) {
    }

    public record ThingResult(String name) {
    }

    @POST
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ThingResult.class)))
    @APIResponse(responseCode = "404")
    public Response create(ThingRequest body) {
        return Response.status(201).entity(new ThingResult(body.name())).build();
    }
}
