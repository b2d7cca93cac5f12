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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** High-level policy sessions. Start and end are local date-times in the forum's time zone. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Secretariat: sessions")
public class SessionResource {

    private final SessionService sessions;

    public SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @GET
    @Path("/forums/{forumId}/sessions")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    public Uni<List<Dtos.SessionDto>> list(@PathParam("forumId") UUID forumId) {
        return sessions.list(forumId).map(l -> l.stream().map(Dtos.SessionDto::from).toList());
    }

    @POST
    @Path("/forums/{forumId}/sessions")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Create a high-level policy session")
    public Uni<Response> create(@PathParam("forumId") UUID forumId, @Valid @NotNull Dtos.SessionBody body) {
        return sessions.create(forumId, body.toInput())
                .map(v -> Response.created(URI.create("/sessions/" + v.id())).entity(Dtos.SessionDto.from(v)).build());
    }

    @GET
    @Path("/sessions/{sessionId}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    public Uni<Dtos.SessionDto> get(@PathParam("sessionId") UUID sessionId) {
        return sessions.get(sessionId).map(Dtos.SessionDto::from);
    }

    @PUT
    @Path("/sessions/{sessionId}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Change a session; a new capacity re-allocates the forum at once")
    public Uni<Dtos.SessionDto> update(@PathParam("sessionId") UUID sessionId, @Valid @NotNull Dtos.SessionBody body) {
        return sessions.update(sessionId, body.toInput()).map(Dtos.SessionDto::from);
    }

    @POST
    @Path("/ops/demo-data")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Create the WSIS 2022 high-level policy sessions (idempotent); 409 until the forum is known")
    public Uni<Dtos.DemoDataDto> demoData() {
        return sessions.demoData().map(Dtos.DemoDataDto::from);
    }
}
