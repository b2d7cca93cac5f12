package itu.wsis.notification.rest;

import io.smallrye.mutiny.Uni;
import itu.wsis.notification.service.DeliveryLog;
import itu.wsis.notification.service.ReminderSweep;
import itu.wsis.notification.service.RetentionService;
import itu.wsis.notification.service.NotificationSender;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The delivery log for ops (secretariat may read), resend, and the reminder sweep on demand. */
@Path("/ops/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ops: notifications")
public class DeliveryLogResource {

    private final DeliveryLog log;
    private final ReminderSweep sweep;
    private final RetentionService retention;
    private final NotificationSender sender;

    public DeliveryLogResource(DeliveryLog log, ReminderSweep sweep, RetentionService retention,
                               NotificationSender sender) {
        this.log = log;
        this.sweep = sweep;
        this.retention = retention;
        this.sender = sender;
    }

    public record DeliveryDto(UUID id, UUID invitationId, String kind, String status, String recipient,
                              String requestedLanguage, String language, boolean languageFallback, String messageId,
                              int attempts, Instant nextAttemptAt, String lastError, UUID resendOf,
                              Instant createdAt, Instant sentAt) {
        static DeliveryDto of(DeliveryLog.Entry e) {
            return new DeliveryDto(e.id(), e.invitationId(), e.kind(), e.status(), e.recipient(),
                    e.requestedLanguage(), e.language(), e.languageFallback(), e.messageId(), e.attempts(),
                    e.nextAttemptAt(), e.lastError(), e.resendOf(), e.createdAt(), e.sentAt());
        }
    }

    public record DeliveryPageDto(List<DeliveryDto> items, int page, int size, long total) {
    }

    public record SweepDto(int scanned, int created) {
    }

    public record CountDto(int count) {
    }

    public record ResendDto(UUID id, UUID resendOf) {
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.SECRETARIAT})
    @Operation(summary = "Delivery log, newest first; filter by invitation, recipient, kind, status and creation date")
    public Uni<DeliveryPageDto> search(@QueryParam("invitationId") UUID invitationId,
                                       @QueryParam("recipient") String recipient,
                                       @QueryParam("kind") String kind,
                                       @QueryParam("status") String status,
                                       @QueryParam("from") Instant from,
                                       @QueryParam("to") Instant to,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return log.search(new DeliveryLog.Filter(invitationId, recipient, kind, status, from, to), page, size)
                .map(p -> new DeliveryPageDto(p.items().stream().map(DeliveryDto::of).toList(), p.page(), p.size(),
                        p.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPS, Roles.SECRETARIAT})
    public Uni<DeliveryDto> get(@PathParam("id") UUID id) {
        return log.get(id).map(DeliveryDto::of);
    }

    @POST
    @Path("{id}/resend")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Send a message again, as a new intent (rate-limited, logged)")
    public Uni<Response> resend(@PathParam("id") UUID id, @Context SecurityContext security, @Context UriInfo uri) {
        String operator = security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
        return log.resend(id, operator).map(resendId -> Response.accepted()
                .location(uri.getBaseUriBuilder().path("ops/notifications").path(resendId.toString()).build())
                .entity(new ResendDto(resendId, id)).build());
    }

    @POST
    @Path("reminders/sweep")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Run the reminder sweep now, at the service's current clock")
    public Uni<SweepDto> sweep() {
        return sweep.sweep().map(r -> new SweepDto(r.scanned(), r.created()));
    }

    @POST
    @Path("dispatch")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Send what is due now instead of waiting for the next sender tick")
    public Uni<CountDto> dispatch() {
        return sender.dispatch().map(CountDto::new);
    }

    @POST
    @Path("retention/purge")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Erase the personal data whose retention has ended")
    public Uni<CountDto> purge() {
        return retention.purge().map(CountDto::new);
    }
}
