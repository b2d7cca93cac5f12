package itu.wsis.invitation.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.rest.LetterWire.LetterRequest;
import itu.wsis.invitation.rest.LetterWire.LetterResponse;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The letters of one forum edition. */
@Path("/forums/{forumId}/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Circular letters", description = "The letters of invitation: drafts, published revisions, texts in every language they were written in, deadlines.")
public class ForumLetterResource {

    private final LetterService letters;

    public ForumLetterResource(LetterService letters) {
        this.letters = letters;
    }

    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "createLetter", summary = "Draft a circular letter for a forum edition (revision 1)")
    @APIResponse(responseCode = "201", description = "The letter was created as a draft.",
            content = @Content(schema = @Schema(implementation = LetterResponse.class)))
    @APIResponse(responseCode = "404", description = "No forum edition with this id.")
    @APIResponse(responseCode = "409", description = "This forum already has a letter with this reference.")
    public Uni<Response> create(@PathParam("forumId") UUID forumId, @NotNull @Valid LetterRequest request) {
        if (request.reference() == null || request.reference().isBlank()) {
            throw ProblemException.badRequest("reference", "is required, e.g. CL-22/010");
        }
        return letters.create(forumId, request.reference().trim(), request.toDomain()).map(letter -> Response
                .created(URI.create("/letters/" + letter.id())).entity(LetterResponse.of(letter)).build());
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "listForumLetters", summary = "The circular letters of a forum edition, by reference")
    public Uni<List<LetterResponse>> list(@PathParam("forumId") UUID forumId) {
        return letters.listByForum(forumId).map(all -> all.stream().map(LetterResponse::of).toList());
    }
}
