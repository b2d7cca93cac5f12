package itu.wsis.invitation.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/** The query parameters of both audit views, as given; {@link AuditWire#query} checks them all at once. */
public class AuditFilters {

    @Parameter(description = "Only these actions (repeat, or comma-separated).")
    @QueryParam("action")
    List<String> actions;

    @Parameter(description = "Only these actors: STAFF, INVITEE, SYSTEM, UNKNOWN (repeat, or comma-separated).")
    @QueryParam("actorKind")
    List<String> actorKinds;

    @Parameter(description = "From this instant on (inclusive), ISO-8601 UTC.")
    @QueryParam("from")
    String from;

    @Parameter(description = "Before this instant (exclusive), ISO-8601 UTC.")
    @QueryParam("to")
    String to;

    @QueryParam("page")
    @DefaultValue("0")
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    int size;

    @Parameter(description = "json (default) or csv; without it, Accept decides.")
    @QueryParam("format")
    String format;

    @Context
    HttpHeaders headers;

    AuditWire.Filters filters() {
        return new AuditWire.Filters(actions, actorKinds, from, to, page, size, format);
    }

    boolean wantsCsv() {
        return AuditWire.wantsCsv(filters(), headers);
    }
}
