package itu.wsis.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import itu.wsis.events.Language;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.DeliveryDecision;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.domain.IntentKeys;
import itu.wsis.notification.domain.LanguageFallbackPolicy;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.domain.ReminderPolicy;
import itu.wsis.notification.domain.RetryPolicy;
import itu.wsis.notification.repository.ContactEntity;
import itu.wsis.notification.repository.DeliveryRepository;
import itu.wsis.notification.repository.NotificationEntity;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.support.instance.InstanceIdentity;
import itu.wsis.support.links.LinkClaims;
import itu.wsis.support.links.PersonalLinks;
import itu.wsis.support.retry.FailureKind;
import itu.wsis.support.retry.Pauses;
import itu.wsis.support.text.EmailAddress;
import itu.wsis.support.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One claimed intent, from its loaded rows to its recorded outcome: decide (DeliveryDecision), compose, send through
 * the {@link SmtpGateway} while the claim is kept renewed, and record what became of it (DeliveryRecords), with its
 * NotificationSent/NotificationFailed event.
 * <p>
 * Once the SMTP server has accepted a message, recording it as SENT is retried until the database answers (see
 * {@link #recordSent}): the one window left for a second copy is a sender that dies, or never hears the server's
 * reply, between the server's acceptance and the SENT commit (docs/notifications.md).
 */
@ApplicationScoped
public class MessageDelivery {

    private static final Logger LOG = Logger.getLogger(MessageDelivery.class);
    private static final Predicate<String> ADDRESS = EmailAddress::isValid; // the platform's one rule

    private final DeliveryRepository deliveries;
    private final DeliveryRecords records;
    private final EmailComposer composer;
    private final SmtpGateway smtp;
    private final PersonalLinks links;
    private final NotificationConfig config;
    private final Clock clock;
    private final DeliveryDecision.Rules rules;
    private final MeterRegistry registry;
    private final EmailOutcomes emails;
    private final String holder;
    private final Pauses pauses;
    private final Vertx vertx;
    private volatile boolean stopping;

    public MessageDelivery(DeliveryRepository deliveries, DeliveryRecords records, EmailComposer composer,
                           SmtpGateway smtp, PersonalLinks links, NotificationConfig config, Clock clock,
                           ReminderPolicies policies, MeterRegistry registry, EmailOutcomes emails,
                           InstanceIdentity instance, Pauses pauses, Vertx vertx) {
        this.deliveries = deliveries;
        this.records = records;
        this.composer = composer;
        this.smtp = smtp;
        this.links = links;
        this.config = config;
        this.clock = clock;
        this.rules = new DeliveryDecision.Rules(policies.reminderPolicy(), new RetryPolicy(
                config.sender().firstBackoff(), config.sender().maxBackoff(), config.sender().maxAttempts()),
                config.sender().waitForDirectory());
        this.registry = registry;
        this.emails = emails;
        this.holder = instance.id();
        this.pauses = pauses;
        this.vertx = vertx;
    }

    /** From the end of the sender's drain at a stop ({@link DispatchLoop}): recording SENT is no longer retried. */
    void stopWaitingForTheDatabase() {
        stopping = true;
    }

    /**
     * The claim is renewed just before the message, so the lease only has to outlast one message rather than a whole
     * batch: it can stay short, and the intents of a crashed sender come back soon. Nothing is sent when the claim was
     * lost meanwhile (or the intent is no longer pending).
     */
    public Uni<Void> deliver(UUID id) {
        return deliveries.renewClaimAndLoad(id, holder, config.sender().claimLease())
                .chain(loaded -> loaded == null ? Uni.createFrom().voidItem() : deliver(loaded));
    }

    /**
     * The delivery runs in the trace of the event that created the intent (its stored traceparent), however much later
     * it comes: its statements, its "smtp send" span and the NotificationSent row it appends belong to that trace.
     * The lane's context is new for each delivery (DispatchLoop), so the context made current here leaves with it.
     */
    private Uni<Void> deliver(DeliveryRepository.Loaded loaded) {
        io.opentelemetry.context.Context intentTrace = TraceContexts.parent(loaded.notification().traceParent);
        if (intentTrace == null) {
            return deliverInItsTrace(loaded);
        }
        Scope scope = intentTrace.makeCurrent();
        return deliverInItsTrace(loaded).onTermination().invoke(scope::close);
    }

    private Uni<Void> deliverInItsTrace(DeliveryRepository.Loaded loaded) {
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
                detail = MessageContexts.detail(n, kind);
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
            return records.otherEmails(n.id, n.invitationId).chain(others -> {
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
            return records.markWaiting(n.id, holder, wait.until(), wait.reason().text());
        }
        if (decision instanceof DeliveryDecision.Cancel cancel) {
            return records.markFinal(n.id, holder, DeliveryStatus.CANCELLED, cancel.reason().text());
        }
        if (decision instanceof DeliveryDecision.Skip skip) {
            return records.markFinal(n.id, holder, DeliveryStatus.SKIPPED, skip.reason().text());
        }
        if (decision instanceof DeliveryDecision.Fail fail) {
            return failed(n, c.language, fail.reason().text(), null);
        }
        throw new IllegalArgumentException("not a decision to record before sending: " + decision);
    }

    private Uni<Void> compose(NotificationEntity n, ContactEntity c, DeliveryRepository.Loaded loaded,
                              MessageKind kind, Object detail, String link, Instant now) {
        NotificationRepository.CalendarTimes times = loaded.calendarTimes();
        MessageContext.CalendarRef calendar = n.calendarUid == null || n.calendarSequence == null
                || n.calendarMethod == null ? null
                : new MessageContext.CalendarRef(n.calendarUid, n.calendarSequence, n.calendarMethod, times.start(),
                times.end(), times.firstDay(), times.lastDay());
        MessageContext context = new MessageContext(kind, MessageContexts.recipient(c),
                MessageContexts.letter(loaded.letter()), MessageContexts.forum(loaded.forum()), detail, link, now,
                calendar);
        return composer.compose(context).map(composed -> send(n, c, composed))
                .orElseGet(() -> {
                    registry.counter("wsis.notifications.no.template", "kind", kind.name(),
                            "language", String.valueOf(c.language)).increment();
                    return failed(n, c.language, "no-template: no text in the recipient's language nor in any fallback",
                            MessageContexts.language(c.language));
                });
    }

    private Uni<Void> send(NotificationEntity n, ContactEntity c, EmailComposer.Composed composed) {
        String messageId = IntentKeys.messageId(n.intentKey, c.email, config.messageIdDomain());
        MailMessage mail = new MailMessage()
                .setFrom(config.from())
                .setTo(List.of(c.email))
                .setSubject(composed.subject())
                .setText(composed.text())
                .setHtml(composed.html())
                .setHeaders(MultiMap.caseInsensitiveMultiMap()
                        .add("Message-ID", messageId)
                        .add("Content-Language", composed.language().used().code()));
        composed.calendar().ifPresent(ics -> mail.setAttachment(List.of(MailAttachment.create()
                .setName(ics.fileName())
                .setContentType(ics.contentType())
                .setDisposition("attachment")
                .setData(Buffer.buffer(ics.content())))));
        List<String> cc = MessageContexts.cc(c).stream().filter(ADDRESS).toList();
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
        return smtp.send(mail, n, context)
                .onTermination().invoke(() -> vertx.cancelTimer(heartbeat))
                .onItemOrFailure().transformToUni((accepted, failure) -> {
                    if (failure != null) {
                        return smtpFailure(n, c.language, failure);
                    }
                    registry.counter("wsis.notifications.sent", "kind", n.kind).increment();
                    emails.record(n.kind, composed.language().used().code(), EmailOutcomes.Outcome.SENT);
                    return recordSent(n, c.email, messageId, composed.language(), context, 0);
                });
    }

    /** Renews the claim every third of the lease, on its own connection, until cancelled. */
    private long startHeartbeat(UUID id) {
        long every = Math.max(1000, config.sender().claimLease().toMillis() / 3);
        return vertx.setPeriodic(every, timer -> deliveries.renewClaim(id, holder, config.sender().claimLease())
                .subscribe().with(held -> {
                    if (!held) {
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
        return records.markSent(n.id, n.invitationId, n.kind, holder, recipient, messageId, language)
                .invoke(record -> {
                    if (record == DeliveryRepository.SentRecord.RECORDED_AFTER_CLAIM_LOST) {
                        registry.counter("wsis.notifications.sent.after.claim.lost").increment();
                    } else if (record == DeliveryRepository.SentRecord.ALREADY_FINAL) {
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
        SmtpGateway.Failure classified = smtp.classify(failure);
        DeliveryDecision decision = rules.afterFailedAttempt(classified.permanent(), n.attempts, clock.instant());
        if (decision instanceof DeliveryDecision.Retry retry) {
            registry.counter("wsis.notifications.retries", "kind", n.kind).increment();
            emails.record(n.kind, language, EmailOutcomes.Outcome.RETRIED);
            return records.markRetry(n.id, holder, retry.at(), classified.reason());
        }
        if (decision instanceof DeliveryDecision.Fail fail && fail.reason() == DeliveryDecision.Reason.GAVE_UP) {
            return failed(n, language, classified.reason() + "; gave up after " + n.attempts + " attempts", null);
        }
        return failed(n, language, classified.reason(), null);
    }

    /** {@code language}: the recipient's (a code, or null when the directory has none), for the outcome counter. */
    private Uni<Void> failed(NotificationEntity n, String language, String reason, Language requested) {
        registry.counter("wsis.notifications.failed", "kind", n.kind).increment();
        emails.record(n.kind, language, EmailOutcomes.Outcome.FAILED);
        LOG.warnf("Notification %s (%s) failed: %s", n.id, n.kind, reason.startsWith("smtp") ? "smtp" : reason);
        return records.markFailed(n.id, holder, reason, requested);
    }

    private static DeliveryDecision.ReminderFacts reminderFacts(ContactEntity c, MessageContext.Reminder reminder) {
        return new DeliveryDecision.ReminderFacts(ReminderSweep.openInvitation(c),
                ReminderPolicy.DeadlineType.valueOf(reminder.deadlineType()), reminder.deadline());
    }

    /** Signed now, for this email only: the token is neither stored nor logged. */
    private String link(ContactEntity c, Instant now) {
        if (c.linkVersion == null || c.linkExpiresAt == null || !now.isBefore(c.linkExpiresAt)) {
            return null;
        }
        return config.linkBaseUrl() + links.sign(new LinkClaims(c.invitationId, c.linkVersion, c.linkExpiresAt));
    }
}
