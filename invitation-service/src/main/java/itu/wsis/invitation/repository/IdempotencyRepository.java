package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;

/** Idempotency records, in the caller's transaction. */
@ApplicationScoped
public class IdempotencyRepository {

    /**
     * Claims the key: 1 when this call inserted the record, 0 when it exists. A second request racing with one key
     * waits here on the primary key until the first commits.
     */
    public Uni<Integer> claim(String scope, String key, String requestHash, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into idempotency_record (scope, idem_key, request_hash, created_at)
                        values (:scope, :key, :hash, :now) on conflict (scope, idem_key) do nothing""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", requestHash)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    public Uni<IdempotencyRecordEntity> find(String scope, String key) {
        return IdempotencyRecordEntity.findById(new IdempotencyRecordEntity.Key(scope, key));
    }
}
