package itu.wsis.invitation.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.invitation.config.InvitationConfig;
import itu.wsis.invitation.domain.InvitationQuery;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.rest.InvitationWire.CountsResponse;
import itu.wsis.invitation.rest.InvitationWire.ExtensionRequest;
import itu.wsis.invitation.rest.InvitationWire.InvitationResponse;
import itu.wsis.invitation.rest.InvitationWire.RevokeRequest;
import itu.wsis.invitation.service.InvitationService;
import itu.wsis.support.outbox.Actors;
import itu.wsis.support.problem.Problem;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations", description = "Invitations of a letter to its invitees: issue, search, revoke, extend the deadline, re-issue the personal link.")
public class InvitationResource {

    private final SecurityIdentity identity;
    private final InvitationService invitations;
    private final InvitationConfig config;

    public InvitationResource(InvitationService invitations, InvitationConfig config,
                              SecurityIdentity identity) {
        this.invitations = invitations;
        this.config = config;
        this.identity = identity;
    }

    /**
     * Filters combine with "and". {@code sort} is one of issuedAt, memberState, status, responseDeadline, language,
     * optionally prefixed with "-" for descending order.
     */
    @GET
        @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "listInvitations", summary = "Search invitations by letter, status, Member State, language and rank, page by page")
    @APIResponse(responseCode = "200", description = "One page of matching invitations and the total count.")
    @APIResponse(responseCode = "400", description = "A filter, the page, the size or the sort key is not valid.")
    public Uni<Paged<InvitationResponse>> list(@QueryParam("letterId") UUID letterId,
                                               @QueryParam("status") String status,
                                               @QueryParam("memberState") String memberState,
                                               @QueryParam("language") String language,
                                               @QueryParam("rank") String rank,
                                               @QueryParam("page") @DefaultValue("0") int page,
                                               @QueryParam("size") @DefaultValue("50") int size,
                                               @QueryParam("sort") @DefaultValue("issuedAt") String sort) {
        List<Problem.FieldError> errors = new ArrayList<>();
        InvitationStatus s = parse("status", status, InvitationStatus.class, errors);
        Rank r = parse("rank", rank, Rank.class, errors);
        Language l = null;
        if (language != null) {
            try {
                l = Language.fromCode(language);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("language", "must be one of ar, en, es, fr, ru, zh"));
            }
        }
        boolean descending = sort.startsWith("-");
        InvitationQuery.SortKey key = InvitationQuery.SortKey.parse(descending ? sort.substring(1) : sort)
                .orElse(null);
        if (key == null) {
            errors.add(new Problem.FieldError("sort", "must be one of " + InvitationQuery.SortKey.allowed()
                    + ", optionally prefixed with -"));
        }
        if (page < 0) {
            errors.add(new Problem.FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > config.maxPageSize()) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + config.maxPageSize()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return invitations.list(new InvitationQuery(letterId, s, memberState, l, r, page, size, key, descending))
                .map(p -> Paged.of(p.map(InvitationResponse::of)));
    }

    @GET
    @Path("counts")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "countInvitations", summary = "How many invitations are in each status, for one letter or all")
    public Uni<CountsResponse> counts(@QueryParam("letterId") UUID letterId) {
        return invitations.counts(letterId).map(counts -> new CountsResponse(letterId,
                counts.values().stream().mapToLong(Long::longValue).sum(), counts));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getInvitation", summary = "One invitation, with its effective status")
    public Uni<InvitationResponse> get(@PathParam("id") UUID id) {
        return invitations.get(id).map(InvitationResponse::of);
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "revokeInvitation", summary = "Revoke an invitation: its personal link stops working and no reply is accepted")
    @APIResponse(responseCode = "200", description = "The revoked invitation.")
    @APIResponse(responseCode = "409", description = "The invitation is already revoked.")
    public Uni<InvitationResponse> revoke(@PathParam("id") UUID id, @NotNull @Valid RevokeRequest request) {
        return invitations.revoke(id, request.reason().trim(), Actors.of(identity)).map(InvitationResponse::of);
    }

    @POST
    @Path("{id}/deadline-extension")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "extendResponseDeadline", summary = "Give one invitation a later reply deadline than its letter's")
    @APIResponse(responseCode = "200", description = "The invitation with its new deadline.")
    @APIResponse(responseCode = "400", description = "The new deadline is not later than the current one.")
    @APIResponse(responseCode = "409", description = "The invitation is revoked.")
    public Uni<InvitationResponse> extend(@PathParam("id") UUID id, @NotNull @Valid ExtensionRequest request) {
        return invitations.extendDeadline(id, request.responseDeadline(), Actors.of(identity)).map(InvitationResponse::of);
    }

    /** Makes every earlier personal link of this invitation stop working; the sender mails the new one. */
    @POST
    @Path("{id}/link-reissue")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "reissuePersonalLink", summary = "Send a new personal link; every earlier link of this invitation stops working")
    @APIResponse(responseCode = "200", description = "The invitation with its new link version.")
    @APIResponse(responseCode = "409", description = "The invitation is revoked.")
    public Uni<InvitationResponse> reissueLink(@PathParam("id") UUID id) {
        return invitations.reissueLink(id, Actors.of(identity)).map(InvitationResponse::of);
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type,
                                               List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
