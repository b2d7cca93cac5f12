package itu.wsis.notification.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import itu.wsis.events.ReplyStatus;
import itu.wsis.notification.config.NotificationConfig;
import itu.wsis.notification.domain.IntentKeys;
import itu.wsis.notification.domain.ReminderPolicy;
import itu.wsis.notification.repository.ContactEntity;
import itu.wsis.notification.repository.NotificationRepository;
import itu.wsis.support.json.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creates the reminder intents that have come due. It pages through the open invitations of the directory by
 * primary key (keyset pagination: one bounded page in memory at a time, whatever the number of invitations) and
 * inserts one intent per due reminder with an idempotent insert on its unique key, so a second instance, a second
 * sweep or a restart in the middle of one never creates a reminder twice. The sender sends them.
 */
@ApplicationScoped
public class ReminderSweep {

    private static final Logger LOG = Logger.getLogger(ReminderSweep.class);
    // PostgreSQL orders uuids as unsigned bytes: all zeros is the smallest (Java's signed compareTo disagrees).
    private static final UUID BEFORE_ALL = new UUID(0L, 0L);

    /** One page's outcome: where the next page starts (null when done) and how many reminders were created. */
    public record Page(UUID last, int scanned, int created) {
    }

    public record Result(int scanned, int created) {
    }

    private final NotificationRepository notifications;
    private final NotificationConfig config;
    private final ReminderPolicy policy;
    private final Clock clock;

    public ReminderSweep(NotificationRepository notifications, NotificationConfig config, ReminderPolicies policies,
                         Clock clock) {
        this.notifications = notifications;
        this.config = config;
        this.policy = policies.reminderPolicy();
        this.clock = clock;
    }

    @Scheduled(every = "${wsis.notifications.reminders.sweep-interval:5m}", delay = 30, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return sweep().invoke(r -> {
                    if (r.created() > 0) {
                        LOG.infof("Reminder sweep created %d reminders (%d open invitations)", r.created(), r.scanned());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Reminder sweep failed, next run retries: %s", e.getClass().getName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One full pass at the current instant of the injected clock. */
    public Uni<Result> sweep() {
        Instant now = clock.instant();
        return sweepFrom(BEFORE_ALL, now, 0, 0);
    }

    private Uni<Result> sweepFrom(UUID after, Instant now, int scanned, int created) {
        return page(after, now).chain(page -> page.last() == null
                ? Uni.createFrom().item(new Result(scanned + page.scanned(), created + page.created()))
                : sweepFrom(page.last(), now, scanned + page.scanned(), created + page.created()));
    }

    /** One page in one short transaction. */
    @WithTransaction
    public Uni<Page> page(UUID after, Instant now) {
        int size = config.reminders().pageSize();
        return ContactEntity.<ContactEntity>find("""
                        from ContactEntity c
                         where c.invitationId > ?1 and c.revokedAt is null and c.erasedAt is null and c.issuedAt is not null
                           and ((c.replyStatus is null and c.responseDeadlineAt > ?2)
                             or (c.replyStatus = ?3 and c.speakingRequested = false and c.speakingDeadlineAt > ?2))
                         order by c.invitationId""", after, now, ReplyStatus.ACCEPTED.name())
                .range(0, size - 1)
                .list()
                .chain(contacts -> {
                    List<ReminderPolicy.Due> due = new ArrayList<>();
                    for (ContactEntity c : contacts) {
                        due.addAll(policy.due(openInvitation(c), now));
                    }
                    UUID last = contacts.size() < size ? null : contacts.get(contacts.size() - 1).invitationId;
                    // The page is only read. Left in the session, its entities would be dirty-checked by the flush
                    // that precedes every insert below: a page's cost would grow with the square of its size.
                    return Panache.getSession().invoke(Mutiny.Session::clear).chain(() -> Multi.createFrom()
                            .iterable(due)
                            .onItem().transformToUniAndConcatenate(d -> notifications.insertIntent(UUID.randomUUID(),
                                    IntentKeys.forReminder(d.kind(), d.invitationId(), d.offset(), d.deadline()),
                                    d.invitationId(), d.kind().name(),
                                    StoredJson.write(new MessageContext.Reminder(d.type().name(), d.offset(), d.deadline())),
                                    now, null))
                            .collect().asList()
                            .map(inserted -> new Page(last, contacts.size(),
                                    (int) inserted.stream().filter(Boolean::booleanValue).count())));
                });
    }

    static ReminderPolicy.OpenInvitation openInvitation(ContactEntity c) {
        ZoneId zone = MessageContexts.zone(c.timeZone);
        return new ReminderPolicy.OpenInvitation(c.invitationId, zone == null ? ZoneId.of("UTC") : zone,
                c.memberState, c.responseDeadlineAt, c.speakingDeadlineAt,
                c.replyStatus != null, ReplyStatus.ACCEPTED.name().equals(c.replyStatus), c.speakingRequested,
                c.revokedAt != null);
    }
}
