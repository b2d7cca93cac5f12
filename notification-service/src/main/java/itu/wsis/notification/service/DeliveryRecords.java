package itu.wsis.notification.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Language;
import itu.wsis.events.NotificationFailed;
import itu.wsis.events.NotificationSent;
import itu.wsis.notification.domain.DeliveryDecision;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.domain.LanguageFallbackPolicy;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.repository.DeliveryRepository;
import itu.wsis.notification.repository.DeliveryRepository.SentRecord;
import itu.wsis.notification.repository.NotificationEntity;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records what became of a claimed intent, each in one short transaction after (or instead of) its SMTP dialogue:
 * sent, to be retried, waiting, failed, skipped or cancelled. Every change is a compare-and-set on the claim's holder.
 * SENT is the single statement of {@link DeliveryRepository#markSent}, but for a revocation notice.
 */
@ApplicationScoped
public class DeliveryRecords {

    private final DeliveryRepository deliveries;
    private final NotificationRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    public DeliveryRecords(DeliveryRepository deliveries, NotificationRepository repository, Outbox outbox,
                           Clock clock) {
        this.deliveries = deliveries;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The SMTP server accepted the message: that is a fact, so it is recorded even if {@code holder} lost its claim
     * meanwhile (a database outage longer than the lease); the other holder's renewal then fails and it does not
     * send the message again. Only an intent already final (sent by the other holder, or cancelled) is left as is.
     */
    public Uni<SentRecord> markSent(UUID id, String holder, String recipient, String messageId,
                                    LanguageFallbackPolicy.Resolution language) {
        return deliveries.intent(id).chain(intent -> intent == null ? Uni.createFrom().item(SentRecord.ALREADY_FINAL)
                : markSent(id, intent.invitationId(), intent.kind(), holder, recipient, messageId, language));
    }

    /**
     * As {@link #markSent(UUID, String, String, String, LanguageFallbackPolicy.Resolution)}, for the sender, which
     * knows the intent's invitation and kind: one statement, or for a revocation notice the ORM transaction that
     * also erases the revoked invitation's personal data.
     */
    public Uni<SentRecord> markSent(UUID id, UUID invitationId, String kind, String holder, String recipient,
                                    String messageId, LanguageFallbackPolicy.Resolution language) {
        if (MessageKind.INVITATION_REVOKED.name().equals(kind)) {
            return markSentWithErasure(id, holder, recipient, messageId, language);
        }
        return deliveries.markSent(id, invitationId, kind, holder, recipient, messageId, language);
    }

    /** The ORM transaction, for a revocation notice: SENT, its event, and the erasure it allows. */
    @WithTransaction
    public Uni<SentRecord> markSentWithErasure(UUID id, String holder, String recipient, String messageId,
                                               LanguageFallbackPolicy.Resolution language) {
        return deliveries.locked(id).chain(n -> {
            // A revocation cancels what is pending, but not a message whose dialogue was running: the server took it,
            // so the log says SENT (and the invitee then gets the revocation notice, see otherEmails).
            boolean cancelledWhileSending = n != null && DeliveryStatus.CANCELLED.name().equals(n.status)
                    && holder.equals(n.claimedBy);
            if (n == null || !(DeliveryStatus.PENDING.name().equals(n.status) || cancelledWhileSending)) {
                return Uni.createFrom().item(SentRecord.ALREADY_FINAL);
            }
            SentRecord record = holder.equals(n.claimedBy) ? SentRecord.RECORDED : SentRecord.RECORDED_AFTER_CLAIM_LOST;
            Instant now = clock.instant();
            n.status = DeliveryStatus.SENT.name();
            n.recipient = recipient;
            n.messageId = messageId;
            n.requestedLanguage = language.requested() == null ? null : language.requested().code();
            n.language = language.used().code();
            n.languageFallback = language.fallback();
            n.sentAt = now;
            n.lastError = null;
            release(n);
            return outbox.append(new NotificationSent(UUID.randomUUID(), now, n.invitationId, n.id, n.kind,
                    language.used(), messageId)).call(() -> afterFinal(n)).replaceWith(record);
        });
    }

    /** Once a revocation notice is final, the revoked invitation's personal data goes (see DirectoryProjection). */
    private Uni<Void> afterFinal(NotificationEntity n) {
        return MessageKind.INVITATION_REVOKED.name().equals(n.kind)
                ? repository.eraseRevoked(n.invitationId, clock.instant())
                : Uni.createFrom().voidItem();
    }

    /**
     * What a revocation notice waits on (DeliveryDecision.Rules.revocationNotice decides): whether another email of
     * the invitation is still in an SMTP dialogue, else whether one was sent.
     */
    @WithTransaction
    public Uni<DeliveryDecision.OtherEmails> otherEmails(UUID id, UUID invitationId) {
        return repository.anotherInFlight(invitationId, id).chain(inFlight -> inFlight
                ? Uni.createFrom().item(DeliveryDecision.OtherEmails.ONE_STILL_BEING_SENT)
                : repository.anySent(invitationId).map(sent -> sent ? DeliveryDecision.OtherEmails.ONE_SENT
                        : DeliveryDecision.OtherEmails.NONE_SENT));
    }

    /** A transient failure: keep the intent pending until {@code nextAttemptAt}, and let go of it. */
    @WithTransaction
    public Uni<Void> markRetry(UUID id, String holder, Instant nextAttemptAt, String reason) {
        return deliveries.heldBy(id, holder).invoke(n -> {
            if (n != null) {
                n.nextAttemptAt = nextAttemptAt;
                n.lastError = truncate(reason);
                release(n);
            }
        }).replaceWithVoid();
    }

    /** The directory does not know the invitation, letter or forum yet: wait without counting an attempt. */
    @WithTransaction
    public Uni<Void> markWaiting(UUID id, String holder, Instant nextAttemptAt, String reason) {
        return deliveries.heldBy(id, holder).invoke(n -> {
            if (n != null) {
                n.nextAttemptAt = nextAttemptAt;
                n.attempts = Math.max(0, n.attempts - 1);
                n.lastError = reason;
                release(n);
            }
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> markFailed(UUID id, String holder, String reason, Language requested) {
        return deliveries.heldBy(id, holder).chain(n -> {
            if (n == null) {
                return Uni.createFrom().voidItem();
            }
            n.status = DeliveryStatus.FAILED.name();
            n.lastError = truncate(reason);
            if (requested != null) {
                n.requestedLanguage = requested.code();
            }
            release(n);
            return outbox.append(new NotificationFailed(UUID.randomUUID(), clock.instant(), n.invitationId, n.id,
                    n.kind, truncate(reason))).call(() -> afterFinal(n));
        });
    }

    /** SKIPPED or CANCELLED: a decision, not an error; no event. */
    @WithTransaction
    public Uni<Void> markFinal(UUID id, String holder, DeliveryStatus status, String reason) {
        return deliveries.heldBy(id, holder).chain(n -> {
            if (n == null) {
                return Uni.createFrom().voidItem();
            }
            n.status = status.name();
            n.lastError = reason;
            release(n);
            return afterFinal(n);
        });
    }

    private static void release(NotificationEntity n) {
        n.claimedBy = null;
        n.claimedUntil = null;
    }

    private static String truncate(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }
}
