package itu.wsis.notification.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Language;
import itu.wsis.events.NotificationFailed;
import itu.wsis.events.NotificationSent;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.domain.LanguageFallbackPolicy;
import itu.wsis.notification.repository.CircularLetterRecord;
import itu.wsis.notification.repository.ContactRecord;
import itu.wsis.notification.repository.ForumEditionRecord;
import itu.wsis.notification.repository.NotificationRecord;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The sender's short transactions: claim, read, record the outcome. The email itself is sent between them, never
 * inside one, so that a slow SMTP server holds no row lock and no connection.
 */
@ApplicationScoped
public class DeliveryStore {

    /** One intent with what the directory knows about it; any of the last three may still be missing. */
    public record Loaded(NotificationRecord notification, ContactRecord contact, CircularLetterRecord letter,
                         ForumEditionRecord forum) {
    }

    private final NotificationRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    public DeliveryStore(NotificationRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<List<UUID>> claim(Instant now, Instant leaseUntil, int limit) {
        return repository.claimDue(now, leaseUntil, limit);
    }

    /**
     * Renews this sender's claim on the intent for one more lease, then reads it with its directory entries, one
     * statement after the other on the one session. Null when the claim was lost to another instance (or the
     * intent is gone): the caller must not send it.
     */
    @WithTransaction
    public Uni<Loaded> renewClaimAndLoad(UUID id, Instant heldLease, Instant newLease) {
        return repository.renewClaim(id, heldLease, newLease)
                .chain(held -> held ? load(id) : Uni.createFrom().nullItem());
    }

    private static Uni<Loaded> load(UUID id) {
        return NotificationRecord.<NotificationRecord>findById(id).chain(n -> {
            if (n == null) {
                return Uni.createFrom().nullItem();
            }
            return ContactRecord.<ContactRecord>findById(n.invitationId).chain(c -> {
                if (c == null || c.letterId == null) {
                    return Uni.createFrom().item(new Loaded(n, c, null, null));
                }
                return CircularLetterRecord.<CircularLetterRecord>findById(c.letterId)
                        .chain(l -> ForumEditionRecord.<ForumEditionRecord>findById(c.forumId)
                                .map(f -> new Loaded(n, c, l, f)));
            });
        });
    }

    @WithTransaction
    public Uni<Void> markSent(UUID id, String recipient, String messageId, LanguageFallbackPolicy.Resolution language) {
        return pending(id).chain(n -> {
            if (n == null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            n.status = DeliveryStatus.SENT.name();
            n.recipient = recipient;
            n.messageId = messageId;
            n.requestedLanguage = language.requested() == null ? null : language.requested().code();
            n.language = language.used().code();
            n.languageFallback = language.fallback();
            n.sentAt = now;
            n.lastError = null;
            return outbox.append(new NotificationSent(UUID.randomUUID(), now, n.invitationId, n.id, n.kind,
                    language.used(), messageId));
        });
    }

    /** A transient failure: keep the intent pending until {@code nextAttemptAt}. */
    @WithTransaction
    public Uni<Void> markRetry(UUID id, Instant nextAttemptAt, String reason) {
        return pending(id).invoke(n -> {
            if (n != null) {
                n.nextAttemptAt = nextAttemptAt;
                n.lastError = truncate(reason);
            }
        }).replaceWithVoid();
    }

    /** The directory does not know the invitation, letter or forum yet: wait without counting an attempt. */
    @WithTransaction
    public Uni<Void> markWaiting(UUID id, Instant nextAttemptAt, String reason) {
        return pending(id).invoke(n -> {
            if (n != null) {
                n.nextAttemptAt = nextAttemptAt;
                n.attempts = Math.max(0, n.attempts - 1);
                n.lastError = reason;
            }
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> markFailed(UUID id, String reason, Language requested) {
        return pending(id).chain(n -> {
            if (n == null) {
                return Uni.createFrom().voidItem();
            }
            n.status = DeliveryStatus.FAILED.name();
            n.lastError = truncate(reason);
            if (requested != null) {
                n.requestedLanguage = requested.code();
            }
            return outbox.append(new NotificationFailed(UUID.randomUUID(), clock.instant(), n.invitationId, n.id,
                    n.kind, truncate(reason)));
        });
    }

    /** SKIPPED or CANCELLED: a decision, not an error; no event. */
    @WithTransaction
    public Uni<Void> markFinal(UUID id, DeliveryStatus status, String reason) {
        return pending(id).invoke(n -> {
            if (n != null) {
                n.status = status.name();
                n.lastError = reason;
            }
        }).replaceWithVoid();
    }

    private static Uni<NotificationRecord> pending(UUID id) {
        return NotificationRecord.<NotificationRecord>findById(id)
                .map(n -> n != null && DeliveryStatus.PENDING.name().equals(n.status) ? n : null);
    }

    private static String truncate(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }
}
