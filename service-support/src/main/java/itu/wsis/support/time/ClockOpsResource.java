package itu.wsis.support.time;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

@Path("/ops/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ops: clock")
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
    public record ClockView(Instant now, String mode, boolean movable, boolean shared) {
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.SECRETARIAT})
    @Operation(summary = "The service's business time")
    public ClockView now() {
        return new ClockView(clock.instant(), config.mode().name(), movableClock() != null, sync.enabled());
    }

    @POST
    @Path("/advance")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Move business time forward for every service of the stack (test and local-stack profiles only)")
    public ClockView advance(@QueryParam("by") String by) {
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
