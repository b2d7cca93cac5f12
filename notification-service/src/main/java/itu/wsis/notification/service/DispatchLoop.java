package itu.wsis.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.ConsumeEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.mutiny.core.eventbus.EventBus;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.repository.DeliveryRepository;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.support.instance.InstanceIdentity;
import itu.wsis.support.retry.Pauses;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sender's loop: woken through the event bus (or by its tick), it claims due intents batch after batch (one short
 * statement, a lease in the database's time) and hands each to {@link MessageDelivery} on one of its lanes.
 * <p>
 * Exactly once per intent: the intent row exists once (unique key), only one sender holds a claim on it at a time
 * (every change of the row is a compare-and-set on the holder), the claim is renewed throughout the SMTP dialogue,
 * and once the SMTP server has accepted a message, recording it as SENT is retried until the database answers. The
 * remaining window is a sender that dies (or never hears the server's reply) after the server accepted the message
 * and before SENT is committed: the claim then runs out and the message goes again with the same Message-ID, so the
 * copy is recognisable downstream. See docs/notifications.md.
 * <p>
 * A stop is not a crash: on SIGTERM (a rolling update, a node drain) the loop claims and starts nothing more, the
 * dialogues in flight get {@code shutdown-drain} to finish and record their outcome, and the intents it claimed but
 * never started go back to the other instances, all before the database pool and the mailer close
 * ({@link #drainOnShutdown}).
 */
@ApplicationScoped
public class DispatchLoop {

    private static final Logger LOG = Logger.getLogger(DispatchLoop.class);
    private static final String WAKE_UP = "wsis.notifications.sender.wake-up";
    /** So that a database that does not answer cannot hold the stop: the claims then run out as after a crash. */
    private static final Duration RELEASE_AT_STOP_TIMEOUT = Duration.ofSeconds(5);

    private final DeliveryRepository deliveries;
    private final MessageDelivery delivery;
    private final NotificationConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final EventBus bus;
    private final String holder;
    private final Pauses pauses;
    private final Vertx vertx;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    /** This process's own claims (not takeovers) whose delivery has not begun: what a stop may hand back. */
    private final Set<UUID> claimedNotStarted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean dispatchingOnWakeUp = new AtomicBoolean();
    private final AtomicBoolean wokenMeanwhile = new AtomicBoolean();
    private volatile ContextInternal[] laneLoops;
    private volatile boolean stopping;

    public DispatchLoop(DeliveryRepository deliveries, MessageDelivery delivery, NotificationConfig config,
                        Clock clock, MeterRegistry registry, EventBus bus, InstanceIdentity instance, Pauses pauses,
                        Vertx vertx) {
        this.deliveries = deliveries;
        this.delivery = delivery;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.bus = bus;
        this.holder = instance.id();
        this.pauses = pauses;
        this.vertx = vertx;
        registry.gauge("wsis.notifications.sender.in.flight", inFlight, Set::size);
    }

    @Scheduled(every = "${wsis.notifications.sender.interval:1s}", delay = 1, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        if (!config.sender().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return dispatch().onFailure().invoke(e -> LOG.warnf("Sender tick failed, will retry: %s",
                e.getClass().getName())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Asks for a dispatch now, without waiting for the next tick (up to a second away: a receipt would spend most of
     * its end-to-end time waiting for it). Runs on its own context through the event bus, never on the caller's
     * reactive session. Sent, not requested: nobody waits for the dispatch, and a request would time out (and be
     * logged as an error) whenever a dispatch takes longer than the event bus's 30 s.
     */
    public void wakeUp() {
        if (config.sender().enabled()) {
            bus.send(WAKE_UP, "");
        }
    }

    /**
     * Wake-ups that come while a woken dispatch runs fold into one more round after it. The scheduled tick may run
     * beside it: claims are disjoint, as between instances.
     */
    @ConsumeEvent(WAKE_UP)
    Uni<Void> wokenUp(String ignored) {
        wokenMeanwhile.set(true);
        if (!dispatchingOnWakeUp.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return dispatchWhileWoken();
    }

    private Uni<Void> dispatchWhileWoken() {
        wokenMeanwhile.set(false);
        return dispatch()
                .invoke(count -> registry.counter("wsis.notifications.sender.woken.handled").increment(count))
                .onFailure().invoke(e -> LOG.warnf("Woken dispatch failed, the tick will retry: %s",
                        e.getClass().getName()))
                .onFailure().recoverWithNull()
                .chain(() -> {
                    if (wokenMeanwhile.get()) {
                        return dispatchWhileWoken();
                    }
                    dispatchingOnWakeUp.set(false);
                    // A wake-up between the check and the release would otherwise wait for the tick.
                    if (wokenMeanwhile.get() && dispatchingOnWakeUp.compareAndSet(false, true)) {
                        return dispatchWhileWoken();
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    /** Sends what is due now, batch after batch. Returns how many intents were handled. */
    public Uni<Integer> dispatch() {
        return dispatchBatches(0);
    }

    private Uni<Integer> dispatchBatches(int soFar) {
        if (stopping) {
            return Uni.createFrom().item(soFar);
        }
        int batch = config.sender().batchSize();
        long claimedAt = System.nanoTime();
        return deliveries.claim(holder, clock.instant(), config.sender().claimLease(), batch).chain(claims -> {
            List<NotificationRepository.Claim> own = claims.stream().filter(c -> !c.takeover()).toList();
            List<NotificationRepository.Claim> takenOver = claims.stream()
                    .filter(NotificationRepository.Claim::takeover).toList();
            own.forEach(claim -> claimedNotStarted.add(claim.id()));
            return deliverAll(own)
                    .chain(() -> takenOver.isEmpty() ? Uni.createFrom().voidItem()
                            : afterTakeoverGrace(claimedAt).chain(() -> deliverAll(takenOver)))
                    .chain(() -> claims.size() < batch ? Uni.createFrom().item(soFar + claims.size())
                            : dispatchBatches(soFar + claims.size()));
        });
    }

    /**
     * Delivers the claimed intents on up to {@code lanes} at once. Each delivery runs on a new duplicated context of
     * one of the lanes' event loops: its own reactive session (never two operations on one session at once), and the
     * lanes spread over the event loops, so rendering, signing and the SMTP dialogue of several messages overlap and
     * use every core. The mailer's pool gives each concurrent dialogue its own connection, kept alive between
     * messages. Claims are already disjoint between instances; within a process the {@code inFlight} set and the
     * holder compare-and-set on every change keep two lanes from ever sending one intent.
     * <p>
     * One invitation's emails stay on one lane, one after another in the order their intents were created: a
     * minister who accepts and then declines must not find the acceptance receipt after the decline's.
     */
    private Uni<Void> deliverAll(List<NotificationRepository.Claim> claims) {
        if (claims.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context caller = Vertx.currentContext();
        AtomicInteger next = new AtomicInteger();
        Uni<Void> all = Multi.createFrom().iterable(byInvitation(claims))
                .onItem().transformToUni(ids -> {
                    ContextInternal lane = lane(next.getAndIncrement());
                    return Multi.createFrom().iterable(ids)
                            .onItem().transformToUniAndConcatenate(id -> EventLoops.onNewDuplicate(lane, () -> deliver(id))
                                    .onFailure().recoverWithItem(e -> {
                                        // Left claimed: the lease runs out and the intent is tried again.
                                        LOG.warnf("Delivery of notification %s failed unexpectedly: %s", id,
                                                e.getClass().getName());
                                        return null;
                                    }))
                            .collect().last();
                })
                .merge(Math.max(1, config.sender().lanes()))
                .collect().last().replaceWithVoid();
        // Back on the caller's context, whose session (if any) the rest of the dispatch continues with.
        return EventLoops.backOn(caller, all);
    }

    /** The claims' ids grouped by invitation; each group, and the groups, in the claims' order (creation order). */
    static List<List<UUID>> byInvitation(List<NotificationRepository.Claim> claims) {
        Map<Object, List<UUID>> groups = new java.util.LinkedHashMap<>();
        for (NotificationRepository.Claim claim : claims) {
            Object key = claim.invitationId() != null ? claim.invitationId() : claim.id();
            groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(claim.id());
        }
        return List.copyOf(groups.values());
    }

    /** The event loop of a lane: one per lane, taken round-robin from Vert.x's event loops, created once. */
    private ContextInternal lane(int n) {
        ContextInternal[] loops = laneLoops;
        if (loops == null) {
            synchronized (this) {
                loops = laneLoops;
                if (loops == null) {
                    loops = new ContextInternal[Math.max(1, config.sender().lanes())];
                    for (int i = 0; i < loops.length; i++) {
                        loops[i] = EventLoops.create(vertx);
                    }
                    laneLoops = loops;
                }
            }
        }
        return loops[Math.floorMod(n, loops.length)];
    }

    /** Gives the previous holder of taken-over intents time to record a message its server had accepted. */
    private Uni<Void> afterTakeoverGrace(long claimedAt) {
        long left = config.sender().takeoverGrace().toNanos() - (System.nanoTime() - claimedAt);
        return left <= 0 ? Uni.createFrom().voidItem()
                : pauses.pause(Duration.ofNanos(left), Vertx.currentContext());
    }

    /**
     * An intent this process is still busy with (its SENT waiting for the database, say) is left to that delivery:
     * its claim may have run out meanwhile and been claimed again, by this very process.
     */
    private Uni<Void> deliver(UUID id) {
        if (!inFlight.add(id)) {
            // An earlier delivery of this process still has it, and its server may accept it: never released.
            claimedNotStarted.remove(id);
            return Uni.createFrom().voidItem();
        }
        // Checked after joining inFlight, which the drain reads after setting the flag: a delivery either sees the
        // stop (and its claim is released) or is waited for.
        if (stopping) {
            inFlight.remove(id);
            return Uni.createFrom().voidItem();
        }
        claimedNotStarted.remove(id);
        return delivery.deliver(id).onTermination().invoke(() -> inFlight.remove(id));
    }

    /**
     * Runs first among the observers of the stop, and Quarkus closes the database pool and the mailer only after they
     * return: while it waits, the dialogues in flight finish and record SENT (or their failure) as usual. Then the
     * intents this process claimed but never started are released, so that another instance sends them at its next
     * dispatch (a second away) rather than once their lease (30 s) runs out. A message whose dialogue outlasts the
     * drain keeps its claim and is in the documented window (it goes again, with the same Message-ID), as after a
     * crash.
     */
    void drainOnShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) {
        stopSending();
    }

    /** What a stop does ({@link #drainOnShutdown}); for good: this loop claims and starts nothing afterwards. */
    public void stopSending() {
        stopping = true;
        int atStop = inFlight.size();
        long deadline = System.nanoTime() + config.sender().shutdownDrain().toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = inFlight.size();
        if (left > 0) {
            LOG.warnf("Stopping with %d message(s) still in flight after %s (wsis.notifications.sender.shutdown-drain);"
                    + " each goes again with the same Message-ID once its claim runs out", left,
                    config.sender().shutdownDrain());
        } else if (atStop > 0) {
            LOG.infof("Stopped sending: the %d message(s) in flight at the stop finished first", atStop);
        }
        releaseClaimsNeverStarted();
        delivery.stopWaitingForTheDatabase();
    }

    /**
     * Before the deliveries still waiting for the database give up (stopWaitingForTheDatabase), so that an intent
     * whose server accepted it is still in flight here and keeps its claim.
     */
    private void releaseClaimsNeverStarted() {
        Set<UUID> neverStarted = new HashSet<>(claimedNotStarted);
        neverStarted.removeAll(inFlight);
        if (neverStarted.isEmpty()) {
            return;
        }
        try {
            int released = deliveries.releaseNeverStarted(holder, neverStarted).await().atMost(RELEASE_AT_STOP_TIMEOUT);
            claimedNotStarted.removeAll(neverStarted);
            if (released > 0) {
                LOG.infof("Released %d intent(s) claimed but not started at the stop: the next dispatch of another"
                        + " instance sends them", released);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not release the %d intent(s) claimed but not started at the stop (%s): they go again once"
                    + " their claim runs out", neverStarted.size(), e.getClass().getName());
        }
    }
}
