package itu.wsis.notification.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.Actor;
import itu.wsis.events.NotificationResent;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.DeliveryStatus;
import itu.wsis.notification.domain.IntentKeys;
import itu.wsis.notification.domain.MessageKind;
import itu.wsis.notification.repository.ContactEntity;
import itu.wsis.notification.repository.NotificationEntity;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.support.outbox.Outbox;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The delivery log as ops see it, and the resend. */
@ApplicationScoped
public class DeliveryLog {

    private static final Logger LOG = Logger.getLogger(DeliveryLog.class);

    public record Entry(UUID id, UUID invitationId, String kind, String status, String recipient,
                        String requestedLanguage, String language, boolean languageFallback, String messageId,
                        int attempts, Instant nextAttemptAt, String lastError, UUID resendOf, Instant createdAt,
                        Instant sentAt) {
    }

    public record Filter(UUID invitationId, String recipient, String kind, String status, Instant from, Instant to) {
    }

    public record PageOf(List<Entry> items, int page, int size, long total) {
    }

    private final NotificationRepository repository;
    private final Outbox outbox;
    private final Clock clock;
    private final RateLimiter resendLimiter;

    public DeliveryLog(NotificationRepository repository, Outbox outbox, Clock clock, NotificationConfig config) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
        this.resendLimiter = new RateLimiter(config.resendsPerMinute(), Duration.ofMinutes(1), 10_000);
    }

    @WithSession
    public Uni<PageOf> search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.invitationId() != null) {
            where.add("invitationId = :invitation");
            params.and("invitation", filter.invitationId());
        }
        if (filter.recipient() != null && !filter.recipient().isBlank()) {
            where.add("lower(recipient) = :recipient");
            params.and("recipient", filter.recipient().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.kind() != null && !filter.kind().isBlank()) {
            where.add("kind = :kind");
            params.and("kind", parse(MessageKind.class, "kind", filter.kind()).name());
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            where.add("status = :status");
            params.and("status", parse(DeliveryStatus.class, "status", filter.status()).name());
        }
        if (filter.from() != null) {
            where.add("createdAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("createdAt < :to");
            params.and("to", filter.to());
        }
        String query = "from NotificationEntity" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by createdAt desc, id";
        var found = NotificationEntity.<NotificationEntity>find(query, params);
        // Count first, then the page: one operation at a time on the session.
        return found.count().chain(total -> found.page(page, size).list()
                .map(rows -> new PageOf(rows.stream().map(DeliveryLog::entry).toList(), page, size, total)));
    }

    @WithSession
    public Uni<Entry> get(UUID id) {
        return NotificationEntity.<NotificationEntity>findById(id).map(n -> {
            if (n == null) {
                throw ProblemException.notFound("notification-not-found", "No notification " + id + ".");
            }
            return entry(n);
        });
    }

    /**
     * A resend is a new intent (its own key, its own Message-ID) copied from the original, so the original's log row
     * stays as it was. Rate-limited per operator, and logged with ids only. NotificationResent, written with the
     * intent, tells the audit trail who asked (docs/audit.md); the operator is the staff actor of the request.
     */
    @WithTransaction
    public Uni<UUID> resend(UUID id, Actor operator) {
        try {
            resendLimiter.acquire("resend:" + operator.subject());
        } catch (ProblemException tooMany) {
            return Uni.createFrom().failure(tooMany);
        }
        return NotificationEntity.<NotificationEntity>findById(id).chain(original -> {
            if (original == null) {
                return Uni.createFrom().failure(ProblemException.notFound("notification-not-found",
                        "No notification " + id + "."));
            }
            if (DeliveryStatus.CANCELLED.name().equals(original.status)) {
                return Uni.createFrom().failure(ProblemException.conflict("notification-cancelled",
                        "The invitation was revoked or its personal data erased: nothing can be resent."));
            }
            return ContactEntity.<ContactEntity>findById(original.invitationId).chain(contact -> {
                if (contact != null && contact.erasedAt != null) {
                    // Revoked, erased on request or past retention: there is no address, and none may return.
                    return Uni.createFrom().<UUID>failure(ProblemException.conflict("personal-data-erased",
                            "The personal data of this invitation has been erased: nothing can be resent."));
                }
                if (contact != null && contact.revokedAt != null
                        && !MessageKind.INVITATION_REVOKED.name().equals(original.kind)) {
                    return Uni.createFrom().<UUID>failure(ProblemException.conflict("invitation-revoked",
                            "The invitation was revoked: only its revocation notice can be resent."));
                }
                return newIntent(original, operator);
            });
        });
    }

    private Uni<UUID> newIntent(NotificationEntity original, Actor operator) {
        UUID resendId = UUID.randomUUID();
        Instant now = clock.instant();
        // A resent calendar entry is the same entry: same uid, sequence and method, so a calendar takes it once.
        return repository.insertIntent(resendId, IntentKeys.forResend(original.id, resendId), original.invitationId,
                original.kind, original.payload, now, original.id,
                NotificationRepository.CalendarRef.of(original.calendarUid, original.calendarSequence,
                        original.calendarMethod))
                .chain(() -> outbox.append(new NotificationResent(UUID.randomUUID(), now, original.invitationId,
                        resendId, original.id, original.kind, operator)))
                .map(appended -> {
                    LOG.infof("Resend %s of notification %s (%s) requested by an operator", resendId, original.id,
                            original.kind);
                    return resendId;
                });
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "unknown value '" + value + "'");
        }
    }

    private static Entry entry(NotificationEntity n) {
        return new Entry(n.id, n.invitationId, n.kind, n.status, n.recipient, n.requestedLanguage, n.language,
                n.languageFallback, n.messageId, n.attempts, n.nextAttemptAt, n.lastError, n.resendOf, n.createdAt,
                n.sentAt);
    }
}
