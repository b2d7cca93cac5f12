package itu.wsis.support.time;

import itu.wsis.support.openapi.ApiContract;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

@Path("/ops/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ops: clock", description = "Business time: every deadline and reminder is computed on it. Movable only in the test and local-stack profiles.")
public class ClockOpsResource {

    private final Clock clock;
    private final ClockConfig config;
    private final ClockSync sync;

    public ClockOpsResource(Clock clock, ClockConfig config, ClockSync sync) {
        this.clock = clock;
        this.config = config;
        this.sync = sync;
    }

    /** {@code shared}: every service of the stack reads this time (docs/architecture.md, business time). */
    public record ClockResponse(Instant now, String mode, boolean movable, boolean shared) {
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.SECRETARIAT})
    @Operation(operationId = "getClock", summary = "The service's business time and whether ops may move it",
            extensions = @Extension(name = ApiContract.EVERY_SERVICE, value = "true"))
    public ClockResponse now() {
        return new ClockResponse(clock.instant(), config.mode().name(), movableClock() != null, sync.enabled());
    }

    @POST
    @Path("/advance")
    @RolesAllowed(Roles.OPS)
    @Operation(operationId = "advanceClock", summary = "Move business time forward for every service of the stack (test and local-stack profiles only)",
            extensions = @Extension(name = ApiContract.EVERY_SERVICE, value = "true"))
    @APIResponse(responseCode = "200", description = "The business time after the move.")
    @APIResponse(responseCode = "400", description = "`by` is missing, not an ISO-8601 duration, or not positive.")
    @APIResponse(responseCode = "404", description = "This service's clock cannot be moved in this profile.")
    public ClockResponse advance(@QueryParam("by") String by) {
        MovableClock movable = movableClock();
        if (movable == null) {
            throw ProblemException.notFound("clock-not-movable",
                    "This service's clock cannot be moved: the ops endpoint is off in this profile.");
        }
        if (by == null || by.isBlank()) {
            throw ProblemException.badRequest("by", "an ISO-8601 duration such as P7D or PT2H is required");
        }
        Duration duration;
        try {
            duration = Duration.parse(by);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("by", "not an ISO-8601 duration: " + by);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw ProblemException.badRequest("by", "the clock only moves forward");
        }
        sync.advance(duration);
        return now();
    }

    private MovableClock movableClock() {
        return config.opsEndpoint() && clock instanceof MovableClock movable ? movable : null;
    }
}
