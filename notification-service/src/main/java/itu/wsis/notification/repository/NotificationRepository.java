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

    /**
     * Claims up to {@code limit} due intents for this sender. {@code skip locked} lets several instances claim
     * disjoint rows at once; pushing {@code next_attempt_at} to the lease end keeps the rows away from the others
     * after this transaction commits, and gives them back if this instance dies before it records the outcome.
     */
    public Uni<List<UUID>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                select id from notification
                                 where status = 'PENDING' and next_attempt_at <= :now
                                 order by next_attempt_at
                                 limit :limit
                                 for update skip locked""", UUID.class)
                        .setParameter("now", now)
                        .setParameter("limit", limit)
                        .getResultList()
                        .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(ids) : s.createNativeQuery("""
                                        update notification
                                           set next_attempt_at = :lease, attempts = attempts + 1
                                         where id in (:ids)""")
                                .setParameter("lease", leaseUntil)
                                .setParameter("ids", ids)
                                .executeUpdate()
                                .replaceWith(ids)));
    }

    /**
     * Extends this sender's claim on one intent, only if the sender still holds it: the row's {@code next_attempt_at}
     * is still the lease the sender wrote. A sender slower than its lease may have lost the row to another instance,
     * which wrote its own lease; it must then leave the intent alone. Returns whether the claim was renewed.
     */
    public Uni<Boolean> renewClaim(UUID id, Instant heldLease, Instant newLease) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                                update notification set next_attempt_at = :newLease
                                 where id = :id and status = 'PENDING' and next_attempt_at = :heldLease""")
                        .setParameter("newLease", newLease)
                        .setParameter("id", id)
                        .setParameter("heldLease", heldLease)
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
