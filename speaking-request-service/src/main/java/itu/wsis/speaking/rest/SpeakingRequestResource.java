package itu.wsis.speaking.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.RankConfirmation;
import itu.wsis.events.SessionKind;
import itu.wsis.speaking.domain.RequestStatus;
import itu.wsis.speaking.service.SpeakingRequestChanges;
import itu.wsis.speaking.service.SpeakingRequestOverrides;
import itu.wsis.speaking.service.SpeakingRequestQueries;
import itu.wsis.speaking.service.SpeakingRequestSubmission;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Speaking requests as the secretariat handles them: on a delegation's behalf, and by override. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Secretariat: speaking requests", description = "Speaking requests as the secretariat handles them: on a delegation's behalf, and by override of the allocation rule.")
public class SpeakingRequestResource {

    private final SpeakingRequestSubmission submission;
    private final SpeakingRequestQueries requests;
    private final SpeakingRequestOverrides overrides;
    private final SpeakingRequestChanges changes;

    public SpeakingRequestResource(SpeakingRequestSubmission submission, SpeakingRequestQueries requests,
                                   SpeakingRequestOverrides overrides, SpeakingRequestChanges changes) {
        this.submission = submission;
        this.requests = requests;
        this.overrides = overrides;
        this.changes = changes;
    }

    @POST
    @Path("/delegations/{invitationId}/speaking-request")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "submitSpeakingRequestForDelegation", summary = "Submit a speaking request on a delegation's behalf (received by letter or email)")
    @APIResponse(responseCode = "201", description = "The request, allocated a slot or waitlisted.",
            content = @Content(schema = @Schema(implementation = Wire.SpeakingRequestResponse.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid, or names an invitation this service does not know or that is not issued.")
    @APIResponse(responseCode = "409", description = "The invitation is revoked or not accepted, the delegation already has an active request of this kind (`request-exists`: one request for speaking time, one seat per round table), or the speaker is not of ministerial rank for a round table (`round-table-ministers-only`).")
    public Uni<Response> submit(@PathParam("invitationId") UUID invitationId,
                                @Valid @NotNull Wire.SubmitSpeakingRequest body) {
        return submission.forDelegation(invitationId, body.toDraft())
                .map(placed -> Response.created(URI.create("/speaking-requests/" + placed.request().id()))
                        .entity(Wire.SpeakingRequestResponse.from(placed)).build());
    }

    @GET
    @Path("/forums/{forumId}/speaking-requests")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "listSpeakingRequests", summary = "Every speaking request of a forum, optionally of one status"
            + " or rank confirmation (PENDING: the secretariat's queue)")
    public Uni<List<Wire.SpeakingRequestResponse>> list(@PathParam("forumId") UUID forumId,
                                                   @QueryParam("status") RequestStatus status,
                                                   @QueryParam("rankConfirmation") RankConfirmation rankConfirmation,
                                                   @Parameter(description = "Only requests for speaking time "
                                                           + "(HIGH_LEVEL_POLICY_SESSION) or for a round table's seat "
                                                           + "(MINISTERIAL_ROUND_TABLE).")
                                                   @QueryParam("sessionKind") SessionKind sessionKind) {
        return requests.list(forumId, status).map(l -> l.stream()
                .filter(p -> rankConfirmation == null || p.request().standing().confirmation() == rankConfirmation)
                .filter(p -> sessionKind == null || p.sessionKind() == sessionKind)
                .map(Wire.SpeakingRequestResponse::from).toList());
    }

    @GET
    @Path("/speaking-requests/{requestId}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getSpeakingRequest", summary = "One speaking request with its place in the allocation")
    public Uni<Wire.SpeakingRequestResponse> get(@PathParam("requestId") UUID requestId) {
        return requests.get(requestId).map(Wire.SpeakingRequestResponse::from);
    }

    @POST
    @Path("/speaking-requests/{requestId}/assign")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "assignSpeakingRequest", summary = "Override: assign or move the request to a session")
    @APIResponse(responseCode = "200", description = "The request, pinned to the session.")
    @APIResponse(responseCode = "400", description = "No such session in this forum, or a session of the other kind (a round-table request is assigned to its own round table only, a request for speaking time to a high-level policy session).")
    @APIResponse(responseCode = "409", description = "The request is closed, the session does not take its modality, or every seat is already assigned.")
    public Uni<Wire.SpeakingRequestResponse> assign(@PathParam("requestId") UUID requestId,
                                               @Valid @NotNull Wire.AssignRequest body) {
        return overrides.assign(requestId, body.sessionId()).map(Wire.SpeakingRequestResponse::from);
    }

    @POST
    @Path("/speaking-requests/{requestId}/waitlist")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "waitlistSpeakingRequest", summary = "Override: put the request back on the waiting list and keep it there")
    @APIResponse(responseCode = "200", description = "The request, held on the waiting list.")
    @APIResponse(responseCode = "409", description = "The request is closed.")
    public Uni<Wire.SpeakingRequestResponse> waitlist(@PathParam("requestId") UUID requestId) {
        return overrides.hold(requestId).map(Wire.SpeakingRequestResponse::from);
    }

    @POST
    @Path("/speaking-requests/{requestId}/automatic")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "releaseSpeakingRequest", summary = "Remove any override: the allocation rule places the request again")
    @APIResponse(responseCode = "200", description = "The request, placed by the rule.")
    @APIResponse(responseCode = "409", description = "The request is closed.")
    public Uni<Wire.SpeakingRequestResponse> automatic(@PathParam("requestId") UUID requestId) {
        return overrides.release(requestId).map(Wire.SpeakingRequestResponse::from);
    }

    @POST
    @Path("/speaking-requests/{requestId}/reject")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "rejectSpeakingRequest", summary = "Override: reject the request with a reason; its slot goes to the next waiting request")
    @APIResponse(responseCode = "200", description = "The rejected request.")
    @APIResponse(responseCode = "409", description = "The request is closed.")
    public Uni<Wire.SpeakingRequestResponse> reject(@PathParam("requestId") UUID requestId,
                                               @Valid @NotNull Wire.RejectRequest body) {
        return changes.reject(requestId, body.reason().trim()).map(Wire.SpeakingRequestResponse::from);
    }

    @POST
    @Path("/speaking-requests/{requestId}/rank-confirmation")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "decideSpeakerRank", summary = "Confirm or refuse a speaker's rank the invitation does not support; the allocation re-runs")
    @APIResponse(responseCode = "200", description = "The request, with the decision and its place after the allocation re-ran.")
    @APIResponse(responseCode = "404", description = "No active speaking request with this id.")
    @APIResponse(responseCode = "409", description = "The request's speaker rank does not wait for a confirmation (`rankConfirmation` says what it is).")
    public Uni<Wire.SpeakingRequestResponse> decideRank(@PathParam("requestId") UUID requestId,
                                                   @Valid @NotNull Wire.RankDecisionRequest body,
                                                   @Context SecurityContext security) {
        String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
        return changes.decideRank(requestId, body.decision() == Wire.RankDecision.CONFIRM, note,
                security.getUserPrincipal().getName()).map(Wire.SpeakingRequestResponse::from);
    }

    @PUT
    @Path("/speaking-requests/{requestId}/speaker")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "substituteSpeaker", summary = "Record a substitution of the speaker on the delegation's behalf")
    @APIResponse(responseCode = "200", description = "The request with its new speaker, re-ranked if the rank changed.")
    @APIResponse(responseCode = "400", description = "The speaker is not valid: a missing, multi-line or too long name or title, an unknown rank, a rank given for the invited Minister other than the invitation's, or a substitute without a rank (`errors` names the field).")
    @APIResponse(responseCode = "409", description = "The request is closed (`request-closed`), or the invitation's personal data was erased on request (`personal-data-erased`): no speaker can be named.")
    public Uni<Wire.SpeakingRequestResponse> substitute(@PathParam("requestId") UUID requestId,
                                                   @Valid @NotNull Wire.SpeakerRequest body) {
        return changes.substituteForDelegation(requestId, body.toSpeaker()).map(Wire.SpeakingRequestResponse::from);
    }
}
