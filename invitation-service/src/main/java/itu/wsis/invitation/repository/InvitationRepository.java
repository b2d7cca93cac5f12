package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.InvitationQuery;
import itu.wsis.invitation.domain.InvitationStatus;
import itu.wsis.invitation.domain.PageOf;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The invitation table. Every method uses the caller's reactive session, one statement after the other: callers
 * chain them and never run two at once.
 */
@ApplicationScoped
public class InvitationRepository {

    /**
     * Issuing is idempotent per (letter, invitee): the unique constraint decides, so two racing requests create each
     * invitation once, and each finds only the rows it inserted itself under its batch id.
     */
    private static final String ISSUE_SQL = """
            insert into invitation (id, letter_id, invitee_id, forum_id, letter_revision, status, reply_version,
                member_state, preferred_language, rank, response_deadline_date, response_deadline_zone,
                response_deadline_at, link_version, link_expires_at, issued_at, status_changed_at, issue_batch)
            select gen_random_uuid(), :letterId, i.id, :forumId, :revision, 'ISSUED', 0,
                i.member_state, i.preferred_language, i.rank, :deadlineDate, :deadlineZone,
                :deadlineAt, 1, :linkExpiresAt, :now, :now, :batch
            from invitee i
            where i.erased_at is null and (%s)
            order by i.id
            on conflict (letter_id, invitee_id) do nothing""";

    /** What one issuing statement writes on every row it inserts. */
    public record NewInvitations(UUID letterId, UUID forumId, int revision, LocalDate deadlineDate,
                                 String deadlineZone, Instant deadlineAt, Instant linkExpiresAt, Instant now,
                                 UUID batch) {
    }

    public Uni<InvitationEntity> findById(UUID id) {
        return InvitationEntity.findById(id);
    }

    public Uni<InvitationEntity> find(UUID letterId, UUID inviteeId) {
        return InvitationEntity.<InvitationEntity>find("letterId = ?1 and inviteeId = ?2", letterId, inviteeId)
                .firstResult();
    }

    public Uni<Long> countByLetter(UUID letterId) {
        return InvitationEntity.count("letterId", letterId);
    }

    public Uni<List<InvitationEntity>> listByInvitee(UUID inviteeId) {
        return InvitationEntity.list("inviteeId", inviteeId);
    }

    public Uni<List<InvitationEntity>> listByBatch(UUID batch) {
        return InvitationEntity.list("issueBatch", batch);
    }

    /**
     * Inserts the missing invitations of a letter, for one invitee or, when {@code inviteeId} is null, for every
     * invitee not erased; returns how many rows this statement inserted.
     */
    public Uni<Integer> insertMissing(NewInvitations rows, UUID inviteeId) {
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(ISSUE_SQL.formatted(inviteeId == null ? "true" : "i.id = :inviteeId"))
                    .setParameter("letterId", rows.letterId())
                    .setParameter("forumId", rows.forumId())
                    .setParameter("revision", rows.revision())
                    .setParameter("deadlineDate", rows.deadlineDate())
                    .setParameter("deadlineZone", rows.deadlineZone())
                    .setParameter("deadlineAt", rows.deadlineAt().atOffset(ZoneOffset.UTC))
                    .setParameter("linkExpiresAt", rows.linkExpiresAt().atOffset(ZoneOffset.UTC))
                    .setParameter("now", rows.now().atOffset(ZoneOffset.UTC))
                    .setParameter("batch", rows.batch());
            if (inviteeId != null) {
                insert.setParameter("inviteeId", inviteeId);
            }
            return insert.executeUpdate();
        });
    }

    /** One page, the effective status (EXPIRED included) judged at {@code now}; the page first, then the count. */
    public Uni<PageOf<InvitationEntity>> page(InvitationQuery q, Instant now) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (q.letterId() != null) {
            where.add("letterId = :letterId");
            params.and("letterId", q.letterId());
        }
        if (q.status() != null) {
            statusFilter(q.status(), now, where, params);
        }
        if (q.memberState() != null) {
            where.add("memberState = :memberState");
            params.and("memberState", q.memberStateUpper());
        }
        if (q.language() != null) {
            where.add("preferredLanguage = :language");
            params.and("language", q.language().code());
        }
        if (q.rank() != null) {
            where.add("rank = :rank");
            params.and("rank", q.rank().name());
        }
        Sort sort = Sort.by(q.sort().field(), q.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
                .and("id");
        var query = (where.isEmpty()
                ? InvitationEntity.<InvitationEntity>findAll(sort)
                : InvitationEntity.<InvitationEntity>find(String.join(" and ", where), sort, params))
                .page(Page.of(q.page(), q.size()));
        return query.list().chain(items -> query.count()
                .map(total -> new PageOf<>(items, q.page(), q.size(), total)));
    }

    /** Counts by effective status, EXPIRED included, with every status present (zero when none). */
    public Uni<Map<InvitationStatus, Long>> countsByStatus(UUID letterId, Instant now) {
        String scope = letterId == null ? "" : " where i.letterId = :letterId";
        return Panache.getSession().chain(session -> {
            var query = session.createQuery("select i.status, count(i) from InvitationEntity i" + scope
                    + " group by i.status", Object[].class);
            if (letterId != null) {
                query.setParameter("letterId", letterId);
            }
            return query.getResultList();
        }).chain(rows -> {
            Map<InvitationStatus, Long> counts = new EnumMap<>(InvitationStatus.class);
            for (InvitationStatus status : InvitationStatus.values()) {
                counts.put(status, 0L);
            }
            rows.forEach(row -> counts.put((InvitationStatus) row[0], (Long) row[1]));
            Parameters params = Parameters.with("issued", InvitationStatus.ISSUED).and("now", now);
            String expired = "status = :issued and responseDeadlineAt <= :now";
            if (letterId != null) {
                expired += " and letterId = :letterId";
                params.and("letterId", letterId);
            }
            return InvitationEntity.count(expired, params).map(n -> {
                counts.put(InvitationStatus.EXPIRED, n);
                counts.put(InvitationStatus.ISSUED, counts.get(InvitationStatus.ISSUED) - n);
                return counts;
            });
        });
    }

    private static void statusFilter(InvitationStatus status, Instant now, List<String> where, Parameters params) {
        switch (status) {
            case EXPIRED -> {
                where.add("status = :status and responseDeadlineAt <= :now");
                params.and("status", InvitationStatus.ISSUED).and("now", now);
            }
            case ISSUED -> {
                where.add("status = :status and responseDeadlineAt > :now");
                params.and("status", InvitationStatus.ISSUED).and("now", now);
            }
            default -> {
                where.add("status = :status");
                params.and("status", status);
            }
        }
    }
}
