package itu.wsis.speaking.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import itu.wsis.speaking.domain.OverrideKind;
import itu.wsis.speaking.domain.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

/**
 * The queries of the allocation. Every method uses the caller's reactive session, one statement after the other:
 * callers chain them and never run two at once.
 */
@ApplicationScoped
public class AllocationRepository {

    public record Seat(UUID sessionId, int position, UUID requestId) {
    }

    /** Takes the forum's row lock: every change to one forum's allocation runs after the previous one committed. */
    public Uni<ForumEntity> lockForum(UUID forumId) {
        return ForumEntity.<ForumEntity>findById(forumId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The forum of a request, read as a plain value so that the request itself is first loaded under the lock. */
    public Uni<UUID> forumOfRequest(UUID requestId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select forum_id from speaking_request where id = :id", UUID.class)
                .setParameter("id", requestId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    public Uni<List<SessionEntity>> sessions(UUID forumId) {
        return SessionEntity.list("forumId = ?1 order by startsAt, id", forumId);
    }

    public Uni<List<SpeakingRequestEntity>> activeRequests(UUID forumId) {
        return SpeakingRequestEntity.list("forumId = ?1 and status in ?2 order by submittedAt, id", forumId,
                RequestStatus.ACTIVE);
    }

    /** Read as plain rows, not entities: seats are rewritten by native statements, so no cached copy may linger. */
    public Uni<List<Seat>> seats(UUID forumId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select session_id, position, request_id from speaking_slot where forum_id = :forum",
                        Object[].class)
                .setParameter("forum", forumId)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Seat((UUID) row[0], ((Number) row[1]).intValue(),
                        (UUID) row[2])).toList()));
    }

    /**
     * The delegation's active request for a seat at {@code roundTableId}, or (null) for speaking time at the
     * high-level policy sessions.
     */
    public Uni<SpeakingRequestEntity> activeRequestOf(UUID invitationId, UUID roundTableId) {
        return roundTableId == null
                ? SpeakingRequestEntity.find("invitationId = ?1 and status in ?2 and roundTableId is null",
                        invitationId, RequestStatus.ACTIVE).firstResult()
                : SpeakingRequestEntity.find("invitationId = ?1 and status in ?2 and roundTableId = ?3",
                        invitationId, RequestStatus.ACTIVE, roundTableId).firstResult();
    }

    /** Every active request of the delegation, of both kinds, oldest first. */
    public Uni<List<SpeakingRequestEntity>> activeRequestsOf(UUID invitationId) {
        return SpeakingRequestEntity.list("invitationId = ?1 and status in ?2 order by submittedAt, id", invitationId,
                RequestStatus.ACTIVE);
    }

    /** How many active requests other than {@code requestId} the secretariat's overrides fix in {@code sessionId}. */
    public Uni<Long> pinnedTo(UUID sessionId, UUID requestId) {
        return SpeakingRequestEntity.count("overrideSessionId = ?1 and overrideKind in ?2 and status in ?3"
                        + " and id <> ?4", sessionId, List.of(OverrideKind.ASSIGNED, OverrideKind.SUBSTITUTION),
                RequestStatus.ACTIVE, requestId);
    }

    /** The delegation's latest request of one kind ({@code roundTableId} as in {@link #activeRequestOf}). */
    public Uni<SpeakingRequestEntity> latestRequestOf(UUID invitationId, UUID roundTableId) {
        return roundTableId == null
                ? SpeakingRequestEntity.find("invitationId = ?1 and roundTableId is null order by submittedAt desc, id",
                        invitationId).firstResult()
                : SpeakingRequestEntity.find("invitationId = ?1 and roundTableId = ?2 order by submittedAt desc, id",
                        invitationId, roundTableId).firstResult();
    }

    /**
     * Replaces the forum's seats with {@code seats}. Pending entity changes are flushed first, so that the seats'
     * foreign keys find their requests. The database trigger recounts each session and refuses any seat beyond
     * its capacity, failing the whole transaction.
     */
    public Uni<Void> replaceSeats(UUID forumId, List<Seat> seats) {
        return Panache.flush()
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("delete from speaking_slot where forum_id = :forum")
                        .setParameter("forum", forumId)
                        .executeUpdate())
                .chain(() -> seats.isEmpty() ? Uni.createFrom().voidItem() : insert(forumId, seats));
    }

    /** Empties the forum's seats ahead of a change that the old seats would violate, such as a lower capacity. */
    public Uni<Void> deleteSeats(UUID forumId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from speaking_slot where forum_id = :forum")
                        .setParameter("forum", forumId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Void> insert(UUID forumId, List<Seat> seats) {
        StringBuilder sql = new StringBuilder("insert into speaking_slot (session_id, position, request_id, forum_id) values ");
        for (int i = 0; i < seats.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:s").append(i).append(", :p").append(i).append(", :r").append(i)
                    .append(", :forum)");
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString()).setParameter("forum", forumId);
            for (int i = 0; i < seats.size(); i++) {
                Seat seat = seats.get(i);
                query.setParameter("s" + i, seat.sessionId())
                        .setParameter("p" + i, seat.position())
                        .setParameter("r" + i, seat.requestId());
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
