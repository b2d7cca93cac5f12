package itu.wsis.registration.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.registration.domain.ReplyContent;
import itu.wsis.registration.rest.ReplyWire.CorrectionRequest;
import itu.wsis.registration.rest.ReplyWire.CorrespondenceRequest;
import itu.wsis.registration.rest.ReplyWire.StaffReplyResponse;
import itu.wsis.registration.service.ReplyService;
import itu.wsis.support.outbox.Actors;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** The secretariat records replies received by correspondence and corrects the record; ops can read it. */
@Path("/staff/invitations/{invitationId}/replies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Secretariat: replies", description = "Replies received by correspondence, corrections, and the full history of each invitation's reply.")
public class StaffReplyResource {

    private final ReplyService replies;
    private final SecurityIdentity identity;

    public StaffReplyResource(ReplyService replies, SecurityIdentity identity) {
        this.replies = replies;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "listReplyHistory", summary = "The reply's history: every version, who recorded it, when and through which channel")
    public Uni<List<StaffReplyResponse>> history(@PathParam("invitationId") UUID invitationId) {
        return replies.history(invitationId).map(all -> all.stream().map(StaffReplyResponse::of).toList());
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getReplyVersion", summary = "One version of the reply, as the secretariat sees it")
    public Uni<StaffReplyResponse> version(@PathParam("invitationId") UUID invitationId,
                                       @PathParam("version") int version) {
        return replies.history(invitationId).map(all -> all.stream().filter(r -> r.version() == version)
                .findFirst().map(StaffReplyResponse::of).orElseThrow(ReplyResources::versionNotFound));
    }

    @POST
    @Path("/correspondence")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "recordCorrespondenceReply", summary = "Record a reply received by letter, note verbale, email or phone")
    @APIResponse(responseCode = "201", description = "The new version of the reply.",
            content = @Content(schema = @Schema(implementation = StaffReplyResponse.class)))
    @APIResponse(responseCode = "400", description = "The reply is not valid (for instance a WEB channel, a document dated in the future, or a delegation without its head).")
    @APIResponse(responseCode = "404", description = "No invitation with this id.")
    @APIResponse(responseCode = "409", description = "The invitation is revoked, only an accepted reply can be withdrawn, or another reply was recorded at the same moment.")
    public Uni<Response> recordCorrespondence(@PathParam("invitationId") UUID invitationId,
                                              @Valid @NotNull CorrespondenceRequest body) {
        return replies.recordCorrespondence(invitationId,
                        new ReplyService.Correspondence(body.channel(), body.documentReference().strip(),
                                body.documentDate()),
                        settings -> ReplyContent.of(body.status(), body.mode(), ReplyWire.members(body.delegation()),
                                body.reason(), settings.maxDelegationSize()),
                        ReplyResources.who(identity), Actors.of(identity))
                .map(recorded -> created(invitationId, recorded));
    }

    @POST
    @Path("/corrections")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "correctReply", summary = "Correct the recorded reply; the history keeps both versions and the reason")
    @APIResponse(responseCode = "201", description = "The correcting version of the reply.",
            content = @Content(schema = @Schema(implementation = StaffReplyResponse.class)))
    @APIResponse(responseCode = "404", description = "No invitation with this id.")
    @APIResponse(responseCode = "409", description = "The invitation is revoked, there is no reply to correct yet, or another reply was recorded at the same moment.")
    public Uni<Response> correct(@PathParam("invitationId") UUID invitationId,
                                 @Valid @NotNull CorrectionRequest body) {
        return replies.correct(invitationId, body.channel(), body.note().strip(),
                        settings -> ReplyContent.of(body.status(), body.mode(), ReplyWire.members(body.delegation()),
                                body.reason(), settings.maxDelegationSize()),
                        ReplyResources.who(identity), Actors.of(identity))
                .map(recorded -> created(invitationId, recorded));
    }

    private static Response created(UUID invitationId, ReplyService.Recorded recorded) {
        return Response.created(URI.create("/staff/invitations/" + invitationId + "/replies/"
                        + recorded.reply().version()))
                .entity(StaffReplyResponse.of(recorded.reply())).build();
    }
}
