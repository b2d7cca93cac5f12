package itu.wsis.speaking.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.events.SessionKind;
import itu.wsis.speaking.service.SessionService;
import itu.wsis.speaking.service.SpeakingRequestChanges;
import itu.wsis.speaking.service.SpeakingRequestQueries;
import itu.wsis.speaking.service.SpeakingRequestSubmission;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import itu.wsis.support.links.InviteeLink;
import itu.wsis.support.links.PersonalLinkAuthentication;
import itu.wsis.support.links.PersonalLinkMechanism;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The delegation's own speaking request, reached with the personal link from the invitation email (header
 * {@value PersonalLinks#HEADER}), admitted by the shared policy of service-support. A link only opens its own
 * invitation: any other id answers 404.
 */
@Path("/invitations/{invitationId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invitee: speaking request", description = "The delegation asks for speaking time at a high-level policy session, or for a seat at a ministerial round table, with the personal link, changes its speaker or withdraws.")
@PersonalLinkAuthentication
@HttpAuthenticationMechanism(PersonalLinkMechanism.SCHEME)
@RolesAllowed(Roles.INVITEE)
public class InviteeSpeakingRequestResource {

    static final String SESSION_PARAM = "Which of the delegation's requests: a ministerial round table's id for the "
            + "request for a seat at it; omitted (or a high-level policy session's id) for the request for speaking "
            + "time. A session of another forum is a 400.";

    private final SpeakingRequestSubmission submission;
    private final SpeakingRequestChanges changes;
    private final SpeakingRequestQueries requests;
    private final SessionService sessions;
    private final SecurityIdentity identity;

    public InviteeSpeakingRequestResource(SpeakingRequestSubmission submission, SpeakingRequestChanges changes,
                                          SpeakingRequestQueries requests, SessionService sessions,
                                          SecurityIdentity identity) {
        this.submission = submission;
        this.changes = changes;
        this.requests = requests;
        this.sessions = sessions;
        this.identity = identity;
    }

    @GET
    @Path("/sessions")
    @Operation(operationId = "listMySessions", summary = "The high-level policy sessions this delegation may ask to speak in, or (`kind`) the round tables it may ask a seat at")
    @APIResponse(responseCode = "200", description = "The sessions of the invitation's forum, in order.")
    @APIResponse(responseCode = "401", description = "The link is missing or not genuine, or this service does not know the invitation (or this link) yet: `personal-link-not-yet-active`, retry shortly.")
    @APIResponse(responseCode = "404", description = "The link is for another invitation.")
    @APIResponse(responseCode = "409", description = "The invitation is not fully known to this service yet; retry shortly.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, its personal data was erased on request (`personal-data-erased`), or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<List<Wire.SessionResponse>> sessions(@PathParam("invitationId") UUID invitationId,
                                               @Parameter(description = "Which sessions: the high-level policy "
                                                       + "sessions (the default), to ask for speaking time in, or the "
                                                       + "ministerial round tables, to ask for a seat at; one kind at a "
                                                       + "time, since a request is for one kind.")
                                               @QueryParam("kind") SessionKind kind) {
        SessionKind wanted = kind == null ? SessionKind.HIGH_LEVEL_POLICY_SESSION : kind;
        return requests.forumOf(InviteeLink.claims(identity), invitationId).chain(sessions::list)
                .map(list -> list.stream().filter(s -> s.kind() == wanted).map(Wire.SessionResponse::forInvitee).toList());
    }

    @GET
    @Path("/speaking-overview")
    @Operation(operationId = "getMySpeakingOverview", summary = "The forum's sessions of every kind and the delegation's latest request of each kind, in one call")
    @APIResponse(responseCode = "200", description = "The sessions and the requests; what `listMySessions` (for each kind) and `getMySpeakingRequest` (for speaking time and for each round table) answer one by one.")
    @APIResponse(responseCode = "401", description = "The link is missing or not genuine, or this service does not know the invitation (or this link) yet: `personal-link-not-yet-active`, retry shortly.")
    @APIResponse(responseCode = "404", description = "The link is for another invitation.")
    @APIResponse(responseCode = "409", description = "The invitation is not fully known to this service yet; retry shortly.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, its personal data was erased on request (`personal-data-erased`), or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Wire.SpeakingOverviewResponse> overview(@PathParam("invitationId") UUID invitationId) {
        return requests.overview(InviteeLink.claims(identity), invitationId).map(Wire.SpeakingOverviewResponse::from);
    }

    @GET
    @Path("/speaking-request")
    @Operation(operationId = "getMySpeakingRequest", summary = "The delegation's speaking request (the latest one) and why it stands where it stands")
    @APIResponse(responseCode = "200", description = "The latest speaking request of the delegation.")
    @APIResponse(responseCode = "401", description = "The link is missing or not genuine, or this service does not know the invitation (or this link) yet: `personal-link-not-yet-active`, retry shortly.")
    @APIResponse(responseCode = "404", description = "The delegation has no speaking request, or the link is for another invitation.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, its personal data was erased on request (`personal-data-erased`), or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Wire.SpeakingRequestResponse> get(@PathParam("invitationId") UUID invitationId,
                                            @Parameter(description = SESSION_PARAM) @QueryParam("sessionId") UUID sessionId) {
        return requests.mine(InviteeLink.claims(identity), invitationId, sessionId)
                .map(Wire.SpeakingRequestResponse::from);
    }

    @POST
    @Path("/speaking-request")
    @Operation(operationId = "requestSpeakingTime", summary = "Ask for speaking time; the answer says whether a slot was allocated or the request waits")
    @APIResponse(responseCode = "201", description = "The request, allocated a slot or waitlisted; the receipt email follows.",
            content = @Content(schema = @Schema(implementation = Wire.SpeakingRequestResponse.class)))
    @APIResponse(responseCode = "400", description = "The request is not valid: sessions (a request for a seat at a ministerial round table names that round table alone), modality, statement language or speaker.")
    @APIResponse(responseCode = "401", description = "The link is missing or not genuine, or this service does not know the invitation (or this link) yet: `personal-link-not-yet-active`, retry shortly.")
    @APIResponse(responseCode = "404", description = "The link is for another invitation.")
    @APIResponse(responseCode = "409", description = "The invitation is not accepted or not fully known yet, the delegation already has an active request of this kind (`request-exists`, `requestId`; one request for speaking time, and one seat per round table), or the speaker is not of ministerial rank for a round table (`round-table-ministers-only`, `rank`).")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, its personal data was erased on request (`personal-data-erased`), or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> submit(@PathParam("invitationId") UUID invitationId,
                                @Valid @NotNull Wire.SubmitSpeakingRequest body) {
        return submission.byInvitee(InviteeLink.claims(identity), invitationId, body.toDraft())
                .map(v -> Response.created(URI.create("/invitations/" + invitationId + "/speaking-request"))
                        .entity(Wire.SpeakingRequestResponse.from(v)).build());
    }

    @PUT
    @Path("/speaking-request/speaker")
    @Operation(operationId = "changeMySpeaker", summary = "Change the speaker (substitution); a new rank re-ranks the request within its session")
    @APIResponse(responseCode = "200", description = "The request with its new speaker.")
    @APIResponse(responseCode = "400", description = "The speaker is not valid: a missing, multi-line or too long name or title, an unknown rank, a rank given for the invited Minister other than the invitation's, or a substitute without a rank (`errors` names the field, e.g. `speaker.rank`); or `sessionId` names no session of this forum.")
    @APIResponse(responseCode = "409", description = "A round table's seat holder would be replaced by a speaker below ministerial rank (`round-table-ministers-only`).")
    @APIResponse(responseCode = "401", description = "The link is missing or not genuine, or this service does not know the invitation (or this link) yet: `personal-link-not-yet-active`, retry shortly.")
    @APIResponse(responseCode = "404", description = "The delegation has no active speaking request, or the link is for another invitation.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, its personal data was erased on request (`personal-data-erased`), or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Wire.SpeakingRequestResponse> substitute(@PathParam("invitationId") UUID invitationId,
                                                   @Parameter(description = SESSION_PARAM) @QueryParam("sessionId") UUID sessionId,
                                                   @Valid @NotNull Wire.SpeakerRequest body) {
        return changes.substituteByInvitee(InviteeLink.claims(identity), invitationId, sessionId, body.toSpeaker())
                .map(Wire.SpeakingRequestResponse::from);
    }

    @DELETE
    @Path("/speaking-request")
    @Operation(operationId = "withdrawMySpeakingRequest", summary = "Withdraw the speaking request; its slot goes to the next waiting request")
    @APIResponse(responseCode = "200", description = "The withdrawn request.")
    @APIResponse(responseCode = "401", description = "The link is missing or not genuine, or this service does not know the invitation (or this link) yet: `personal-link-not-yet-active`, retry shortly.")
    @APIResponse(responseCode = "404", description = "The delegation has no active speaking request, or the link is for another invitation.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, its personal data was erased on request (`personal-data-erased`), or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Wire.SpeakingRequestResponse> withdraw(@PathParam("invitationId") UUID invitationId,
                                                 @Parameter(description = SESSION_PARAM) @QueryParam("sessionId") UUID sessionId) {
        return changes.withdrawByInvitee(InviteeLink.claims(identity), invitationId, sessionId)
                .map(Wire.SpeakingRequestResponse::from);
    }
}
