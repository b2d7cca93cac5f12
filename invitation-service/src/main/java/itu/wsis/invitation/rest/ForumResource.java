package itu.wsis.invitation.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.rest.ForumWire.ForumRequest;
import itu.wsis.invitation.rest.ForumWire.ForumResponse;
import itu.wsis.invitation.service.ForumService;
import itu.wsis.support.outbox.Actors;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/forums")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Forum editions", description = "The yearly WSIS Forum: names and themes in the six UN languages, dates, venue, time zone and format.")
public class ForumResource {

    private final SecurityIdentity identity;
    private final ForumService forums;

    public ForumResource(ForumService forums, SecurityIdentity identity) {
        this.forums = forums;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "createForum", summary = "Create a forum edition with its names, themes, dates and venue")
    @APIResponse(responseCode = "201", description = "The forum edition was created.",
            content = @Content(schema = @Schema(implementation = ForumResponse.class)))
    @APIResponse(responseCode = "409", description = "Another forum edition already has this code.")
    public Uni<Response> create(@NotNull @Valid ForumRequest request) {
        return forums.create(request.toDomain(), Actors.of(identity)).map(forum -> Response
                .created(URI.create("/forums/" + forum.id())).entity(ForumResponse.of(forum)).build());
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "listForums", summary = "Every forum edition, the latest first")
    public Uni<List<ForumResponse>> list() {
        return forums.list().map(all -> all.stream().map(ForumResponse::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getForum", summary = "One forum edition")
    public Uni<ForumResponse> get(@PathParam("id") UUID id) {
        return forums.get(id).map(ForumResponse::of);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "updateForum", summary = "Change a forum edition; the change is published to the other services")
    @APIResponse(responseCode = "200", description = "The forum edition as changed.")
    @APIResponse(responseCode = "409", description = "Another forum edition already has this code.")
    public Uni<ForumResponse> update(@PathParam("id") UUID id, @NotNull @Valid ForumRequest request) {
        return forums.update(id, request.toDomain(), Actors.of(identity)).map(ForumResponse::of);
    }
}
