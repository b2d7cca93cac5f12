package itu.wsis.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.repository.NotificationEntity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SMTP dialogue of one message: the mail client's call on the one SMTP event loop, bounded by the SMTP timeout, as
 * the {@code smtp send} span; and what a failed dialogue means (permanent, transient or of unknown outcome).
 * <p>
 * The client is Vert.x's mail client configured by Quarkus's mailer ({@code quarkus.mailer.*}: server, TLS,
 * credentials, pool), with one setting added that the mailer does not offer: a connection on which nothing is read or
 * written for the SMTP timeout is closed. Without it, a dialogue the server never answers (a hung relay, a connection
 * a firewall forgot) keeps its pooled connection for ever after the sender has given up on it; once as many as the
 * pool holds have, no message goes out again until the service restarts. And no more dialogues are started than the
 * pool has connections: the others wait in {@link SmtpConnectionSlots}, which they leave when the sender gives up on
 * them, rather than in the client's own queue, from which a dialogue given up on would still go later, a second copy
 * of a message the sender has scheduled again (SmtpSilenceTest checks both). Its connections put each message's data
 * on the wire in a few writes rather than one per line ({@link SmtpDataBatching}).
 */
@ApplicationScoped
public class SmtpGateway {

    /** A failed dialogue: whether the server refused the message for good, and the reason the log keeps. */
    public record Failure(boolean permanent, String reason) {
    }

    private final MailClient client;
    private final SmtpConnectionSlots connections;
    private final Tracer tracer;
    private final MeterRegistry registry;
    private final NotificationConfig config;
    private final Vertx vertx;
    private volatile ContextInternal smtpLoop;

    public SmtpGateway(MailClient configuredByQuarkus, Tracer tracer, MeterRegistry registry,
                       NotificationConfig config, Vertx vertx) {
        MailConfig ours = closingSilentConnections(configuredByQuarkus, config.sender().smtpTimeout());
        this.client = SmtpDataBatchingNetClient.install(MailClient.create(vertx, ours));
        this.connections = new SmtpConnectionSlots(ours.getMaxPoolSize());
        this.tracer = tracer;
        this.registry = registry;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Sends {@code mail} for intent {@code n}, on the SMTP loop, and comes back on {@code context} (the caller's, if
     * any). Fails when the server refuses it, the connection fails, no reply comes within the SMTP timeout (Mutiny's
     * {@link io.smallrye.mutiny.TimeoutException}, which is not the JDK's), or no connection was free for it by then
     * ({@link NoConnectionFree}: never started). At most as many dialogues run at once as the pool has connections
     * ({@link SmtpConnectionSlots}).
     */
    public Uni<Void> send(MailMessage mail, NotificationEntity n, Context context) {
        Span span = smtpSpan(n);
        AtomicBoolean started = new AtomicBoolean();
        Uni<Void> dialogue = EventLoops.onNewDuplicateUntilGivenUp(smtpLoop(), () -> connections.whenFree(() -> {
            started.set(true);
            return client.sendMail(mail);
        }).replaceWithVoid());
        return EventLoops.backOn(context, dialogue)
                .ifNoItem().after(config.sender().smtpTimeout())
                .failWith(() -> started.get() ? new io.smallrye.mutiny.TimeoutException() : new NoConnectionFree())
                .onItemOrFailure().invoke((accepted, failure) -> endSmtpSpan(span, failure));
    }

    /** The SMTP timeout ran out before a connection was free: the dialogue never started, nothing was sent. */
    public static final class NoConnectionFree extends RuntimeException {
        NoConnectionFree() {
            super("no SMTP connection free within the SMTP timeout", null, false, false);
        }
    }

    /**
     * Quarkus's configuration of the client, with connections closed after {@code silence} without a byte either way.
     * The mailer keeps the configuration it built inside the client it made, so it is read from there; a change of
     * that class fails the service's start here, not its first silent server.
     */
    static MailConfig closingSilentConnections(MailClient configuredByQuarkus, Duration silence) {
        MailConfig built;
        try {
            java.lang.reflect.Field field = configuredByQuarkus.getClass().getDeclaredField("config");
            field.setAccessible(true);
            built = (MailConfig) field.get(configuredByQuarkus);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot read the mail client's configuration from "
                    + configuredByQuarkus.getClass().getName() + " (Vert.x mail client changed?)", e);
        }
        // The client's pool rewrote the check of the server's name in the configuration when it was made: "HTTPS"
        // if none was set and TLS is used without trust-all, otherwise none, even over one that was set. Given its
        // own result back, the new pool would turn the check off; left unset, it decides again as the first did.
        return new MailConfig(built)
                .setHostnameVerificationAlgorithm("")
                .setIdleTimeout(Math.toIntExact(Math.max(1, silence.toMillis())))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        client.close();
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
                    loop = EventLoops.create(vertx);
                    smtpLoop = loop;
                }
            }
        }
        return loop;
    }

    /**
     * The SMTP dialogue as a CLIENT span in the intent's trace (the current context, see MessageDelivery.deliver).
     * What it carries names the intent and its kind, never the recipient: no address, no name (docs/tracing.md).
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

    /** What a failed dialogue means, as its reason for the log: the reply code, never the server's text. */
    public Failure classify(Throwable failure) {
        SMTPException smtp = smtpException(failure);
        if (smtp != null && smtp.isPermanent()) {
            return new Failure(true, "smtp " + smtp.getReplyCode() + ": permanent failure");
        }
        if (smtp != null) {
            return new Failure(false, "smtp " + smtp.getReplyCode() + ": transient failure");
        }
        if (failure instanceof NoConnectionFree) {
            return new Failure(false, "smtp: no connection free within " + config.sender().smtpTimeout()
                    + ": not sent");
        }
        if (failure instanceof io.smallrye.mutiny.TimeoutException
                || failure instanceof java.util.concurrent.TimeoutException) {
            // The server may have accepted the message without replying: the next attempt can be a second copy,
            // with the same Message-ID (the documented window).
            registry.counter("wsis.notifications.smtp.outcome.unknown").increment();
            return new Failure(false, "smtp gave no reply within " + config.sender().smtpTimeout()
                    + ": outcome unknown");
        }
        return new Failure(false, "smtp unavailable: " + failure.getClass().getSimpleName());
    }

    private static SMTPException smtpException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }
}
