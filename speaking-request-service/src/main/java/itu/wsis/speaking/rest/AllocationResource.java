package itu.wsis.speaking.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import itu.wsis.support.csv.SpreadsheetCsv;
import itu.wsis.speaking.service.AllocationService;
import itu.wsis.speaking.domain.ListOfSpeakers;
import itu.wsis.support.openapi.ApiContract;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A forum's allocation: settings, dry run, freeze, publication, and the lists of speakers. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Secretariat: allocation and lists of speakers", description = "The allocation of speaking slots by protocol precedence: settings, dry run, freeze, publication, and the lists of speakers (public once published).")
public class AllocationResource {

    static final String CSV = "text/csv";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final AllocationService forums;
    private final CurrentIdentityAssociation identity;

    public AllocationResource(AllocationService forums, CurrentIdentityAssociation identity) {
        this.forums = forums;
        this.identity = identity;
    }

    @GET
    @Path("/forums/{forumId}/allocation")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getAllocationSettings", summary = "A forum's allocation settings: late policy, freeze and publication")
    public Uni<Wire.AllocationSettingsResponse> settings(@PathParam("forumId") UUID forumId) {
        return forums.settings(forumId).map(Wire.AllocationSettingsResponse::from);
    }

    @PUT
    @Path("/forums/{forumId}/allocation/late-policy")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "setLatePolicy", summary = "What happens to requests after the speaking-request deadline: WAITLIST or REJECT")
    public Uni<Wire.AllocationSettingsResponse> latePolicy(@PathParam("forumId") UUID forumId,
                                                      @Valid @NotNull Wire.LatePolicyRequest body) {
        return forums.setLatePolicy(forumId, body.latePolicy()).map(Wire.AllocationSettingsResponse::from);
    }

    @GET
    @Path("/forums/{forumId}/allocation/dry-run")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "dryRunAllocation", summary = "What the rule would allocate now, with a one-line explanation per request")
    public Uni<Wire.DryRunResponse> dryRun(@PathParam("forumId") UUID forumId) {
        return forums.dryRun(forumId).map(Wire.DryRunResponse::from);
    }

    @POST
    @Path("/forums/{forumId}/allocation/freeze")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "freezeAllocation", summary = "Freeze the allocation: no automatic changes; overrides still apply")
    public Uni<Wire.AllocationSettingsResponse> freeze(@PathParam("forumId") UUID forumId) {
        return forums.freeze(forumId).map(Wire.AllocationSettingsResponse::from);
    }

    @POST
    @Path("/forums/{forumId}/allocation/unfreeze")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "unfreezeAllocation", summary = "Let the rule run again; the forum is re-allocated at once")
    public Uni<Wire.AllocationSettingsResponse> unfreeze(@PathParam("forumId") UUID forumId) {
        return forums.unfreeze(forumId).map(Wire.AllocationSettingsResponse::from);
    }

    @POST
    @Path("/forums/{forumId}/allocation/publish")
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "publishListsOfSpeakers", summary = "Publish (or re-publish) the provisional lists of speakers, and the round tables' lists of participants; they become public")
    public Uni<Wire.AllocationSettingsResponse> publish(@PathParam("forumId") UUID forumId) {
        return forums.publish(forumId).map(Wire.AllocationSettingsResponse::from);
    }

    @GET
    @Path("/sessions/{sessionId}/speakers")
    @PermitAll
    @Operation(operationId = "getListOfSpeakers", summary = "A session's list of speakers: public once published, secretariat only before")
    @SecurityRequirementsSet({})
    @SecurityRequirement(name = ApiContract.JWT, scopes = Roles.SECRETARIAT)
    @APIResponse(responseCode = "200", description = "The list of speakers in order, with planned start times.")
    @APIResponse(responseCode = "404", description = "No such session (a ministerial round table has a list of participants instead), or its list is not published yet (and the caller is not the secretariat).")
    public Uni<Wire.SpeakersListResponse> speakers(@PathParam("sessionId") UUID sessionId) {
        return list(sessionId).map(Wire.SpeakersListResponse::from);
    }

    @GET
    @Path("/sessions/{sessionId}/speakers.csv")
    @PermitAll
    @Produces("text/csv")
    @Operation(operationId = "exportListOfSpeakers", summary = "A session's list of speakers as CSV (UTF-8 with BOM, formula cells neutralised)")
    @SecurityRequirementsSet({})
    @SecurityRequirement(name = ApiContract.JWT, scopes = Roles.SECRETARIAT)
    @APIResponse(responseCode = "200", description = "The CSV file, as an attachment.",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"speakers-<sessionId>.csv\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such session, or its list is not published yet (and the caller is not the secretariat).")
    public Uni<Response> speakersCsv(@PathParam("sessionId") UUID sessionId) {
        return list(sessionId).map(l -> {
            StringBuilder csv = new StringBuilder(SpreadsheetCsv.BOM);
            csv.append(SpreadsheetCsv.row(List.of("position", "member_state", "speaker", "title", "rank", "substitute",
                    "modality", "language", "planned_start_local", "planned_start_utc")));
            for (ListOfSpeakers.Speaker s : l.speakers()) {
                csv.append(SpreadsheetCsv.row(List.of(Integer.toString(s.position()), nullSafe(s.memberState()),
                        nullSafe(s.speakerName()), nullSafe(s.speakerTitle()), s.rank().name(),
                        Boolean.toString(s.substitute()),
                        s.modality().name(), s.language().code(), LOCAL.format(LocalDateTime.ofInstant(s.plannedStart(), l.session().zone())),
                        s.plannedStart().toString())));
            }
            return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"speakers-" + sessionId + ".csv\"")
                    .build();
        });
    }

    @GET
    @Path("/sessions/{sessionId}/participants")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getListOfParticipants", summary = "A ministerial round table's list of participants: public once published, secretariat only before; as JSON, or as CSV with Accept: text/csv")
    @SecurityRequirementsSet({})
    @SecurityRequirement(name = ApiContract.JWT, scopes = Roles.SECRETARIAT)
    @APIResponse(responseCode = "200", description = "The delegations seated at the round table, one seat each, in the order of precedence; as a CSV attachment (RFC 4180, UTF-8 with BOM, formula cells neutralised) when the client's first choice is text/csv.",
            headers = @Header(name = "Content-Disposition", description = "CSV only: attachment; filename=\"participants-<sessionId>.csv\"", schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Wire.ParticipantsListResponse.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such round table (a high-level policy session has a list of speakers instead), or its list is not published yet (and the caller is not the secretariat).")
    public Uni<Response> participants(@PathParam("sessionId") UUID sessionId, @Context HttpHeaders headers) {
        boolean csv = wantsCsv(headers);
        return staff().chain(staff -> forums.participants(sessionId, staff)).map(l -> csv
                ? Response.ok(participantsCsv(l), CSV + "; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"participants-" + sessionId + ".csv\"")
                .build()
                : Response.ok(Wire.ParticipantsListResponse.from(l), MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** CSV when the client's first choice is text/csv; JSON otherwise, {@code *}{@code /*} included. */
    static boolean wantsCsv(HttpHeaders headers) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && !accepted.get(0).isWildcardType()
                && accepted.get(0).isCompatible(MediaType.valueOf(CSV));
    }

    /** The columns of the JSON lines; names and titles are typed by delegations, so every cell is neutralised. */
    static String participantsCsv(ListOfSpeakers l) {
        StringBuilder csv = new StringBuilder(SpreadsheetCsv.BOM);
        csv.append(SpreadsheetCsv.row(List.of("seat", "member_state", "participant", "title", "rank", "substitute",
                "modality")));
        for (ListOfSpeakers.Speaker s : l.speakers()) {
            csv.append(SpreadsheetCsv.row(List.of(Integer.toString(s.position()), nullSafe(s.memberState()),
                    nullSafe(s.speakerName()), nullSafe(s.speakerTitle()), s.rank().name(),
                    Boolean.toString(s.substitute()), s.modality().name())));
        }
        return csv.toString();
    }

    private Uni<ListOfSpeakers> list(UUID sessionId) {
        return staff().chain(staff -> forums.speakers(sessionId, staff));
    }

    private Uni<Boolean> staff() {
        return identity.getDeferredIdentity()
                .map(who -> !who.isAnonymous() && who.hasRole(Roles.SECRETARIAT))
                .onFailure().recoverWithItem(false);
    }

    private static String nullSafe(String value) {
        return value == null ? "" : value;
    }
}
