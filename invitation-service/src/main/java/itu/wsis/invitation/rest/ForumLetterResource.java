package itu.wsis.invitation.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.rest.LetterDtos.LetterRequest;
import itu.wsis.invitation.rest.LetterDtos.LetterResponse;
import itu.wsis.invitation.service.LetterService;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The letters of one forum edition. */
@Path("/forums/{forumId}/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Circular letters")
public class ForumLetterResource {

    private final LetterService letters;

    public ForumLetterResource(LetterService letters) {
        this.letters = letters;
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Uni<Response> create(@PathParam("forumId") UUID forumId, @NotNull @Valid LetterRequest request) {
        if (request.reference() == null || request.reference().isBlank()) {
            throw ProblemException.badRequest("reference", "is required, e.g. CL-22/010");
        }
        return letters.create(forumId, request.reference().trim(), request.toDomain()).map(letter -> Response
                .created(URI.create("/letters/" + letter.id())).entity(LetterResponse.of(letter)).build());
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    public Uni<List<LetterResponse>> list(@PathParam("forumId") UUID forumId) {
        return letters.listByForum(forumId).map(all -> all.stream().map(LetterResponse::of).toList());
    }
}
