package itu.wsis.speaking.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.service.SessionService;
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

/** High-level policy sessions. Start and end are local date-times in the forum's time zone. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Secretariat: sessions", description = "The sessions of a forum, high-level policy sessions and ministerial round tables: titles, times in the forum's zone, capacity, modalities and statement length.")
public class SessionResource {

    private final SessionService sessions;

    public SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @GET
    @Path("/forums/{forumId}/sessions")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "listSessions", summary = "The high-level policy sessions of a forum, in order")
    public Uni<List<Wire.SessionResponse>> list(@PathParam("forumId") UUID forumId) {
        return sessions.list(forumId).map(l -> l.stream().map(Wire.SessionResponse::from).toList());
    }

    @POST
    @Path("/forums/{forumId}/sessions")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "createSession", summary = "Create a high-level policy session, or (`kind`) a ministerial round table")
    @APIResponse(responseCode = "201", description = "The session was created.",
            content = @Content(schema = @Schema(implementation = Wire.SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "The session is not valid (for instance no title, an end before the start, an unknown `kind`, or a round table without a seat).")
    @APIResponse(responseCode = "404", description = "No forum with this id is known to this service yet.")
    public Uni<Response> create(@PathParam("forumId") UUID forumId, @Valid @NotNull Wire.SessionRequest body) {
        return sessions.create(forumId, body.toInput())
                .map(v -> Response.created(URI.create("/sessions/" + v.id())).entity(Wire.SessionResponse.from(v)).build());
    }

    @GET
    @Path("/sessions/{sessionId}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getSession", summary = "One high-level policy session")
    public Uni<Wire.SessionResponse> get(@PathParam("sessionId") UUID sessionId) {
        return sessions.get(sessionId).map(Wire.SessionResponse::from);
    }

    @PUT
    @Path("/sessions/{sessionId}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "updateSession", summary = "Change a session; a new capacity re-allocates the forum at once")
    @APIResponse(responseCode = "200", description = "The session as changed.",
            content = @Content(schema = @Schema(implementation = Wire.SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "The session is not valid (for instance an end before the start, or a round table without a seat).")
    @APIResponse(responseCode = "409", description = "The body names another `kind`: a session's kind is fixed when it is created (`session-kind-fixed`).")
    public Uni<Wire.SessionResponse> update(@PathParam("sessionId") UUID sessionId, @Valid @NotNull Wire.SessionRequest body) {
        return sessions.update(sessionId, body.toInput()).map(Wire.SessionResponse::from);
    }

    @POST
    @Path("/ops/demo-data")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "loadSpeakingDemoData", summary = "Create the WSIS 2022 high-level policy sessions and ministerial round table (idempotent); 409 until the forum is known")
    @APIResponse(responseCode = "200", description = "The sessions of the demo forum, and how many were created now.")
    @APIResponse(responseCode = "409", description = "The demo forum has not reached this service yet; retry shortly.")
    public Uni<Wire.DemoDataResponse> demoData() {
        return sessions.demoData().map(Wire.DemoDataResponse::from);
    }
}
