package itu.wsis.notification.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.ConsumeEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.mutiny.core.eventbus.EventBus;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.events.Contact;
import itu.wsis.events.Deadline;
import itu.wsis.events.EventCodec;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.Rank;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.DeliveryDecision;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.domain.IntentKeys;
import itu.wsis.notification.domain.LanguageFallbackPolicy;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.domain.ReminderPolicy;
import itu.wsis.notification.domain.RetryPolicy;
import itu.wsis.notification.domain.WorkingTime;
import itu.wsis.notification.repository.CircularLetterEntity;
import itu.wsis.notification.repository.ContactEntity;
import itu.wsis.notification.repository.ForumEditionEntity;
import itu.wsis.notification.repository.NotificationEntity;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.instance.InstanceIdentity;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.support.retry.FailureKind;
import itu.wsis.support.retry.Pauses;
import itu.wsis.support.tracing.TraceContexts;
import io.quarkus.runtime.ShutdownEvent;
import itu.wsis.support.text.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Sends due intents: claim (one short transaction), render and send over SMTP (no transaction), record the outcome
 * and its NotificationSent/NotificationFailed event (one short transaction, through the outbox).
 * <p>
 * Exactly once per intent: the intent row exists once (unique key), only one sender holds a claim on it at a time
 * (every change of the row is a compare-and-set on the holder), the claim is renewed throughout the SMTP dialogue,
 * and once the SMTP server has accepted a message, recording it as SENT is retried until the database answers. The
 * remaining window is a sender that dies (or never hears the server's reply) after the server accepted the message
 * and before SENT is committed: the claim then runs out and the message goes again with the same Message-ID, so the
 * copy is recognisable downstream. See docs/notifications.md.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final String WAKE_UP = "wsis.notifications.sender.wake-up";
    private static final Predicate<String> ADDRESS = EmailAddress::isValid; // the platform's one rule

    private final DeliveryStore store;
    private final EmailComposer composer;
    private final ReactiveMailer mailer;
    private final PersonalLinks links;
    private final NotificationConfig config;
    private final Clock clock;
    private final DeliveryDecision.Rules rules;
    private final MeterRegistry registry;
    private final EmailOutcomes emails;
    private final EventBus bus;
    private final String holder;
    private final Pauses pauses;
    private final Pool pool;
    private final Vertx vertx;
    private final Tracer tracer;
    private volatile boolean stopping;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean dispatchingOnWakeUp = new AtomicBoolean();
    private final AtomicBoolean wokenMeanwhile = new AtomicBoolean();
    private volatile ContextInternal[] laneLoops;
    private volatile ContextInternal smtpLoop;

    public NotificationSender(DeliveryStore store, EmailComposer composer, ReactiveMailer mailer, PersonalLinks links,
                              NotificationConfig config, Clock clock, ReminderPolicies policies,
                              MeterRegistry registry, EventBus bus, InstanceIdentity instance, Pauses pauses,
                              Pool pool, Vertx vertx, Tracer tracer, EmailOutcomes emails) {
        this.store = store;
        this.composer = composer;
        this.mailer = mailer;
        this.links = links;
        this.config = config;
        this.clock = clock;
        this.rules = new DeliveryDecision.Rules(policies.reminderPolicy(), new RetryPolicy(
                config.sender().firstBackoff(), config.sender().maxBackoff(), config.sender().maxAttempts()),
                config.sender().waitForDirectory());
        this.registry = registry;
        this.emails = emails;
        this.bus = bus;
        this.holder = instance.id();
        this.pauses = pauses;
        this.pool = pool;
        this.vertx = vertx;
        this.tracer = tracer;
        registry.gauge("wsis.notifications.sender.in.flight", inFlight, Set::size);
    }

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
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
        int batch = config.sender().batchSize();
        long claimedAt = System.nanoTime();
        return store.claim(holder, clock.instant(), config.sender().claimLease(), batch).chain(claims -> {
            List<NotificationRepository.Claim> own = claims.stream().filter(c -> !c.takeover()).toList();
            List<NotificationRepository.Claim> takenOver = claims.stream()
                    .filter(NotificationRepository.Claim::takeover).toList();
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
                            .onItem().transformToUniAndConcatenate(id -> onLane(lane, () -> deliver(id))
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
        return caller == null ? all : all.emitOn(task -> caller.runOnContext(ignored -> task.run()));
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
                        loops[i] = ((VertxInternal) vertx).createEventLoopContext();
                    }
                    laneLoops = loops;
                }
            }
        }
        return loops[Math.floorMod(n, loops.length)];
    }

    /**
     * The one event loop every SMTP dialogue runs on. Vert.x's mail client keeps its pooled connections on the event
     * loop that opened them and is not made to be driven from several at once: a reply read on one loop while the
     * next command is written from another lane can be lost, and the dialogue then waits for it until the SMTP
     * timeout (minutes). The lanes overlap what costs CPU (loading, rendering, signing); the dialogues, which are
     * mostly waiting, share this loop and the pool's connections.
     */
    private ContextInternal smtpLoop() {
        ContextInternal loop = smtpLoop;
        if (loop == null) {
            synchronized (this) {
                loop = smtpLoop;
                if (loop == null) {
                    loop = ((VertxInternal) vertx).createEventLoopContext();
                    smtpLoop = loop;
                }
            }
        }
        return loop;
    }

    /** Runs {@code work} on a new safe duplicated context of {@code loop}: a session of its own. */
    private static <T> Uni<T> onLane(ContextInternal loop, java.util.function.Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            io.vertx.core.Context duplicate = VertxContext.createNewDuplicatedContext(loop);
            VertxContextSafetyToggle.setContextSafe(duplicate, true);
            duplicate.runOnContext(ignored -> Uni.createFrom().<T>deferred(work).subscribe()
                    .with(emitter::complete, emitter::fail));
        });
    }

    /** Gives the previous holder of taken-over intents time to record a message its server had accepted. */
    private Uni<Void> afterTakeoverGrace(long claimedAt) {
        long left = config.sender().takeoverGrace().toNanos() - (System.nanoTime() - claimedAt);
        return left <= 0 ? Uni.createFrom().voidItem()
                : pauses.pause(Duration.ofNanos(left), Vertx.currentContext());
    }

    /**
     * The claim is renewed just before each message, so the lease only has to outlast one message rather than a
     * whole batch: it can stay short, and the intents of a crashed sender come back soon. An intent this process
     * is still busy with (its SENT waiting for the database, say) is left to that delivery: its claim may have run
     * out meanwhile and been claimed again, by this very process.
     */
    private Uni<Void> deliver(UUID id) {
        if (!inFlight.add(id)) {
            return Uni.createFrom().voidItem();
        }
        return store.renewClaimAndLoad(id, holder, config.sender().claimLease())
                .chain(loaded -> loaded == null ? Uni.createFrom().voidItem() : deliver(loaded))
                .onTermination().invoke(() -> inFlight.remove(id));
    }

    /**
     * The delivery runs in the trace of the event that created the intent (its stored traceparent), however much later
     * it comes: its statements, its "smtp send" span and the NotificationSent row it appends belong to that trace.
     * The lane's context is new for each delivery (onLane), so the context made current here leaves with it.
     */
    private Uni<Void> deliver(DeliveryStore.Loaded loaded) {
        io.opentelemetry.context.Context intentTrace = TraceContexts.parent(loaded.notification().traceParent);
        if (intentTrace == null) {
            return deliverInItsTrace(loaded);
        }
        Scope scope = intentTrace.makeCurrent();
        return deliverInItsTrace(loaded).onTermination().invoke(scope::close);
    }

    private Uni<Void> deliverInItsTrace(DeliveryStore.Loaded loaded) {
        NotificationEntity n = loaded.notification();
        ContactEntity c = loaded.contact();
        MessageKind kind = MessageKind.valueOf(n.kind);
        Instant now = clock.instant();
        boolean known = c != null;
        boolean letterAndForum = loaded.letter() != null && loaded.forum() != null;
        Object detail = null;
        boolean readable = true;
        // Read only once the directory has all it needs: an intent waiting for it is not parsed at every round.
        if (known && c.issued() && letterAndForum) {
            try {
                detail = detail(n, kind);
            } catch (RuntimeException e) {
                readable = false;
            }
        }
        DeliveryDecision.ReminderFacts reminder = kind.reminder() && detail != null
                ? reminderFacts(c, (MessageContext.Reminder) detail) : null;
        DeliveryDecision decision = rules.beforeSending(kind, known, known && c.issued(), known && c.revokedAt != null,
                known && c.erasedAt != null, letterAndForum, readable, reminder, known ? c.email : null, now);
        if (decision == DeliveryDecision.SEND) {
            return compose(n, c, loaded, kind, detail, link(c, now), now);
        }
        if (decision == DeliveryDecision.ASK_ABOUT_THE_INVITATIONS_OTHER_EMAILS) {
            return store.otherEmails(n.id, n.invitationId).chain(others -> {
                DeliveryDecision notice = rules.revocationNotice(others, now);
                // Written from the directory as it is (no detail), and without a personal link: it is revoked.
                return notice == DeliveryDecision.SEND ? compose(n, c, loaded, kind, null, null, now)
                        : record(n, c, notice);
            });
        }
        return record(n, c, decision);
    }

    /** Records a decision not to send now; the intent's claim is let go of. */
    private Uni<Void> record(NotificationEntity n, ContactEntity c, DeliveryDecision decision) {
        if (decision instanceof DeliveryDecision.Wait wait) {
            if (wait.reason() == DeliveryDecision.Reason.OUTSIDE_WORKING_TIME) {
                registry.counter("wsis.notifications.reminders.deferred").increment();
            }
            return store.markWaiting(n.id, holder, wait.until(), wait.reason().text());
        }
        if (decision instanceof DeliveryDecision.Cancel cancel) {
            return store.markFinal(n.id, holder, DeliveryStatus.CANCELLED, cancel.reason().text());
        }
        if (decision instanceof DeliveryDecision.Skip skip) {
            return store.markFinal(n.id, holder, DeliveryStatus.SKIPPED, skip.reason().text());
        }
        if (decision instanceof DeliveryDecision.Fail fail) {
            return failed(n, c.language, fail.reason().text(), null);
        }
        throw new IllegalArgumentException("not a decision to record before sending: " + decision);
    }

    private Uni<Void> compose(NotificationEntity n, ContactEntity c, DeliveryStore.Loaded loaded, MessageKind kind,
                              Object detail, String link, Instant now) {
        NotificationRepository.CalendarTimes times = loaded.calendarTimes();
        MessageContext.CalendarRef calendar = n.calendarUid == null || n.calendarSequence == null
                || n.calendarMethod == null ? null
                : new MessageContext.CalendarRef(n.calendarUid, n.calendarSequence, n.calendarMethod, times.start(),
                times.end(), times.firstDay(), times.lastDay());
        MessageContext context = new MessageContext(kind, recipient(c), letter(loaded.letter()),
                forum(loaded.forum()), detail, link, now, calendar);
        return composer.compose(context).map(composed -> send(n, c, composed))
                .orElseGet(() -> {
                    registry.counter("wsis.notifications.no.template", "kind", kind.name(),
                            "language", String.valueOf(c.language)).increment();
                    return failed(n, c.language, "no-template: no text in the recipient's language nor in any fallback",
                            language(c.language));
                });
    }

    private Uni<Void> send(NotificationEntity n, ContactEntity c, EmailComposer.Composed composed) {
        String messageId = IntentKeys.messageId(n.intentKey, c.email, config.messageIdDomain());
        Mail mail = Mail.withHtml(c.email, composed.subject(), composed.html())
                .setText(composed.text())
                .setFrom(config.from())
                .addHeader("Message-ID", messageId)
                .addHeader("Content-Language", composed.language().used().code());
        composed.calendar().ifPresent(ics -> mail.addAttachment(ics.fileName(), ics.content(), ics.contentType()));
        List<String> cc = cc(c).stream().filter(ADDRESS).toList();
        if (!cc.isEmpty()) {
            mail.setCc(cc);
        }
        if (composed.language().fallback()) {
            registry.counter("wsis.notifications.language.fallback", "kind", n.kind,
                    "requested", String.valueOf(c.language), "used", composed.language().used().code()).increment();
        }
        // The claim is renewed throughout the dialogue, so a slow server cannot let it run out under a live sender.
        long heartbeat = startHeartbeat(n.id);
        Context context = Vertx.currentContext();
        Span span = smtpSpan(n);
        Uni<Void> dialogue = onLane(smtpLoop(), () -> mailer.send(mail));
        return (context == null ? dialogue : dialogue.emitOn(task -> context.runOnContext(ignored -> task.run())))
                .ifNoItem().after(config.sender().smtpTimeout()).fail()
                .onTermination().invoke(() -> vertx.cancelTimer(heartbeat))
                .onItemOrFailure().invoke((accepted, failure) -> endSmtpSpan(span, failure))
                .onItemOrFailure().transformToUni((accepted, failure) -> {
                    if (failure != null) {
                        return smtpFailure(n, c.language, failure);
                    }
                    registry.counter("wsis.notifications.sent", "kind", n.kind).increment();
                    emails.record(n.kind, composed.language().used().code(), EmailOutcomes.Outcome.SENT);
                    return recordSent(n, c.email, messageId, composed.language(), context, 0);
                });
    }

    /**
     * The SMTP dialogue as a CLIENT span in the intent's trace (the current context, see {@link #deliver}). What it
     * carries names the intent and its kind, never the recipient: no address, no name (docs/tracing.md).
     */
    private Span smtpSpan(NotificationEntity n) {
        return tracer.spanBuilder("smtp send")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("wsis.notification.id", n.id.toString())
                .setAttribute("wsis.notification.kind", n.kind)
                .setAttribute("wsis.notification.attempt", (long) n.attempts + 1)
                .startSpan();
    }

    /** The outcome without the server's text, which can quote the address: the reply code, or the failure's class. */
    private static void endSmtpSpan(Span span, Throwable failure) {
        if (failure != null) {
            SMTPException smtp = smtpException(failure);
            if (smtp != null) {
                span.setAttribute("smtp.reply_code", (long) smtp.getReplyCode());
            }
            span.setStatus(StatusCode.ERROR, smtp != null ? "smtp " + smtp.getReplyCode()
                    : failure.getClass().getSimpleName());
        }
        span.end();
    }

    /** Renews the claim every third of the lease, on its own connection, until cancelled. */
    private long startHeartbeat(UUID id) {
        long every = Math.max(1000, config.sender().claimLease().toMillis() / 3);
        return vertx.setPeriodic(every, timer -> pool.preparedQuery("""
                        update notification set claimed_until = now() + $3 * interval '1 millisecond'
                         where id = $1 and claimed_by = $2 and status = 'PENDING'""")
                .execute(Tuple.of(id, holder, config.sender().claimLease().toMillis()))
                .subscribe().with(rows -> {
                    if (rows.rowCount() == 0) {
                        registry.counter("wsis.notifications.claim.lost.while.sending").increment();
                        LOG.warnf("Lost the claim on notification %s while its SMTP dialogue was running", id);
                    }
                }, e -> LOG.debugf("Claim renewal of %s failed, next one in %d ms: %s", id, every,
                        e.getClass().getName())));
    }

    /**
     * The SMTP server accepted the message; from now on it must never be sent again, so SENT is recorded whatever
     * the database does meanwhile: retried (at most a second apart) until it answers. Only a shutdown stops this;
     * the message is then in the documented window and goes again, with the same Message-ID, after the claim.
     */
    private Uni<Void> recordSent(NotificationEntity n, String recipient, String messageId,
                                 LanguageFallbackPolicy.Resolution language, Context context, int failures) {
        return store.markSent(n.id, n.invitationId, n.kind, holder, recipient, messageId, language)
                .invoke(record -> {
                    if (record == DeliveryStore.SentRecord.RECORDED_AFTER_CLAIM_LOST) {
                        registry.counter("wsis.notifications.sent.after.claim.lost").increment();
                    } else if (record == DeliveryStore.SentRecord.ALREADY_FINAL) {
                        registry.counter("wsis.notifications.sent.when.already.final").increment();
                        LOG.warnf("Notification %s was accepted by SMTP but was already final", n.id);
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    boolean transientFailure = FailureKind.of(failure) == FailureKind.TRANSIENT;
                    if (stopping || (!transientFailure && failures >= 5)) {
                        registry.counter("wsis.notifications.sent.unrecorded").increment();
                        LOG.errorf("Notification %s was accepted by SMTP but could not be recorded as sent (%s); "
                                + "it will be sent again with the same Message-ID once its claim runs out",
                                n.id, failure.getClass().getName());
                        return Uni.createFrom().voidItem();
                    }
                    if (failures == 0) {
                        LOG.warnf("Notification %s was accepted by SMTP; recording it waits for the database (%s)",
                                n.id, failure.getClass().getName());
                    }
                    Duration pause = Pauses.backoff(Duration.ofMillis(100), Duration.ofSeconds(1), failures);
                    return pauses.pause(pause, context)
                            .chain(() -> recordSent(n, recipient, messageId, language, context, failures + 1));
                });
    }

    private Uni<Void> smtpFailure(NotificationEntity n, String language, Throwable failure) {
        SMTPException smtp = smtpException(failure);
        boolean permanent = smtp != null && smtp.isPermanent();
        String reason;
        if (permanent) {
            reason = "smtp " + smtp.getReplyCode() + ": permanent failure";
        } else if (smtp != null) {
            reason = "smtp " + smtp.getReplyCode() + ": transient failure";
        } else if (failure instanceof TimeoutException) {
            // The server may have accepted the message without replying: the next attempt can be a second copy,
            // with the same Message-ID (the documented window).
            registry.counter("wsis.notifications.smtp.outcome.unknown").increment();
            reason = "smtp gave no reply within " + config.sender().smtpTimeout() + ": outcome unknown";
        } else {
            reason = "smtp unavailable: " + failure.getClass().getSimpleName();
        }
        DeliveryDecision decision = rules.afterFailedAttempt(permanent, n.attempts, clock.instant());
        if (decision instanceof DeliveryDecision.Retry retry) {
            registry.counter("wsis.notifications.retries", "kind", n.kind).increment();
            emails.record(n.kind, language, EmailOutcomes.Outcome.RETRIED);
            return store.markRetry(n.id, holder, retry.at(), reason);
        }
        if (decision instanceof DeliveryDecision.Fail fail && fail.reason() == DeliveryDecision.Reason.GAVE_UP) {
            return failed(n, language, reason + "; gave up after " + n.attempts + " attempts", null);
        }
        return failed(n, language, reason, null);
    }

    /** {@code language}: the recipient's (a code, or null when the directory has none), for the outcome counter. */
    private Uni<Void> failed(NotificationEntity n, String language, String reason, Language requested) {
        registry.counter("wsis.notifications.failed", "kind", n.kind).increment();
        emails.record(n.kind, language, EmailOutcomes.Outcome.FAILED);
        LOG.warnf("Notification %s (%s) failed: %s", n.id, n.kind, reason.startsWith("smtp") ? "smtp" : reason);
        return store.markFailed(n.id, holder, reason, requested);
    }

    private static SMTPException smtpException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private static DeliveryDecision.ReminderFacts reminderFacts(ContactEntity c, MessageContext.Reminder reminder) {
        return new DeliveryDecision.ReminderFacts(ReminderSweep.openInvitation(c),
                ReminderPolicy.DeadlineType.valueOf(reminder.deadlineType()), reminder.deadline());
    }

    private Object detail(NotificationEntity n, MessageKind kind) {
        if (kind.reminder()) {
            return Json.read(n.payload, MessageContext.Reminder.class);
        }
        // These are written from the contact, the letter and the forum as they are when the email is sent.
        if (kind == MessageKind.INVITATION || kind == MessageKind.LINK_REISSUED
                || kind == MessageKind.INVITATION_REVOKED || kind == MessageKind.IN_PERSON_WEEK_CHANGED) {
            return null;
        }
        if (n.payload == null) {
            throw new IllegalStateException("payload erased");
        }
        return EventCodec.decode(n.payload);
    }

    /** Signed now, for this email only: the token is neither stored nor logged. */
    private String link(ContactEntity c, Instant now) {
        if (c.linkVersion == null || c.linkExpiresAt == null || !now.isBefore(c.linkExpiresAt)) {
            return null;
        }
        return config.linkBaseUrl() + links.sign(new LinkClaims(c.invitationId, c.linkVersion, c.linkExpiresAt));
    }

    static MessageContext.Recipient recipient(ContactEntity c) {
        return new MessageContext.Recipient(c.invitationId, c.fullName, c.formOfAddress,
                c.rank == null ? null : Rank.valueOf(c.rank), c.title, c.email, cc(c), language(c.language),
                zone(c.timeZone),
                c.responseDeadlineDate == null ? null
                        : new Deadline(c.responseDeadlineDate, c.responseDeadlineZone, c.responseDeadlineAt),
                c.speakingDeadlineDate == null ? null
                        : new Deadline(c.speakingDeadlineDate, c.speakingDeadlineZone, c.speakingDeadlineAt),
                c.memberState, c.replyStatus != null);
    }

    /**
     * A letter's texts (subject and body in every language) are the same JSON for every email about it: parsed once,
     * keyed by the JSON itself, so that a new revision is simply another key. Bounded: a few letters are current.
     */
    private static final Map<String, Map<Language, LocalizedText>> LETTER_TEXTS = new ConcurrentHashMap<>();
    private static final int LETTER_TEXTS_KEPT = 32;

    static Map<Language, LocalizedText> letterTexts(String json) {
        Map<Language, LocalizedText> cached = LETTER_TEXTS.get(json);
        if (cached != null) {
            return cached;
        }
        Map<Language, LocalizedText> parsed = Collections.unmodifiableMap(
                Json.read(json, new TypeReference<Map<Language, LocalizedText>>() {
                }));
        if (LETTER_TEXTS.size() >= LETTER_TEXTS_KEPT) {
            LETTER_TEXTS.clear();
        }
        LETTER_TEXTS.put(json, parsed);
        return parsed;
    }

    static MessageContext.Letter letter(CircularLetterEntity l) {
        Map<Language, LocalizedText> texts = letterTexts(l.texts);
        return new MessageContext.Letter(l.reference, language(l.originalLanguage), texts, l.signatoryName,
                l.signatoryTitle, new Contact(l.contactName, l.contactEmail, l.contactPhone), l.letterDate);
    }

    static MessageContext.Forum forum(ForumEditionEntity f) {
        Map<Language, String> names = Json.read(f.names, new TypeReference<Map<Language, String>>() {
        });
        ZoneId zone = zone(f.timeZone);
        return new MessageContext.Forum(f.code, names, zone == null ? ZoneId.of("Europe/Zurich") : zone, f.venue,
                f.inPersonStart, f.inPersonEnd, f.forumSiteUrl, f.speakingRequestUrl, f.partnershipUrl);
    }

    private static List<String> cc(ContactEntity c) {
        return c.cc == null ? List.of() : Json.read(c.cc, new TypeReference<List<String>>() {
        });
    }

    private static Language language(String code) {
        try {
            return code == null ? null : Language.fromCode(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static ZoneId zone(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
