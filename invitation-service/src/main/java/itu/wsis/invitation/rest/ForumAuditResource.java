package itu.wsis.invitation.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.config.InvitationConfig;
import itu.wsis.invitation.domain.AuditQuery;
import itu.wsis.invitation.service.AuditTrail;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

import java.util.UUID;

/** The audit trail of one forum (docs/audit.md), for the secretariat and ops. */
@Path("/forums/{forumId}/audit")
@Tag(name = "Audit trail", description = "Who did what, when, on which invitation, letter or session, through which channel and document: rebuilt from the events, newest first, as JSON or CSV.")
public class ForumAuditResource {

    private final AuditTrail trail;
    private final InvitationConfig config;

    public ForumAuditResource(AuditTrail trail, InvitationConfig config) {
        this.trail = trail;
        this.config = config;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, AuditWire.CSV})
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "forumAuditTrail", summary = "The forum's audit trail, newest first, filtered, as a page of JSON or the whole as CSV")
    @APIResponse(responseCode = "200", description = "A page of entries (JSON), or every matching entry as a CSV attachment (RFC 4180, UTF-8 with BOM) for ?format=csv or Accept: text/csv.",
            headers = @Header(name = "Content-Disposition", description = "CSV only: attachment; filename=\"audit-forum-<id>.csv\"", schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditWire.AuditPageResponse.class)),
                    @Content(mediaType = AuditWire.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "An action, actor kind, time, page, size or format is not valid.")
    @APIResponse(responseCode = "404", description = "No forum with this id.")
    public Uni<Response> audit(@PathParam("forumId") UUID id, @BeanParam AuditFilters filters) {
        AuditQuery query = AuditWire.query(AuditQuery.Scope.FORUM, id, filters.filters(), config.maxPageSize());
        return AuditWire.answer(trail, query, filters.wantsCsv(), "audit-forum-" + id + ".csv");
    }
}
