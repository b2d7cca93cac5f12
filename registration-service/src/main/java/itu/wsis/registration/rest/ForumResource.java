package itu.wsis.registration.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.registration.domain.ForumSettings;
import itu.wsis.registration.rest.ReplyWire.SettingsRequest;
import itu.wsis.registration.rest.ReplyWire.SettingsResponse;
import itu.wsis.registration.rest.ReplyWire.StatisticsResponse;
import itu.wsis.registration.service.ForumService;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Per-forum reply settings, statistics and the CSV export of replies and delegations. */
@Path("/staff/forums/{forumId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Secretariat: forum replies", description = "Per forum: the reply settings, the statistics of replies and the export of replies and delegations.")
public class ForumResource {

    /** RFC 4180's media type; {@code header=present} tells importers the first line names the columns. */
    static final String CSV = "text/csv; charset=UTF-8; header=present";

    private final ForumService forums;
    private final SecurityIdentity identity;

    public ForumResource(ForumService forums, SecurityIdentity identity) {
        this.forums = forums;
        this.identity = identity;
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getReplySettings", summary = "The late-reply policy and maximum delegation size in force for a forum")
    public Uni<SettingsResponse> settings(@PathParam("forumId") UUID forumId) {
        return forums.settings(forumId).map(s -> view(forumId, s));
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "updateReplySettings", summary = "Set a forum's late-reply policy (FLAG or REJECT) and maximum delegation size")
    public Uni<SettingsResponse> updateSettings(@PathParam("forumId") UUID forumId, @Valid @NotNull SettingsRequest body) {
        ForumSettings settings = new ForumSettings(body.lateReplyPolicy(), body.maxDelegationSize());
        return forums.updateSettings(forumId, settings, ReplyResources.who(identity)).map(s -> view(forumId, s));
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getReplyStatistics", summary = "Replies by status, mode, language, Member State, ITU region, late or on time")
    public Uni<StatisticsResponse> statistics(@PathParam("forumId") UUID forumId) {
        return forums.statistics(forumId).map(s -> StatisticsResponse.of(forumId, s));
    }

    @GET
    @Path("/replies.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "exportReplies", summary = "Replies and delegations as CSV (RFC 4180, UTF-8 with BOM), one line per delegate")
    @APIResponse(responseCode = "200", description = "The CSV file, as an attachment.",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"replies-<forumId>.csv\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> export(@PathParam("forumId") UUID forumId) {
        return forums.exportCsv(forumId).map(csv -> Response.ok(csv, CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"replies-" + forumId + ".csv\"")
                .build());
    }

    private static SettingsResponse view(UUID forumId, ForumService.EffectiveSettings s) {
        return new SettingsResponse(forumId, s.settings().lateReplyPolicy(), s.settings().maxDelegationSize(),
                s.defaults());
    }
}
