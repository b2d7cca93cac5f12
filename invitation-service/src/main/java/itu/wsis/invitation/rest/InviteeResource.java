package itu.wsis.invitation.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.InviteeDraft;
import itu.wsis.invitation.domain.InviteeValidator;
import itu.wsis.invitation.domain.RowError;
import itu.wsis.invitation.rest.InviteeWire.ImportReportResponse;
import itu.wsis.invitation.rest.InviteeWire.InviteeRequest;
import itu.wsis.invitation.rest.InviteeWire.InviteeResponse;
import itu.wsis.invitation.service.InviteeService;
import itu.wsis.support.problem.Problem;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.problem.ProblemLimits;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/invitees")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitee registry", description = "The people invited, one per Member State and role, and the 193 ITU Member States with the defaults they give an invitee.")
public class InviteeResource {

    static final String CSV = "text/csv";

    private final InviteeService invitees;

    public InviteeResource(InviteeService invitees) {
        this.invitees = invitees;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "createInvitee", summary = "Add one person to the invitee registry")
    @APIResponse(responseCode = "201", description = "The invitee was added.",
            content = @Content(schema = @Schema(implementation = InviteeResponse.class)))
    @APIResponse(responseCode = "409", description = "This Member State already has an invitee with this email address.")
    public Uni<Response> create(@NotNull InviteeRequest request) {
        InviteeValidator.Result result = InviteeValidator.validate(List.of(request.toDraft()), ProblemLimits.maxErrors());
        if (!result.ok()) {
            throw ProblemException.invalid(result.errors().stream()
                    .map(e -> new Problem.FieldError(e.field(), e.reason())).toList());
        }
        return invitees.create(result.valid().get(0)).map(invitee -> Response
                .created(URI.create("/invitees/" + invitee.id())).entity(InviteeResponse.of(invitee)).build());
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "listInvitees", summary = "The invitee registry by Member State and name, optionally of one Member State, page by page")
    @APIResponse(responseCode = "200", description = "One page of invitees and the total count.")
    @APIResponse(responseCode = "400", description = "The page or the size is not valid.")
    public Uni<Paged<InviteeResponse>> list(@QueryParam("memberState") String memberState,
                                            @QueryParam("page") @DefaultValue("0") int page,
                                            @QueryParam("size") @DefaultValue("50") int size) {
        Paged.check(page, size, 500);
        return invitees.list(memberState, page, size).map(p -> Paged.of(p.map(InviteeResponse::of)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.OPS})
    @Operation(operationId = "getInvitee", summary = "One invitee of the registry")
    public Uni<InviteeResponse> get(@PathParam("id") UUID id) {
        return invitees.get(id).map(InviteeResponse::of);
    }

    /** A JSON array of invitees. All or nothing: one bad row and nothing is imported. */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "importInvitees", summary = "Import invitees from a JSON array or a CSV file, all or nothing")
    @APIResponse(responseCode = "200", description = "Every row was valid: how many were written and how many were unchanged.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReportResponse.class)))
    @APIResponse(responseCode = "400", description = "At least one row is invalid; nothing was imported. `rows` lists every invalid row and field.")
    public Uni<ImportReportResponse> importJson(@NotNull List<InviteeRequest> rows) {
        List<InviteeDraft> drafts = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                errors.add(new RowError(i + 1, "row", "is null"));
                drafts.add(new InviteeDraft(null, null, null, null, null, null, null, null, null, null));
            } else {
                drafts.add(rows.get(i).toDraft());
            }
        }
        return importDrafts(drafts, errors);
    }

    /** A CSV file with a header row: see {@link InviteeImportFormat}. All or nothing. */
    @POST
    @Path("import")
    @Consumes(CSV)
    @RolesAllowed(Roles.SECRETARIAT)
    @Operation(operationId = "importInvitees", summary = "Import invitees from a JSON array or a CSV file, all or nothing")
    @APIResponse(responseCode = "200", description = "Every row was valid: how many were written and how many were unchanged.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportReportResponse.class)))
    @APIResponse(responseCode = "400", description = "At least one row is invalid; nothing was imported. `rows` lists every invalid row and field.")
    public Uni<ImportReportResponse> importCsv(String body) {
        InviteeImportFormat.Parsed parsed = InviteeImportFormat.csv(body);
        return importDrafts(parsed.drafts(), new ArrayList<>(parsed.errors()));
    }

    /**
     * {@code errors} are what parsing found before validation. The answer lists the first problems (the
     * {@link ProblemLimits#maxErrors() limit} of every problem document) under {@code errors} and {@code rows}, and
     * how many there are under {@code totalErrors}: a file of 200,000 empty rows answers a few kilobytes.
     */
    private Uni<ImportReportResponse> importDrafts(List<InviteeDraft> drafts, List<RowError> errors) {
        int max = ProblemLimits.maxErrors();
        InviteeValidator.Result result = InviteeValidator.validate(drafts, max);
        int total = errors.size() + result.errorCount();
        if (total > 0) {
            List<RowError> first = new ArrayList<>(errors.subList(0, Math.min(max, errors.size())));
            first.addAll(result.errors().subList(0, Math.min(max - first.size(), result.errors().size())));
            throw ProblemException.invalid(first.stream()
                            .map(e -> new Problem.FieldError(e.row() == 0 ? e.field()
                                    : "rows[" + e.row() + "]." + e.field(), e.reason()))
                            .toList(), total)
                    .with("rows", first);
        }
        return invitees.importAll(result.valid())
                .map(outcome -> new ImportReportResponse(outcome.received(), outcome.written(), outcome.unchanged()));
    }
}
