package itu.wsis.notification.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import itu.wsis.support.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The statements of the delivery log that entity operations cannot express: the idempotent insert, the
 * multi-instance claim and the erasure. All run on the caller's current session and transaction.
 */
@ApplicationScoped
public class NotificationRepository {

    /** The calendar entry an intent carries: its uid, its sequence and the iTIP method (PUBLISH or CANCEL). */
    public record CalendarRef(String uid, int sequence, String method) {
        public static CalendarRef of(String uid, Integer sequence, String method) {
            return uid == null || sequence == null || method == null ? null : new CalendarRef(uid, sequence, method);
        }
    }

    /** Inserts the intent unless its key exists already. True when this call created it. */
    public Uni<Boolean> insertIntent(UUID id, String intentKey, UUID invitationId, String kind, String payload,
                                     Instant now, UUID resendOf) {
        return insertIntent(id, intentKey, invitationId, kind, payload, now, resendOf, null);
    }

    /** Inserts the intent, with the calendar entry it carries (or none), unless its key exists already. */
    public Uni<Boolean> insertIntent(UUID id, String intentKey, UUID invitationId, String kind, String payload,
                                     Instant now, UUID resendOf, CalendarRef calendar) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into notification (id, intent_key, invitation_id, kind, status, payload, attempts,
                                                  next_attempt_at, created_at, resend_of, calendar_uid,
                                                  calendar_sequence, calendar_method, trace_parent)
                        values (:id, :key, :invitation, :kind, 'PENDING', :payload, 0, :now, :now, cast(:resendOf as uuid),
                                cast(:calendarUid as varchar), cast(:calendarSequence as integer),
                                cast(:calendarMethod as varchar), cast(:traceParent as varchar))
                        on conflict (intent_key) do nothing""")
                .setParameter("id", id)
                .setParameter("key", intentKey)
                .setParameter("invitation", invitationId)
                .setParameter("kind", kind)
                .setParameter("payload", payload)
                .setParameter("now", now)
                .setParameter("resendOf", resendOf == null ? null : resendOf.toString())
                .setParameter("calendarUid", calendar == null ? null : calendar.uid())
                .setParameter("calendarSequence", calendar == null ? null : calendar.sequence())
                .setParameter("calendarMethod", calendar == null ? null : calendar.method())
                // The trace of the event or request creating the intent: its email is sent later, in that trace.
                .setParameter("traceParent", TraceContexts.current())
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /**
     * The next version of a calendar entry: its sequence (0 for a new entry, one more than the last otherwise) and
     * whether it was active before. {@code active} is what it becomes: false for a cancellation. For a cancellation of
     * an entry that does not exist or is already cancelled there is nothing to send: null.
     */
    public record CalendarVersion(int sequence, boolean wasActive) {
    }

    /** When a calendar entry takes place: an instant range, or whole days (the last one included). */
    public record CalendarTimes(Instant start, Instant end, LocalDate firstDay, LocalDate lastDay) {
        public static final CalendarTimes NONE = new CalendarTimes(null, null, null, null);

        public boolean known() {
            return (start != null && end != null) || (firstDay != null && lastDay != null);
        }
    }

    /** The times of the entry's last published version. */
    public Uni<CalendarTimes> calendarTimes(String uid) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                select starts_at, ends_at, first_day, last_day from calendar_entry where uid = :uid""",
                        Object[].class)
                .setParameter("uid", uid)
                .getResultList()
                .map(rows -> rows.isEmpty() ? CalendarTimes.NONE : new CalendarTimes(instant(rows.get(0)[0]),
                        instant(rows.get(0)[1]), date(rows.get(0)[2]), date(rows.get(0)[3]))));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) value;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /**
     * The next version of a calendar entry: PUBLISH ({@code active}, with the times it takes place at) or CANCEL.
     * Null for a cancellation of an entry never published or already cancelled: there is nothing to send.
     */
    /**
     * The invitations of a forum whose in-person week is in their calendar now: an active in-person entry, the
     * invitation neither revoked nor erased. In a fixed order, so that two instances meet them in the same order.
     */
    public Uni<List<UUID>> invitationsWithInPersonWeek(UUID forumId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select c.invitation_id from contact c
                          join calendar_entry e on e.invitation_id = c.invitation_id
                         where c.forum_id = :forum and e.uid like 'in-person-%' and e.active
                           and c.revoked_at is null and c.erased_at is null
                         order by c.invitation_id""", UUID.class)
                .setParameter("forum", forumId)
                .getResultList());
    }

    public Uni<CalendarVersion> nextCalendarVersion(String uid, UUID invitationId, boolean active,
                                                    CalendarTimes times, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                select sequence, active from calendar_entry where uid = :uid for update""",
                        Object[].class)
                .setParameter("uid", uid)
                .getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        if (!active) {
                            return Uni.createFrom().nullItem();
                        }
                        return s.createNativeQuery("""
                                        insert into calendar_entry (uid, invitation_id, sequence, active, starts_at,
                                                                    ends_at, first_day, last_day, updated_at)
                                        values (:uid, :invitation, 0, true, cast(:start as timestamptz), cast(:end as timestamptz),
                                                cast(:firstDay as date), cast(:lastDay as date), :now)""")
                                .setParameter("uid", uid)
                                .setParameter("invitation", invitationId)
                                .setParameter("start", times.start())
                                .setParameter("end", times.end())
                                .setParameter("firstDay", times.firstDay())
                                .setParameter("lastDay", times.lastDay())
                                .setParameter("now", now)
                                .executeUpdate()
                                .replaceWith(new CalendarVersion(0, false));
                    }
                    int sequence = ((Number) rows.get(0)[0]).intValue();
                    boolean wasActive = (Boolean) rows.get(0)[1];
                    if (!active && !wasActive) {
                        return Uni.createFrom().nullItem();
                    }
                    if (!active) {
                        // A cancellation keeps the times of the version it cancels.
                        return s.createNativeQuery("""
                                        update calendar_entry set sequence = :sequence, active = false, updated_at = :now
                                         where uid = :uid""")
                                .setParameter("sequence", sequence + 1)
                                .setParameter("now", now)
                                .setParameter("uid", uid)
                                .executeUpdate()
                                .replaceWith(new CalendarVersion(sequence + 1, wasActive));
                    }
                    return s.createNativeQuery("""
                                    update calendar_entry set sequence = :sequence, active = true,
                                           starts_at = cast(:start as timestamptz), ends_at = cast(:end as timestamptz),
                                           first_day = cast(:firstDay as date), last_day = cast(:lastDay as date),
                                           updated_at = :now
                                     where uid = :uid""")
                            .setParameter("sequence", sequence + 1)
                            .setParameter("start", times.start())
                            .setParameter("end", times.end())
                            .setParameter("firstDay", times.firstDay())
                            .setParameter("lastDay", times.lastDay())
                            .setParameter("now", now)
                            .setParameter("uid", uid)
                            .executeUpdate()
                            .replaceWith(new CalendarVersion(sequence + 1, wasActive));
                }));
    }

    /**
     * Whether another intent of the invitation is being sent right now (claimed under a live lease, whatever its
     * status: a revocation cancels rows whose SMTP dialogue may still be running).
     */
    public Uni<Boolean> anotherInFlight(UUID invitationId, UUID self) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                select count(*) from notification
                                 where invitation_id = :invitation and id <> :self
                                   and claimed_by is not null and claimed_until > now()""", Long.class)
                        .setParameter("invitation", invitationId)
                        .setParameter("self", self)
                        .getSingleResult())
                .map(count -> count > 0);
    }

    /** Whether any email about the invitation has reached the SMTP server. */
    public Uni<Boolean> anySent(UUID invitationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                select count(*) from notification where invitation_id = :invitation and status = 'SENT'""",
                        Long.class)
                        .setParameter("invitation", invitationId)
                        .getSingleResult())
                .map(count -> count > 0);
    }

    /**
     * The end of a revoked invitation's personal data, once its revocation notice is final: the directory row keeps
     * no name or address, and no delivery-log row its payload or recipient.
     */
    public Uni<Void> eraseRevoked(UUID invitationId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                update contact set full_name = null, form_of_address = null, title = null,
                                       email = null, cc = null, erased_at = coalesce(erased_at, :now)
                                 where invitation_id = :id""")
                        .setParameter("id", invitationId)
                        .setParameter("now", now)
                        .executeUpdate())
                .chain(() -> erasePayloads(invitationId));
    }

    /** The intents of an invitation keep their delivery-log facts but lose the personal data they carried. */
    private Uni<Void> erasePayloads(UUID invitationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                update notification set payload = null, recipient = null
                                 where invitation_id = :id""")
                        .setParameter("id", invitationId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Revocation of an invitation whose invitee must still be told: what was waiting for it will not leave. */
    public Uni<Void> cancelPending(UUID invitationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                update notification set status = 'CANCELLED', last_error = 'invitation revoked'
                                 where invitation_id = :id and status = 'PENDING'""")
                        .setParameter("id", invitationId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * A claimed intent; {@code takeover} when another instance had claimed it before and its lease ran out; with the
     * invitation it is about (null for none): one invitation's emails keep their order.
     */
    public record Claim(UUID id, boolean takeover, UUID invitationId) {
    }

    /**
     * Extends the claim for one more lease, only if {@code holder} still holds it. A holder slower than its lease
     * may have lost the row to another instance; it must then leave the intent alone. True when renewed.
     */
    public Uni<Boolean> renewClaim(UUID id, String holder, long leaseMillis) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                update notification set claimed_until = now() + :lease * interval '1 millisecond'
                                 where id = :id and status = 'PENDING' and claimed_by = :holder""")
                        .setParameter("lease", leaseMillis)
                        .setParameter("id", id)
                        .setParameter("holder", holder)
                        .executeUpdate())
                .map(updated -> updated == 1);
    }

    /** Revocation: nothing still waiting for this invitation may leave, and its personal data goes. */
    public Uni<Void> cancelAndErase(UUID invitationId, Instant now) {
        return cancelPending(invitationId).chain(() -> erasePayloads(invitationId));
    }

    /** Retention: erases the personal data of every invitation issued before {@code issuedBefore}. */
    public Uni<Integer> eraseIssuedBefore(Instant issuedBefore, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                update notification n set payload = null, recipient = null,
                                       status = case when n.status = 'PENDING' then 'CANCELLED' else n.status end
                                  from contact c
                                 where c.invitation_id = n.invitation_id and c.issued_at < :before
                                   and c.erased_at is null""")
                        .setParameter("before", issuedBefore)
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("""
                                        update contact set full_name = null, form_of_address = null, title = null,
                                               email = null, cc = null, erased_at = :now
                                         where issued_at < :before and erased_at is null""")
                                .setParameter("before", issuedBefore)
                                .setParameter("now", now)
                                .executeUpdate()));
    }
}
