package itu.wsis.invitation.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.config.InvitationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The end of retention: a person whose last invitation was issued longer ago than
 * {@code wsis.invitation.retention.personal-data} (default P400D), or who was never invited and whose entry was last
 * written that long ago, is erased everywhere through the same erasure request the secretariat can make
 * (requested by {@value #REQUESTER}), with its event, reports and progress.
 */
@ApplicationScoped
public class PersonalDataRetention {

    public static final String REQUESTER = "retention";
    private static final Logger LOG = Logger.getLogger(PersonalDataRetention.class);

    private final ErasureService erasures;
    private final InvitationConfig config;
    private final Clock clock;

    public PersonalDataRetention(ErasureService erasures, InvitationConfig config, Clock clock) {
        this.erasures = erasures;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${wsis.invitation.retention.purge-interval:6h}", delay = 60,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return run().invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Retention: requested the erasure of %d people", n);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Retention run failed, will retry: %s", e.getClass().getName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Erases up to one batch of people past retention, one transaction each; returns how many. */
    public Uni<Integer> run() {
        Instant before = clock.instant().minus(config.retention().personalData());
        return erasures.pastRetention(before, config.retention().batchSize()).chain(ids -> eraseEach(ids, 0));
    }

    private Uni<Integer> eraseEach(List<UUID> ids, int from) {
        if (from >= ids.size()) {
            return Uni.createFrom().item(from);
        }
        return erasures.request(ids.get(from), REQUESTER).chain(() -> eraseEach(ids, from + 1));
    }
}
