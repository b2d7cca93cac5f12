package itu.wsis.notification.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Language;
import itu.wsis.events.NotificationFailed;
import itu.wsis.events.NotificationSent;
import itu.wsis.notification.domain.CalendarUids;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.domain.LanguageFallbackPolicy;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.repository.CircularLetterRecord;
import itu.wsis.notification.repository.ContactRecord;
import itu.wsis.notification.repository.ForumEditionRecord;
import itu.wsis.notification.repository.NotificationRecord;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Duration;
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
                         ForumEditionRecord forum, NotificationRepository.CalendarTimes calendarTimes) {
    }

    private final NotificationRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    public DeliveryStore(NotificationRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What recording a sent message found: whether this sender still held the intent, or it was final already. */
    public enum SentRecord { RECORDED, RECORDED_AFTER_CLAIM_LOST, ALREADY_FINAL }

    @WithTransaction
    public Uni<List<NotificationRepository.Claim>> claim(String holder, Instant businessNow, Duration lease, int limit) {
        return repository.claimDue(holder, businessNow, lease.toMillis(), limit);
    }

    /**
     * Renews {@code holder}'s claim on the intent for one more lease, then reads it with its directory entries, one
     * statement after the other on the one session. Null when the claim was lost to another instance (or the
     * intent is no longer pending): the caller must not send it.
     */
    @WithTransaction
    public Uni<Loaded> renewClaimAndLoad(UUID id, String holder, Duration lease) {
        return repository.renewClaim(id, holder, lease.toMillis())
                .chain(held -> held ? load(id) : Uni.createFrom().nullItem());
    }

    private Uni<Loaded> load(UUID id) {
        return NotificationRecord.<NotificationRecord>findById(id).chain(n -> {
            if (n == null) {
                return Uni.createFrom().nullItem();
            }
            Uni<NotificationRepository.CalendarTimes> times = n.calendarUid == null
                    ? Uni.createFrom().item(NotificationRepository.CalendarTimes.NONE)
                    : repository.calendarTimes(n.calendarUid);
            return times.chain(t -> ContactRecord.<ContactRecord>findById(n.invitationId).chain(c -> {
                if (c == null || c.letterId == null) {
                    return Uni.createFrom().item(new Loaded(n, c, null, null, t));
                }
                return CircularLetterRecord.<CircularLetterRecord>findById(c.letterId)
                        .chain(l -> ForumEditionRecord.<ForumEditionRecord>findById(c.forumId)
                                .map(f -> new Loaded(n, c, l, f, inPersonWeekIfUnrecorded(n, t, f))));
            }));
        });
    }

    /**
     * An in-person entry recorded while its invitation or forum edition was not yet known here (events from different
     * topics arrive in any order) has no days of its own; its publication took them from the forum edition when it
     * was sent, so its cancellation takes them from there too, rather than go without the calendar entry.
     */
    private static NotificationRepository.CalendarTimes inPersonWeekIfUnrecorded(
            NotificationRecord n, NotificationRepository.CalendarTimes recorded, ForumEditionRecord forum) {
        if (recorded.known() || forum == null || forum.inPersonStart == null || forum.inPersonEnd == null
                || !CalendarUids.isInPerson(n.calendarUid)) {
            return recorded;
        }
        return new NotificationRepository.CalendarTimes(null, null, forum.inPersonStart, forum.inPersonEnd);
    }

    /**
     * The SMTP server accepted the message: that is a fact, so it is recorded even if {@code holder} lost its claim
     * meanwhile (a database outage longer than the lease); the other holder's renewal then fails and it does not
     * send the message again. Only an intent already final (sent by the other holder, or cancelled) is left as is.
     */
    @WithTransaction
    public Uni<SentRecord> markSent(UUID id, String holder, String recipient, String messageId,
                                    LanguageFallbackPolicy.Resolution language) {
        return locked(id).chain(n -> {
            // A revocation cancels what is pending, but not a message whose dialogue was running: the server took it,
            // so the log says SENT (and the invitee then gets the revocation notice, see revocationNotice).
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

    /** Once a revocation notice is final, the revoked invitation's personal data goes (see DirectoryService). */
    private Uni<Void> afterFinal(NotificationRecord n) {
        return MessageKind.INVITATION_REVOKED.name().equals(n.kind)
                ? repository.eraseRevoked(n.invitationId, clock.instant())
                : Uni.createFrom().voidItem();
    }

    /** What the sender does with a revocation notice now. */
    public enum RevocationNotice { SEND, WAIT, SKIP }

    /**
     * A revocation notice goes to someone who received an email about the invitation (else it would be the first
     * they hear of it, and a confusing one), and only once no other email of the invitation is still in an SMTP
     * dialogue: one cancelled by the revocation may still be accepted by the server, and then it counts as received.
     */
    @WithTransaction
    public Uni<RevocationNotice> revocationNotice(UUID id, UUID invitationId) {
        return repository.anotherInFlight(invitationId, id).chain(inFlight -> inFlight
                ? Uni.createFrom().item(RevocationNotice.WAIT)
                : repository.anySent(invitationId).map(sent -> sent ? RevocationNotice.SEND : RevocationNotice.SKIP));
    }

    /** A transient failure: keep the intent pending until {@code nextAttemptAt}, and let go of it. */
    @WithTransaction
    public Uni<Void> markRetry(UUID id, String holder, Instant nextAttemptAt, String reason) {
        return heldBy(id, holder).invoke(n -> {
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
        return heldBy(id, holder).invoke(n -> {
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
        return heldBy(id, holder).chain(n -> {
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
        return heldBy(id, holder).chain(n -> {
            if (n == null) {
                return Uni.createFrom().voidItem();
            }
            n.status = status.name();
            n.lastError = reason;
            release(n);
            return afterFinal(n);
        });
    }

    /** The row, locked for this transaction, so that the check and the change are one compare-and-set. */
    private static Uni<NotificationRecord> locked(UUID id) {
        return NotificationRecord.<NotificationRecord>findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The row if it is still pending and {@code holder} still holds it; otherwise null, and nothing may change. */
    private static Uni<NotificationRecord> heldBy(UUID id, String holder) {
        return locked(id).map(n -> n != null && DeliveryStatus.PENDING.name().equals(n.status)
                && holder.equals(n.claimedBy) ? n : null);
    }

    private static void release(NotificationRecord n) {
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
