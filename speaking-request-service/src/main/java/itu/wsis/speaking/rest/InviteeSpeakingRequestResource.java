package itu.wsis.speaking.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.service.SessionService;
import itu.wsis.speaking.service.SpeakingRequestService;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
@Tag(name = "Invitee: speaking request")
@PersonalLinkAuthentication
@HttpAuthenticationMechanism(PersonalLinkMechanism.SCHEME)
@RolesAllowed(Roles.INVITEE)
public class InviteeSpeakingRequestResource {

    private final SpeakingRequestService requests;
    private final SessionService sessions;
    private final SecurityIdentity identity;

    public InviteeSpeakingRequestResource(SpeakingRequestService requests, SessionService sessions,
                                          SecurityIdentity identity) {
        this.requests = requests;
        this.sessions = sessions;
        this.identity = identity;
    }

    @GET
    @Path("/sessions")
    @Operation(summary = "The high-level policy sessions this delegation may ask to speak in")
    public Uni<List<Dtos.SessionDto>> sessions(@PathParam("invitationId") UUID invitationId) {
        return requests.forumOf(InviteeLink.claims(identity), invitationId).chain(sessions::list)
                .map(list -> list.stream().map(Dtos.SessionDto::from).toList());
    }

    @GET
    @Path("/speaking-request")
    @Operation(summary = "The delegation's speaking request (the latest one) and why it stands where it stands")
    public Uni<Dtos.SpeakingRequestDto> get(@PathParam("invitationId") UUID invitationId) {
        return requests.mine(InviteeLink.claims(identity), invitationId).map(Dtos.SpeakingRequestDto::from);
    }

    @POST
    @Path("/speaking-request")
    @Operation(summary = "Ask for speaking time; the answer says whether a slot was allocated or the request waits")
    public Uni<Response> submit(@PathParam("invitationId") UUID invitationId,
                                @Valid @NotNull Dtos.SpeakingRequestBody body) {
        return requests.submitAsInvitee(InviteeLink.claims(identity), invitationId, body.toCommand())
                .map(v -> Response.created(URI.create("/invitations/" + invitationId + "/speaking-request"))
                        .entity(Dtos.SpeakingRequestDto.from(v)).build());
    }

    @PUT
    @Path("/speaking-request/speaker")
    @Operation(summary = "Change the speaker (substitution); a new rank re-ranks the request within its session")
    public Uni<Dtos.SpeakingRequestDto> substitute(@PathParam("invitationId") UUID invitationId,
                                                   @Valid @NotNull Dtos.SpeakerBody body) {
        return requests.substituteAsInvitee(InviteeLink.claims(identity), invitationId, body.toInput())
                .map(Dtos.SpeakingRequestDto::from);
    }

    @DELETE
    @Path("/speaking-request")
    @Operation(summary = "Withdraw the speaking request; its slot goes to the next waiting request")
    public Uni<Dtos.SpeakingRequestDto> withdraw(@PathParam("invitationId") UUID invitationId) {
        return requests.withdrawAsInvitee(InviteeLink.claims(identity), invitationId).map(Dtos.SpeakingRequestDto::from);
    }
}
