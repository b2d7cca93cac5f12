package itu.wsis.support.testapp;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/test-notes")
public class TestNoteResource {

    private final TestNoteService service;

    public TestNoteResource(TestNoteService service) {
        this.service = service;
    }

    public record Delegate(@NotBlank String name, @Email String email) {
    }

    public record NoteRequest(@NotBlank @Size(max = 200) String text, List<@Valid Delegate> delegates) {
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Uni<Response> create(@Valid NoteRequest request, @QueryParam("fail") boolean fail) {
        return service.create(request.text(), fail)
                .map(id -> Response.created(URI.create("/test-notes/" + id)).entity(new Created(id)).build());
    }

    public record Created(UUID id) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @WithSession
    public Uni<Created> get(@PathParam("id") UUID id) {
        return TestNote.<TestNote>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("note-not-found", "No note " + id))
                .map(note -> new Created(note.id));
    }

    /** A typed query parameter, for HttpErrorStatusesTest. */
    @GET
    @Path("/count")
    @RolesAllowed(Roles.OPS)
    public String count(@QueryParam("since") java.time.Instant since) {
        return "0";
    }

    @GET
    @Path("/boom")
    @RolesAllowed(Roles.OPS)
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
