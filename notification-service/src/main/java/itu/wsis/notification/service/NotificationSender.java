package itu.wsis.notification.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.ConsumeEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import io.vertx.mutiny.core.eventbus.EventBus;
import itu.wsis.events.Contact;
import itu.wsis.events.Deadline;
import itu.wsis.events.EventCodec;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.Rank;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.domain.IntentKeys;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.domain.ReminderPolicy;
import itu.wsis.notification.domain.RetryPolicy;
import itu.wsis.notification.repository.CircularLetterRecord;
import itu.wsis.notification.repository.ContactRecord;
import itu.wsis.notification.repository.ForumEditionRecord;
import itu.wsis.notification.repository.NotificationRecord;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.support.text.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Sends due intents: claim (one short transaction), render and send over SMTP (no transaction), record the outcome
 * and its NotificationSent/NotificationFailed event (one short transaction, through the outbox).
 * <p>
 * Exactly once per intent: the intent row exists once (unique key), only one sender holds a claim on it at a time,
 * and SENT is final. The remaining window is a crash after the SMTP server accepted the message and before SENT is
 * committed: the claim then runs out and the message goes again with the same Message-ID, so the copy is
 * recognisable downstream. See docs/notifications.md.
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
    private final ReminderPolicy reminderPolicy;
    private final RetryPolicy retryPolicy;
    private final MeterRegistry registry;
    private final EventBus bus;
    private final AtomicBoolean dispatchingOnWakeUp = new AtomicBoolean();
    private final AtomicBoolean wokenMeanwhile = new AtomicBoolean();

    public NotificationSender(DeliveryStore store, EmailComposer composer, ReactiveMailer mailer, PersonalLinks links,
                              NotificationConfig config, Clock clock, ReminderPolicies policies,
                              MeterRegistry registry, EventBus bus) {
        this.store = store;
        this.composer = composer;
        this.mailer = mailer;
        this.links = links;
        this.config = config;
        this.clock = clock;
        this.reminderPolicy = policies.reminderPolicy();
        this.retryPolicy = new RetryPolicy(config.sender().firstBackoff(), config.sender().maxBackoff(),
                config.sender().maxAttempts());
        this.registry = registry;
        this.bus = bus;
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
     * reactive session.
     */
    public void wakeUp() {
        if (config.sender().enabled()) {
            bus.requestAndForget(WAKE_UP, "");
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
        Instant now = clock.instant();
        int batch = config.sender().batchSize();
        Instant lease = leaseFrom(now);
        return store.claim(now, lease, batch).chain(ids -> Multi.createFrom()
                .iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> deliver(id, lease).onFailure().recoverWithItem(e -> {
                    // Left claimed: the lease runs out and the intent is tried again.
                    LOG.warnf("Delivery of notification %s failed unexpectedly: %s", id, e.getClass().getName());
                    return null;
                }))
                .collect().asList()
                .chain(done -> ids.size() < batch ? Uni.createFrom().item(soFar + ids.size())
                        : dispatchBatches(soFar + ids.size())));
    }

    /**
     * The claim is renewed just before each message, so the lease only has to outlast one message rather than a
     * whole batch: it can stay short, and the intents of a crashed sender come back soon.
     */
    private Uni<Void> deliver(UUID id, Instant heldLease) {
        return store.renewClaimAndLoad(id, heldLease, leaseFrom(clock.instant()))
                .chain(loaded -> loaded == null ? Uni.createFrom().voidItem() : deliver(loaded));
    }

    /** Microseconds, as PostgreSQL stores them, so that the renewal can compare the lease it wrote. */
    private Instant leaseFrom(Instant now) {
        return now.plus(config.sender().claimLease()).truncatedTo(ChronoUnit.MICROS);
    }

    private Uni<Void> deliver(DeliveryStore.Loaded loaded) {
        NotificationRecord n = loaded.notification();
        ContactRecord c = loaded.contact();
        MessageKind kind = MessageKind.valueOf(n.kind);
        Instant now = clock.instant();
        if (c != null && c.revokedAt != null) {
            return store.markFinal(n.id, DeliveryStatus.CANCELLED, "invitation revoked");
        }
        if (c != null && c.erasedAt != null) {
            return store.markFinal(n.id, DeliveryStatus.CANCELLED, "personal data erased");
        }
        if (c == null || !c.issued()) {
            return store.markWaiting(n.id, now.plus(config.sender().waitForDirectory()), "waiting for the invitation");
        }
        if (loaded.letter() == null || loaded.forum() == null) {
            return store.markWaiting(n.id, now.plus(config.sender().waitForDirectory()),
                    "waiting for the circular letter or forum edition");
        }
        Object detail;
        try {
            detail = detail(n, kind);
        } catch (RuntimeException e) {
            return failed(n, "unreadable payload", null);
        }
        if (kind.reminder() && !reminderStillUseful(c, (MessageContext.Reminder) detail, now)) {
            return store.markFinal(n.id, DeliveryStatus.SKIPPED, "no longer useful: replied, revoked or past the deadline");
        }
        if (c.email == null || !ADDRESS.test(c.email)) {
            return failed(n, "invalid-address", null);
        }
        MessageContext context = new MessageContext(kind, recipient(c), letter(loaded.letter()),
                forum(loaded.forum()), detail, link(c, now));
        return composer.compose(context).map(composed -> send(n, c, composed))
                .orElseGet(() -> {
                    registry.counter("wsis.notifications.no.template", "kind", kind.name(),
                            "language", String.valueOf(c.language)).increment();
                    return failed(n, "no-template: no text in the recipient's language nor in any fallback",
                            language(c.language));
                });
    }

    private Uni<Void> send(NotificationRecord n, ContactRecord c, EmailComposer.Composed composed) {
        String messageId = IntentKeys.messageId(n.intentKey, c.email, config.messageIdDomain());
        Mail mail = Mail.withHtml(c.email, composed.subject(), composed.html())
                .setText(composed.text())
                .setFrom(config.from())
                .addHeader("Message-ID", messageId)
                .addHeader("Content-Language", composed.language().used().code());
        List<String> cc = cc(c).stream().filter(ADDRESS).toList();
        if (!cc.isEmpty()) {
            mail.setCc(cc);
        }
        if (composed.language().fallback()) {
            registry.counter("wsis.notifications.language.fallback", "kind", n.kind,
                    "requested", String.valueOf(c.language), "used", composed.language().used().code()).increment();
        }
        // An SMTP dialogue longer than half the lease is abandoned and retried: past the lease another instance
        // could claim the intent and send it too.
        return mailer.send(mail)
                .ifNoItem().after(config.sender().claimLease().dividedBy(2)).fail()
                .chain(() -> {
                    registry.counter("wsis.notifications.sent", "kind", n.kind).increment();
                    return store.markSent(n.id, c.email, messageId, composed.language());
                })
                .onFailure().recoverWithUni(failure -> smtpFailure(n, failure));
    }

    private Uni<Void> smtpFailure(NotificationRecord n, Throwable failure) {
        SMTPException smtp = smtpException(failure);
        if (smtp != null && smtp.isPermanent()) {
            return failed(n, "smtp " + smtp.getReplyCode() + ": permanent failure", null);
        }
        String reason = smtp != null ? "smtp " + smtp.getReplyCode() + ": transient failure"
                : "smtp unavailable: " + failure.getClass().getSimpleName();
        return retryPolicy.nextAttempt(n.attempts, clock.instant())
                .map(next -> {
                    registry.counter("wsis.notifications.retries", "kind", n.kind).increment();
                    return store.markRetry(n.id, next, reason);
                })
                .orElseGet(() -> failed(n, reason + "; gave up after " + n.attempts + " attempts", null));
    }

    private Uni<Void> failed(NotificationRecord n, String reason, Language requested) {
        registry.counter("wsis.notifications.failed", "kind", n.kind).increment();
        LOG.warnf("Notification %s (%s) failed: %s", n.id, n.kind, reason.startsWith("smtp") ? "smtp" : reason);
        return store.markFailed(n.id, reason, requested);
    }

    private static SMTPException smtpException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }

    private boolean reminderStillUseful(ContactRecord c, MessageContext.Reminder reminder, Instant now) {
        return reminderPolicy.stillUseful(ReminderSweep.openInvitation(c),
                ReminderPolicy.DeadlineType.valueOf(reminder.deadlineType()), reminder.deadline(), now);
    }

    private Object detail(NotificationRecord n, MessageKind kind) {
        if (kind.reminder()) {
            return Json.read(n.payload, MessageContext.Reminder.class);
        }
        if (kind == MessageKind.INVITATION || kind == MessageKind.LINK_REISSUED) {
            return null;
        }
        if (n.payload == null) {
            throw new IllegalStateException("payload erased");
        }
        return EventCodec.decode(n.payload);
    }

    /** Signed now, for this email only: the token is neither stored nor logged. */
    private String link(ContactRecord c, Instant now) {
        if (c.linkVersion == null || c.linkExpiresAt == null || !now.isBefore(c.linkExpiresAt)) {
            return null;
        }
        return config.linkBaseUrl() + links.sign(new LinkClaims(c.invitationId, c.linkVersion, c.linkExpiresAt));
    }

    static MessageContext.Recipient recipient(ContactRecord c) {
        return new MessageContext.Recipient(c.invitationId, c.fullName, c.formOfAddress,
                c.rank == null ? null : Rank.valueOf(c.rank), c.title, c.email, cc(c), language(c.language),
                zone(c.timeZone),
                c.responseDeadlineDate == null ? null
                        : new Deadline(c.responseDeadlineDate, c.responseDeadlineZone, c.responseDeadlineAt),
                c.speakingDeadlineDate == null ? null
                        : new Deadline(c.speakingDeadlineDate, c.speakingDeadlineZone, c.speakingDeadlineAt));
    }

    static MessageContext.Letter letter(CircularLetterRecord l) {
        Map<Language, LocalizedText> texts = Json.read(l.texts, new TypeReference<Map<Language, LocalizedText>>() {
        });
        return new MessageContext.Letter(l.reference, language(l.originalLanguage), texts, l.signatoryName,
                l.signatoryTitle, new Contact(l.contactName, l.contactEmail, l.contactPhone));
    }

    static MessageContext.Forum forum(ForumEditionRecord f) {
        Map<Language, String> names = Json.read(f.names, new TypeReference<Map<Language, String>>() {
        });
        ZoneId zone = zone(f.timeZone);
        return new MessageContext.Forum(f.code, names, zone == null ? ZoneId.of("Europe/Zurich") : zone);
    }

    private static List<String> cc(ContactRecord c) {
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
