package itu.wsis.invitation.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.rest.LetterWire.LetterRequest;
import itu.wsis.invitation.rest.LetterWire.LetterResponse;
import itu.wsis.invitation.service.LetterService;
import itu.wsis.support.outbox.Actors;
import itu.wsis.support.problem.ProblemException;
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

@Path("/letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Circular letters")
public class LetterResource {

    private final SecurityIdentity identity;
    private final LetterService letters;

    public LetterResource(LetterService letters, SecurityIdentity identity) {
        this.letters = letters;
        this.identity = identity;
    }

    /** The latest revision, with the list of all revisions. */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getLetter", summary = "A letter's latest revision, with the list of all its revisions")
    public Uni<LetterResponse> get(@PathParam("id") UUID id) {
        return letters.get(id).map(LetterResponse::of);
    }

    @GET
    @Path("{id}/revisions/{revision}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getLetterRevision", summary = "One revision of a letter, as it was written")
    public Uni<LetterResponse> revision(@PathParam("id") UUID id, @PathParam("revision") int revision) {
        return letters.getRevision(id, revision).map(LetterResponse::of);
    }

    /** Changes the draft; a published letter answers 409 and is corrected by a new revision. */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "updateLetterDraft", summary = "Change the draft revision of a letter")
    @APIResponse(responseCode = "200", description = "The letter with its changed draft.")
    @APIResponse(responseCode = "409", description = "The latest revision is published: correct it with a new revision.")
    public Uni<LetterResponse> update(@PathParam("id") UUID id, @NotNull @Valid LetterRequest request) {
        return letters.get(id).chain(current -> {
            rejectReferenceChange(current.reference(), request);
            return letters.updateDraft(id, request.toDomain());
        }).map(LetterResponse::of);
    }

    @POST
    @Path("{id}/revisions")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "reviseLetter", summary = "Start the next revision of a published letter, as a draft")
    @APIResponse(responseCode = "201", description = "The new draft revision.",
            content = @Content(schema = @Schema(implementation = LetterResponse.class)))
    @APIResponse(responseCode = "409", description = "The latest revision is still a draft: change it instead.")
    public Uni<Response> revise(@PathParam("id") UUID id, @NotNull @Valid LetterRequest request) {
        return letters.get(id).chain(current -> {
            rejectReferenceChange(current.reference(), request);
            return letters.revise(id, request.toDomain());
        }).map(letter -> Response.created(URI.create("/letters/" + id + "/revisions/" + letter.revision()))
                .entity(LetterResponse.of(letter)).build());
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "publishLetter", summary = "Publish the letter's draft revision; invitations can then be issued from it")
    @APIResponse(responseCode = "200", description = "The letter, now published.")
    @APIResponse(responseCode = "409", description = "The latest revision is already published.")
    public Uni<LetterResponse> publish(@PathParam("id") UUID id) {
        return letters.publish(id, Actors.of(identity)).map(LetterResponse::of);
    }

    static void rejectReferenceChange(String reference, LetterRequest request) {
        if (request.reference() != null && !request.reference().trim().equals(reference)) {
            throw ProblemException.badRequest("reference", "a letter's reference never changes");
        }
    }
}
