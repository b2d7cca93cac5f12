package itu.wsis.support.testapp;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import itu.wsis.support.problem.Problem;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.security.Roles;
import itu.wsis.support.validation.Email;
import itu.wsis.support.validation.SingleLine;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/test-notes")
public class TestNoteResource {

    private final TestNoteService service;

    public TestNoteResource(TestNoteService service) {
        this.service = service;
    }

    public record Delegate(@NotBlank @SingleLine String name, @Email String email) {
    }

    public record NoteRequest(@NotBlank @Size(max = 200) String text, List<@Valid Delegate> delegates) {
    }

    /** Many notes at once: one bad field per note is one violation, so a long list makes many. */
    @POST
    @Path("/bulk")
    @RolesAllowed(Roles.SECRETARIAT)
    public Uni<Integer> bulk(@NotNull @Size(max = 100_000) List<@Valid @NotNull NoteRequest> notes) {
        return Uni.createFrom().item(notes.size());
    }

    /** A custom validator that finds {@code count} problems, as an import does. */
    @POST
    @Path("/custom-errors")
    @RolesAllowed(Roles.SECRETARIAT)
    public Uni<Integer> customErrors(@QueryParam("count") int count) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            errors.add(new Problem.FieldError("rows[" + (i + 1) + "].text", "is required"));
        }
        throw ProblemException.invalid(errors);
    }

    /** Typed query parameters, and a text one that reaches PostgreSQL. */
    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @WithSession
    public Uni<List<Created>> search(@QueryParam("text") String text,
                                     @QueryParam("size") @DefaultValue("20") int size,
                                     @QueryParam("since") Instant since,
                                     @QueryParam("on") LocalDate on,
                                     @QueryParam("exact") @DefaultValue("false") boolean exact) {
        String pattern = text == null ? "%" : exact ? text : text + "%";
        return TestNote.<TestNote>find("text like ?1", pattern)
                .page(0, Math.max(1, size)).list()
                .map(notes -> notes.stream().map(n -> new Created(n.id)).toList());
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
