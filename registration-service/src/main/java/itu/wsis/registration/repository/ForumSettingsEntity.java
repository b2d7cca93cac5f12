package itu.wsis.registration.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import itu.wsis.registration.domain.LateReplyPolicy;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@Entity
@Table(name = "forum_settings")
public class ForumSettingsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "forum_id")
    public UUID forumId;

    @Enumerated(EnumType.STRING)
    @Column(name = "late_reply_policy", nullable = false)
    public LateReplyPolicy lateReplyPolicy;

    @Column(name = "max_delegation_size", nullable = false)
    public int maxDelegationSize;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** One statement, so that two secretaries setting a new forum at once both succeed (the last one wins). */
    public static Uni<Void> upsert(UUID forumId, LateReplyPolicy policy, int maxDelegationSize, Instant at, String by) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into forum_settings (forum_id, late_reply_policy, max_delegation_size, updated_at, updated_by)
                        values (:forumId, :policy, :maxSize, :at, :by)
                        on conflict (forum_id) do update
                           set late_reply_policy = excluded.late_reply_policy,
                               max_delegation_size = excluded.max_delegation_size,
                               updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by""")
                .setParameter("forumId", forumId)
                .setParameter("policy", policy.name())
                .setParameter("maxSize", maxDelegationSize)
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .setParameter("by", by)
                .executeUpdate()).replaceWithVoid();
    }
}
