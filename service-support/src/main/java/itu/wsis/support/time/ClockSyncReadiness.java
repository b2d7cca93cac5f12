package itu.wsis.support.time;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready before the shared business time has been read: an answer given before would use another time. */
@Readiness
@ApplicationScoped
public class ClockSyncReadiness implements HealthCheck {

    private final ClockSync sync;

    public ClockSyncReadiness(ClockSync sync) {
        this.sync = sync;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("business-clock").status(sync.synced())
                .withData("shared", sync.enabled()).build();
    }
}
