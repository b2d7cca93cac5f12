package itu.wsis.invitation.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.rest.InvitationWire.BulkIssueResponse;
import itu.wsis.invitation.rest.InvitationWire.InvitationResponse;
import itu.wsis.invitation.rest.InvitationWire.IssueRequest;
import itu.wsis.invitation.service.InvitationService;
import itu.wsis.support.outbox.Actors;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** Issuing a letter's invitations. Both operations honour {@code Idempotency-Key}. */
@Path("/letters/{letterId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations")
public class LetterInvitationResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";

    private final SecurityIdentity identity;
    private final InvitationService invitations;

    public LetterInvitationResource(InvitationService invitations, SecurityIdentity identity) {
        this.invitations = invitations;
        this.identity = identity;
    }

    /** 201 when the invitation is new, 200 when this invitee already had one for this letter. */
    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "issueInvitation", summary = "Issue the letter's latest published revision to one invitee")
    @APIResponse(responseCode = "200", description = "This invitee already had an invitation to this letter: it is returned unchanged.",
            headers = @Header(name = "Location", description = "The invitation.", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = InvitationResponse.class)))
    @APIResponse(responseCode = "201", description = "The invitation was issued; its email follows. Issued after the letter's reply deadline, it is expired from the start, its email asks for no action and `warnings` says so (`deadline-passed`).",
            headers = {@Header(name = "Location", description = "The invitation.", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                    @Header(name = REPLAYED, description = "`true` when this answer replays an earlier request with the same Idempotency-Key.", schema = @Schema(type = SchemaType.STRING, enumeration = "true"))},
            content = @Content(schema = @Schema(implementation = InvitationResponse.class)))
    @APIResponse(responseCode = "404", description = "No letter or no invitee with this id.")
    @APIResponse(responseCode = "409", description = "The letter has no published revision, or a request with this Idempotency-Key is still running.")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request.")
    public Uni<Response> issue(@PathParam("letterId") UUID letterId, @NotNull @Valid IssueRequest request,
                               @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return invitations.issueOne(letterId, request.inviteeId(), idempotencyKey, Actors.of(identity))
                .chain(outcome -> invitations.get(outcome.result().invitationId()).map(invitation -> Response
                        .status(outcome.result().created() ? 201 : 200)
                        .location(URI.create("/invitations/" + invitation.id()))
                        .header(REPLAYED, outcome.replayed() ? "true" : null)
                        .entity(InvitationResponse.of(invitation, outcome.result().warnings())).build()));
    }

    /** Issues the letter to every invitee in the registry who does not have it yet. */
    @POST
    @Path("bulk")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "issueInvitationsToAll", summary = "Issue the letter to every invitee in the registry who does not have it yet")
    @APIResponse(responseCode = "200", description = "How many invitations were issued and how many existed already; `warnings` names what to know about the new ones (`deadline-passed` when issued after the letter's reply deadline).",
            headers = @Header(name = REPLAYED, description = "`true` when this answer replays an earlier request with the same Idempotency-Key.", schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(schema = @Schema(implementation = BulkIssueResponse.class)))
    @APIResponse(responseCode = "400", description = "The Idempotency-Key is empty or longer than 200 characters.")
    @APIResponse(responseCode = "404", description = "No letter with this id.")
    @APIResponse(responseCode = "409", description = "The letter has no published revision, or a request with this Idempotency-Key is still running.")
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request.")
    public Uni<Response> issueToAll(@PathParam("letterId") UUID letterId,
                                    @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return invitations.issueToAll(letterId, idempotencyKey, Actors.of(identity)).map(outcome -> {
            var r = outcome.result();
            return Response.ok(new BulkIssueResponse(r.letterId(), r.letterRevision(), r.addressees(), r.issued(),
                    r.alreadyIssued(), InvitationWire.WarningResponse.of(r.warnings())))
                    .header(REPLAYED, outcome.replayed() ? "true" : null).build();
        });
    }
}
