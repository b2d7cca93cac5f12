package itu.wsis.registration.rest;

import io.smallrye.mutiny.Uni;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;
import itu.wsis.registration.domain.Reply;
import itu.wsis.registration.domain.ReplyContent;
import itu.wsis.registration.rest.ReplyWire.AcceptRequest;
import itu.wsis.registration.rest.ReplyWire.DeclineRequest;
import itu.wsis.registration.rest.ReplyWire.InvitationResponse;
import itu.wsis.registration.rest.ReplyWire.ReplyResponse;
import itu.wsis.registration.service.ReplyService;
import itu.wsis.registration.service.VisaLetterService;
import itu.wsis.support.problem.Problem;
import itu.wsis.support.links.InviteeLink;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.PersonalLinkAuthentication;
import itu.wsis.support.links.PersonalLinkMechanism;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
 * The invitee's side, through the personal link (header {@value PersonalLinks#HEADER}), admitted by the shared
 * policy of service-support (signature, rate limits, this service's view of the invitation; a link opens only its
 * own invitation's address).
 * A new reply version answers 201 with its place in the history; the same reply again answers 200.
 */
@Path("/invitations/{invitationId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitee: reply through the personal link", description = "The Minister's office replies with the personal link from the invitation email: accept with the delegation, decline, withdraw, read the reply's history, and download visa support letters for an in-person delegation.")
@PersonalLinkAuthentication
@HttpAuthenticationMechanism(PersonalLinkMechanism.SCHEME)
@RolesAllowed(Roles.INVITEE)
public class InviteeResource {

    private final ReplyService replies;
    private final VisaLetterService visaLetters;
    private final SecurityIdentity identity;

    public InviteeResource(ReplyService replies, VisaLetterService visaLetters, SecurityIdentity identity) {
        this.replies = replies;
        this.visaLetters = visaLetters;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "getMyInvitation", summary = "My invitation: forum, letter, deadline and current reply")
    @APIResponse(responseCode = "200", description = "The invitation as the invitee sees it.")
    @APIResponse(responseCode = "404", description = "No invitation at this address, or the link is for another invitation.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<InvitationResponse> view(@PathParam("invitationId") UUID invitationId) {
        LinkClaims claims = InviteeLink.claims(identity);
        return replies.view(claims).map(v -> InvitationResponse.of(v.invitation(), v.forumNames(), v.deadlinePassed()));
    }

    @GET
    @Path("/replies")
    @Operation(operationId = "listMyReplies", summary = "Every version of my reply, oldest first")
    @APIResponse(responseCode = "200", description = "The versions of the reply; empty before the first reply.")
    @APIResponse(responseCode = "404", description = "No invitation at this address, or the link is for another invitation.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<List<ReplyResponse>> history(@PathParam("invitationId") UUID invitationId) {
        LinkClaims claims = InviteeLink.claims(identity);
        return replies.historyForInvitee(claims).map(all -> all.stream().map(ReplyResponse::of).toList());
    }

    @GET
    @Path("/replies/{version}")
    @Operation(operationId = "getMyReply", summary = "One version of my reply")
    @APIResponse(responseCode = "200", description = "That version of the reply.")
    @APIResponse(responseCode = "404", description = "No such version, no invitation at this address, or the link is for another invitation.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<ReplyResponse> version(@PathParam("invitationId") UUID invitationId,
                                  @PathParam("version") int version) {
        LinkClaims claims = InviteeLink.claims(identity);
        return replies.historyForInvitee(claims).map(all -> all.stream().filter(r -> r.version() == version)
                .findFirst().map(ReplyResponse::of).orElseThrow(ReplyResources::versionNotFound));
    }

    @POST
    @Path("/accept")
    @Operation(operationId = "acceptInvitation", summary = "Accept, in person in Geneva or remotely, with the delegation; or change an acceptance")
    @APIResponse(responseCode = "200", description = "The same reply was already recorded: the current version, unchanged.",
            headers = @Header(name = "Content-Location", description = "The current version of the reply.", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = ReplyResponse.class)))
    @APIResponse(responseCode = "201", description = "The acceptance was recorded as a new version of the reply; the receipt email follows.",
            content = @Content(schema = @Schema(implementation = ReplyResponse.class)))
    @APIResponse(responseCode = "400", description = "The acceptance is not valid: mode, delegation size, one head of delegation, distinct emails.")
    @APIResponse(responseCode = "404", description = "No invitation at this address, or the link is for another invitation.")
    @APIResponse(responseCode = "409", description = "The deadline has passed and the forum takes no late replies, or an accepted reply is locked after the deadline, or another reply was recorded at the same moment. `reason` names the rule.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> accept(@PathParam("invitationId") UUID invitationId,
                                @Valid @NotNull AcceptRequest body) {
        LinkClaims claims = InviteeLink.claims(identity);
        return replies.replyByInvitee(claims, settings -> ReplyContent.accept(body.mode(),
                        ReplyWire.members(body.delegation()), settings.maxDelegationSize()))
                .map(recorded -> respond(invitationId, recorded));
    }

    @POST
    @Path("/decline")
    @Operation(operationId = "declineInvitation", summary = "Decline the invitation, with an optional reason")
    @APIResponse(responseCode = "200", description = "The same reply was already recorded: the current version, unchanged.",
            headers = @Header(name = "Content-Location", description = "The current version of the reply.", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = ReplyResponse.class)))
    @APIResponse(responseCode = "201", description = "The refusal was recorded as a new version of the reply; the receipt email follows.",
            content = @Content(schema = @Schema(implementation = ReplyResponse.class)))
    @APIResponse(responseCode = "404", description = "No invitation at this address, or the link is for another invitation.")
    @APIResponse(responseCode = "409", description = "The deadline has passed and the forum takes no late replies, or an accepted reply is locked after the deadline, or another reply was recorded at the same moment. `reason` names the rule.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> decline(@PathParam("invitationId") UUID invitationId,
                                 @Valid DeclineRequest body) {
        LinkClaims claims = InviteeLink.claims(identity);
        String reason = body == null ? null : body.reason();
        return replies.replyByInvitee(claims, settings -> ReplyContent.decline(reason))
                .map(recorded -> respond(invitationId, recorded));
    }

    @POST
    @Path("/withdraw")
    @Operation(operationId = "withdrawAcceptance", summary = "Withdraw an acceptance: the delegation will not attend")
    @APIResponse(responseCode = "200", description = "The same reply was already recorded: the current version, unchanged.",
            headers = @Header(name = "Content-Location", description = "The current version of the reply.", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = ReplyResponse.class)))
    @APIResponse(responseCode = "201", description = "The withdrawal was recorded as a new version of the reply; the receipt email follows.",
            content = @Content(schema = @Schema(implementation = ReplyResponse.class)))
    @APIResponse(responseCode = "404", description = "No invitation at this address, or the link is for another invitation.")
    @APIResponse(responseCode = "409", description = "Only an accepted invitation can be withdrawn, an accepted reply is locked after the deadline, or another reply was recorded at the same moment. `reason` names the rule.")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> withdraw(@PathParam("invitationId") UUID invitationId) {
        LinkClaims claims = InviteeLink.claims(identity);
        return replies.replyByInvitee(claims, settings -> ReplyContent.withdrawal())
                .map(recorded -> respond(invitationId, recorded));
    }

    @GET
    @Path("/visa-letters/{member}")
    @Produces({VisaLetterWire.PDF, Problem.MEDIA_TYPE})
    @Operation(operationId = "getMyVisaLetter", summary = "A visa support letter for one member of my in-person delegation, as a PDF")
    @APIResponse(responseCode = "200", description = "The letter, in the invitee's language unless `lang` names another. Its reference is recorded, and the same member, reply version and language again give the same reference.",
            headers = {
                    @Header(name = VisaLetterWire.REFERENCE_HEADER, description = "The letter's reference, which the secretariat can verify.", schema = @Schema(type = SchemaType.STRING, examples = "WSIS-VL-7K3M9Q2XJD")),
                    @Header(name = "Content-Disposition", description = "`attachment`, with a file name holding the reference.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = VisaLetterWire.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "`lang` is not one of ar, en, es, fr, ru, zh.")
    @APIResponse(responseCode = "404", description = "No invitation at this address, the link is for another invitation, or the delegation has no member at that position (`visa-letter-member-not-found`).")
    @APIResponse(responseCode = "409", description = "The current reply is not an acceptance in person (`visa-letter-not-in-person`), or the forum's in-person dates are not known yet (`visa-letter-forum-dates-unknown`).")
    @APIResponse(responseCode = "410", description = "The invitation was revoked, or the link expired or was superseded by a newer one.")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or with this link; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "503", description = "The service lost its database connection (`database-unavailable`, retry after `Retry-After`), or a font the letter needs is not installed (`visa-letter-font-missing`).")
    public Uni<Response> visaLetter(@PathParam("invitationId") UUID invitationId,
                                    @Parameter(description = "The member's position in the current delegation, from 1, in the order of the reply.")
                                    @PathParam("member") int member,
                                    @Parameter(description = "The letter's language; the invitee's own by default.", schema = @Schema(enumeration = {"ar", "en", "es", "fr", "ru", "zh"}))
                                    @QueryParam("lang") String lang) {
        LinkClaims claims = InviteeLink.claims(identity);
        return visaLetters.issue(claims, member, VisaLetterWire.language(lang))
                .map(issued -> Response.ok(issued.pdf(), VisaLetterWire.PDF)
                        .header(VisaLetterWire.REFERENCE_HEADER, issued.letter().reference())
                        .header("Content-Disposition", "attachment; filename=\"visa-letter-"
                                + issued.letter().reference() + ".pdf\"")
                        .build());
    }

    private static Response respond(UUID invitationId, ReplyService.Recorded recorded) {
        Reply reply = recorded.reply();
        URI location = URI.create("/invitations/" + invitationId + "/replies/" + reply.version());
        return (recorded.created() ? Response.created(location) : Response.ok().contentLocation(location))
                .entity(ReplyResponse.of(reply)).build();
    }
}
