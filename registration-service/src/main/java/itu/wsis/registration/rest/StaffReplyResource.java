package itu.wsis.registration.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.registration.domain.ReplyContent;
import itu.wsis.registration.rest.ReplyDtos.CorrectionRequest;
import itu.wsis.registration.rest.ReplyDtos.CorrespondenceRequest;
import itu.wsis.registration.rest.ReplyDtos.StaffReplyView;
import itu.wsis.registration.service.ReplyService;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The secretariat records replies received by correspondence and corrects the record; ops can read it. */
@Path("/staff/invitations/{invitationId}/replies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Secretariat: replies")
public class StaffReplyResource {

    private final ReplyService replies;
    private final SecurityIdentity identity;

    public StaffReplyResource(ReplyService replies, SecurityIdentity identity) {
        this.replies = replies;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(summary = "The reply's history: every version, who recorded it, when and through which channel")
    public Uni<List<StaffReplyView>> history(@PathParam("invitationId") UUID invitationId) {
        return replies.history(invitationId).map(all -> all.stream().map(StaffReplyView::of).toList());
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(summary = "One version of the reply")
    public Uni<StaffReplyView> version(@PathParam("invitationId") UUID invitationId,
                                       @PathParam("version") int version) {
        return replies.history(invitationId).map(all -> all.stream().filter(r -> r.version() == version)
                .findFirst().map(StaffReplyView::of).orElseThrow(ReplyResources::versionNotFound));
    }

    @POST
    @Path("/correspondence")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Record a reply received by letter, note verbale, email or phone")
    public Uni<Response> recordCorrespondence(@PathParam("invitationId") UUID invitationId,
                                              @Valid @NotNull CorrespondenceRequest body) {
        return replies.recordCorrespondence(invitationId,
                        new ReplyService.Correspondence(body.channel(), body.documentReference().strip(),
                                body.documentDate()),
                        settings -> ReplyContent.of(body.status(), body.mode(), ReplyDtos.members(body.delegation()),
                                body.reason(), settings.maxDelegationSize()),
                        ReplyResources.who(identity))
                .map(recorded -> created(invitationId, recorded));
    }

    @POST
    @Path("/corrections")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(summary = "Correct the recorded reply; the history keeps both versions and the reason")
    public Uni<Response> correct(@PathParam("invitationId") UUID invitationId,
                                 @Valid @NotNull CorrectionRequest body) {
        return replies.correct(invitationId, body.channel(), body.note().strip(),
                        settings -> ReplyContent.of(body.status(), body.mode(), ReplyDtos.members(body.delegation()),
                                body.reason(), settings.maxDelegationSize()),
                        ReplyResources.who(identity))
                .map(recorded -> created(invitationId, recorded));
    }

    private static Response created(UUID invitationId, ReplyService.Recorded recorded) {
        return Response.created(URI.create("/staff/invitations/" + invitationId + "/replies/"
                        + recorded.reply().version()))
                .entity(StaffReplyView.of(recorded.reply())).build();
    }
}
