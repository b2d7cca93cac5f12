package itu.wsis.notification.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import itu.wsis.notification.service.DeliveryLog;
import itu.wsis.notification.service.ReminderSweep;
import itu.wsis.notification.service.RetentionService;
import itu.wsis.notification.service.DispatchLoop;
import itu.wsis.support.outbox.Actors;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** The delivery log for ops (secretariat may read), resend, and the reminder sweep on demand. */
@Path("/ops/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ops: notifications", description = "The delivery log of every email, resends, and the reminder, sending and retention jobs on demand.")
public class DeliveryLogResource {

    private final DeliveryLog log;
    private final ReminderSweep sweep;
    private final RetentionService retention;
    private final DispatchLoop sender;
    private final SecurityIdentity identity;

    public DeliveryLogResource(DeliveryLog log, ReminderSweep sweep, RetentionService retention,
                               DispatchLoop sender, SecurityIdentity identity) {
        this.log = log;
        this.sweep = sweep;
        this.retention = retention;
        this.sender = sender;
        this.identity = identity;
    }

    public record DeliveryResponse(UUID id, UUID invitationId, String kind, String status, String recipient,
                                   String requestedLanguage, String language, boolean languageFallback, String messageId,
                                   int attempts, Instant nextAttemptAt, String lastError, UUID resendOf,
                                   Instant createdAt, Instant sentAt) {
        static DeliveryResponse of(DeliveryLog.Entry e) {
            return new DeliveryResponse(e.id(), e.invitationId(), e.kind(), e.status(), e.recipient(),
                    e.requestedLanguage(), e.language(), e.languageFallback(), e.messageId(), e.attempts(),
                    e.nextAttemptAt(), e.lastError(), e.resendOf(), e.createdAt(), e.sentAt());
        }
    }

    public record DeliveryPageResponse(List<DeliveryResponse> items, int page, int size, long total) {
    }

    public record SweepResponse(int scanned, int created) {
    }

    public record CountResponse(int count) {
    }

    public record ResendResponse(UUID id, UUID resendOf) {
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.SECRETARIAT})
    @Operation(operationId = "searchDeliveries", summary = "Delivery log, newest first; filter by invitation, recipient, kind, status and creation date")
    @APIResponse(responseCode = "200", description = "One page of deliveries and the total count.")
    @APIResponse(responseCode = "400", description = "A filter, the page or the size is not valid.")
    public Uni<DeliveryPageResponse> search(@QueryParam("invitationId") UUID invitationId,
                                       @QueryParam("recipient") String recipient,
                                       @QueryParam("kind") String kind,
                                       @QueryParam("status") String status,
                                       @QueryParam("from") Instant from,
                                       @QueryParam("to") Instant to,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return log.search(new DeliveryLog.Filter(invitationId, recipient, kind, status, from, to), page, size)
                .map(p -> new DeliveryPageResponse(p.items().stream().map(DeliveryResponse::of).toList(), p.page(), p.size(),
                        p.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPS, Roles.SECRETARIAT})
    @Operation(operationId = "getDelivery", summary = "One delivery: recipient, language, attempts and outcome")
    public Uni<DeliveryResponse> get(@PathParam("id") UUID id) {
        return log.get(id).map(DeliveryResponse::of);
    }

    @POST
    @Path("{id}/resend")
    @RolesAllowed(Roles.OPS)
    @Operation(operationId = "resendNotification", summary = "Send a message again, as a new intent (rate-limited, logged)")
    @APIResponse(responseCode = "202", description = "The new intent was queued; the sender delivers it shortly.",
            content = @Content(schema = @Schema(implementation = ResendResponse.class)))
    @APIResponse(responseCode = "404", description = "No delivery with this id.")
    @APIResponse(responseCode = "409", description = "The delivery was cancelled, the invitation was revoked (only its revocation notice can be resent), or the person's data was erased: it cannot be sent again.")
    @APIResponse(responseCode = "429", description = "Too many resends by this operator; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> resend(@PathParam("id") UUID id, @Context UriInfo uri) {
        return log.resend(id, Actors.of(identity)).map(resendId -> Response.accepted()
                .location(uri.getBaseUriBuilder().path("ops/notifications").path(resendId.toString()).build())
                .entity(new ResendResponse(resendId, id)).build());
    }

    @POST
    @Path("reminders/sweep")
    @RolesAllowed(Roles.OPS)
    @Operation(operationId = "runReminderSweep", summary = "Run the reminder sweep now, at the service's current clock")
    public Uni<SweepResponse> sweep() {
        return sweep.sweep().map(r -> new SweepResponse(r.scanned(), r.created()));
    }

    @POST
    @Path("dispatch")
    @RolesAllowed(Roles.OPS)
    @Operation(operationId = "dispatchDueNotifications", summary = "Send what is due now instead of waiting for the next sender tick")
    public Uni<CountResponse> dispatch() {
        return sender.dispatch().map(CountResponse::new);
    }

    @POST
    @Path("retention/purge")
    @RolesAllowed(Roles.OPS)
    @Operation(operationId = "purgeExpiredPersonalData", summary = "Erase the personal data whose retention has ended")
    public Uni<CountResponse> purge() {
        return retention.purge().map(CountResponse::new);
    }
}
