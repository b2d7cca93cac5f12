package itu.wsis.invitation.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.rest.InvitationDtos.BulkIssueResponse;
import itu.wsis.invitation.rest.InvitationDtos.InvitationResponse;
import itu.wsis.invitation.rest.InvitationDtos.IssueRequest;
import itu.wsis.invitation.service.InvitationService;
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

    private final InvitationService invitations;

    public LetterInvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    /** 201 when the invitation is new, 200 when this invitee already had one for this letter. */
    @POST
    @RolesAllowed(Roles.SECRETARIAT)
    public Uni<Response> issue(@PathParam("letterId") UUID letterId, @NotNull @Valid IssueRequest request,
                               @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return invitations.issueOne(letterId, request.inviteeId(), idempotencyKey)
                .chain(outcome -> invitations.get(outcome.result().invitationId()).map(invitation -> Response
                        .status(outcome.result().created() ? 201 : 200)
                        .location(URI.create("/invitations/" + invitation.id()))
                        .header(REPLAYED, outcome.replayed() ? "true" : null)
                        .entity(InvitationResponse.of(invitation)).build()));
    }

    /** Issues the letter to every invitee in the registry who does not have it yet. */
    @POST
    @Path("bulk")
    @RolesAllowed(Roles.SECRETARIAT)
    public Uni<Response> issueToAll(@PathParam("letterId") UUID letterId,
                                    @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return invitations.issueToAll(letterId, idempotencyKey).map(outcome -> {
            var r = outcome.result();
            return Response.ok(new BulkIssueResponse(r.letterId(), r.letterRevision(), r.addressees(), r.issued(),
                    r.alreadyIssued())).header(REPLAYED, outcome.replayed() ? "true" : null).build();
        });
    }
}
