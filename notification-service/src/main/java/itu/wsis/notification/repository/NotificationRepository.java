package itu.wsis.notification.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The statements of the delivery log that entity operations cannot express: the idempotent insert, the
 * multi-instance claim and the erasure. All run on the caller's current session and transaction.
 */
@ApplicationScoped
public class NotificationRepository {

    /** Inserts the intent unless its key exists already. True when this call created it. */
    public Uni<Boolean> insertIntent(UUID id, String intentKey, UUID invitationId, String kind, String payload,
                                     Instant now, UUID resendOf) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into notification (id, intent_key, invitation_id, kind, status, payload, attempts,
                                                  next_attempt_at, created_at, resend_of)
                        values (:id, :key, :invitation, :kind, 'PENDING', :payload, 0, :now, :now, cast(:resendOf as uuid))
                        on conflict (intent_key) do nothing""")
                .setParameter("id", id)
                .setParameter("key", intentKey)
                .setParameter("invitation", invitationId)
                .setParameter("kind", kind)
                .setParameter("payload", payload)
                .setParameter("now", now)
                .setParameter("resendOf", resendOf == null ? null : resendOf.toString())
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /** A claimed intent; {@code takeover} when another instance had claimed it before and its lease ran out. */
    public record Claim(UUID id, boolean takeover) {
    }

    /**
     * Claims up to {@code limit} due intents for {@code holder}. {@code skip locked} lets several instances claim
     * disjoint rows at once. The claim is the holder's id plus a lease in the database's own time, so that neither a
     * moved business clock nor two instances' clocks can disagree about when it runs out.
     */
    public Uni<List<Claim>> claimDue(String holder, Instant businessNow, long leaseMillis, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        with due as (select id, claimed_by as previous from notification
                                      where status = 'PENDING' and next_attempt_at <= :now
                                        and (claimed_until is null or claimed_until < now())
                                      order by next_attempt_at
                                      limit :limit
                                      for update skip locked)
                        update notification n set claimed_by = :holder,
                               claimed_until = now() + :lease * interval '1 millisecond',
                               attempts = n.attempts + 1
                          from due
                         where n.id = due.id
                        returning n.id, (due.previous is not null and due.previous <> :holder) as takeover""",
                        Object[].class)
                .setParameter("holder", holder)
                .setParameter("lease", leaseMillis)
                .setParameter("now", businessNow)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Claim((UUID) r[0], (Boolean) r[1])).toList()));
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
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                update notification set status = 'CANCELLED', last_error = 'invitation revoked'
                                 where invitation_id = :id and status = 'PENDING'""")
                        .setParameter("id", invitationId)
                        .executeUpdate()
                        .chain(() -> s.createNativeQuery("""
                                        update notification set payload = null, recipient = null
                                         where invitation_id = :id""")
                                .setParameter("id", invitationId)
                                .executeUpdate()))
                .replaceWithVoid();
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
