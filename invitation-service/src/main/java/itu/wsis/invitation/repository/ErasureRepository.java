package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.PageOf;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Erasure requests, the services' reports on them, and the outbox rows an erasure removes. Every method uses the
 * caller's reactive session, one statement after the other.
 */
@ApplicationScoped
public class ErasureRepository {

    public Uni<ErasureRequestEntity> findById(UUID id) {
        return ErasureRequestEntity.findById(id);
    }

    public Uni<ErasureRequestEntity> findByInvitee(UUID inviteeId) {
        return ErasureRequestEntity.<ErasureRequestEntity>find("inviteeId", inviteeId).firstResult();
    }

    /** Newest first; the page first, then the count. */
    public Uni<PageOf<ErasureRequestEntity>> page(int page, int size) {
        var query = ErasureRequestEntity.<ErasureRequestEntity>findAll(Sort.descending("requestedAt").and("id"))
                .page(Page.of(page, size));
        return query.list().chain(items -> query.count().map(total -> new PageOf<>(items, page, size, total)));
    }

    public Uni<List<ErasureReportEntity>> reports(UUID erasureId) {
        return ErasureReportEntity.list("key.erasureId", erasureId);
    }

    /** The request, then its requesting service's own report. */
    public Uni<Void> persist(ErasureRequestEntity request, ErasureReportEntity own) {
        return request.persist().chain(() -> own.persist()).replaceWithVoid();
    }

    /** A service's first report on an erasure counts; a repeated one changes nothing. */
    public Uni<Integer> insertReport(UUID erasureId, String service, Instant reportedAt,
                                     Map<String, Integer> erased) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into erasure_report (erasure_id, service, reported_at, erased)
                        values (:erasure, :service, :at, :erased)
                        on conflict (erasure_id, service) do nothing""")
                .setParameter("erasure", erasureId)
                .setParameter("service", service)
                .setParameter("at", reportedAt.atOffset(ZoneOffset.UTC))
                .setParameter("erased", JsonColumns.counts(erased))
                .executeUpdate());
    }

    /**
     * Deletes the published outbox events keyed by these invitations; unpublished rows stay (consumers must still
     * receive them). Returns how many rows went.
     */
    public Uni<Integer> deletePublishedEvents(List<UUID> invitationIds) {
        if (invitationIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        delete from outbox_event where message_key in (:keys) and published_at is not null""")
                .setParameter("keys", invitationIds.stream().map(UUID::toString).toList())
                .executeUpdate());
    }
}
