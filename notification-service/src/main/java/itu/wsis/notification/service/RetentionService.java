package itu.wsis.notification.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.repository.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/** Erases the personal data of invitations issued longer ago than the retention period. */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final NotificationRepository repository;
    private final NotificationConfig config;
    private final Clock clock;

    public RetentionService(NotificationRepository repository, NotificationConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${wsis.notifications.retention.purge-interval:6h}", delay = 60, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return purge().invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Retention purge erased the personal data of %d invitations", n);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Retention purge failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Returns how many directory entries were erased. */
    @WithTransaction
    public Uni<Integer> purge() {
        Instant now = clock.instant();
        return repository.eraseIssuedBefore(now.minus(config.retention().personalData()), now);
    }
}
