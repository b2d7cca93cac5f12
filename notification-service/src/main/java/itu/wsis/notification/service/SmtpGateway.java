package itu.wsis.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.ext.mail.SMTPException;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.repository.NotificationEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeoutException;

/**
 * The SMTP dialogue of one message: the mailer's call on the one SMTP event loop, bounded by the SMTP timeout, as the
 * {@code smtp send} span; and what a failed dialogue means (permanent, transient or of unknown outcome).
 */
@ApplicationScoped
public class SmtpGateway {

    /** A failed dialogue: whether the server refused the message for good, and the reason the log keeps. */
    public record Failure(boolean permanent, String reason) {
    }

    private final ReactiveMailer mailer;
    private final Tracer tracer;
    private final MeterRegistry registry;
    private final NotificationConfig config;
    private final Vertx vertx;
    private volatile ContextInternal smtpLoop;

    public SmtpGateway(ReactiveMailer mailer, Tracer tracer, MeterRegistry registry, NotificationConfig config,
                       Vertx vertx) {
        this.mailer = mailer;
        this.tracer = tracer;
        this.registry = registry;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Sends {@code mail} for intent {@code n}, on the SMTP loop, and comes back on {@code context} (the caller's, if
     * any). Fails when the server refuses it, the connection fails, or no reply comes within the SMTP timeout (a
     * {@link TimeoutException}).
     */
    public Uni<Void> send(Mail mail, NotificationEntity n, Context context) {
        Span span = smtpSpan(n);
        Uni<Void> dialogue = EventLoops.onNewDuplicate(smtpLoop(), () -> mailer.send(mail));
        return EventLoops.backOn(context, dialogue)
                .ifNoItem().after(config.sender().smtpTimeout()).fail()
                .onItemOrFailure().invoke((accepted, failure) -> endSmtpSpan(span, failure));
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
        if (failure instanceof TimeoutException) {
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
