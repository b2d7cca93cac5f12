package itu.wsis.invitation.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.InviteeDetails;
import itu.wsis.invitation.domain.PageOf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The invitee registry's table. Every method uses the caller's reactive session, one statement after the other:
 * callers chain them and never run two at once.
 */
@ApplicationScoped
public class InviteeRepository {

    public Uni<InviteeEntity> findById(UUID id) {
        return InviteeEntity.findById(id);
    }

    /** Locks the invitee's row until the transaction ends. */
    public Uni<InviteeEntity> findByIdForUpdate(UUID id) {
        return InviteeEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<InviteeEntity>> listByIds(Collection<UUID> ids) {
        return InviteeEntity.list("id in ?1", ids);
    }

    public Uni<Long> countByNaturalKey(InviteeDetails.NaturalKey key) {
        return InviteeEntity.count("memberState = ?1 and emailNormalized = ?2", key.memberState(),
                key.normalizedEmail());
    }

    public Uni<InviteeEntity> persist(InviteeEntity invitee) {
        return invitee.persist();
    }

    /** Writes the session's pending changes now (so that a unique constraint answers here, not at commit). */
    public Uni<Void> flush() {
        return Panache.flush();
    }

    /** One page, by Member State and name (by name within one Member State); the page first, then the count. */
    public Uni<PageOf<InviteeEntity>> page(String memberState, int page, int size) {
        var query = memberState == null
                ? InviteeEntity.<InviteeEntity>findAll(Sort.by("memberState").and("fullName"))
                : InviteeEntity.<InviteeEntity>find("memberState = :state", Sort.by("fullName"),
                Parameters.with("state", memberState.toUpperCase(Locale.ROOT)));
        var paged = query.page(Page.of(page, size));
        return paged.list().chain(items -> paged.count().map(total -> new PageOf<>(items, page, size, total)));
    }

    /**
     * Inserts the invitees, or updates the one already known by the natural key; a row identical to what is stored
     * is not touched. One statement: the caller keeps the chunk small enough for PostgreSQL's bind parameters.
     * Returns how many rows were written.
     */
    public Uni<Integer> upsert(List<InviteeDetails> chunk, Instant now) {
        StringBuilder sql = new StringBuilder("""
                insert into invitee (id, member_state, full_name, form_of_address, rank, title, ministry, email,
                    email_normalized, cc_json, preferred_language, time_zone, created_at, updated_at) values """);
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :ms").append(i)
                    .append(", :fn").append(i).append(", :fa").append(i).append(", :rk").append(i)
                    .append(", :ti").append(i).append(", :mi").append(i).append(", :em").append(i)
                    .append(", :en").append(i).append(", :cc").append(i).append(", :pl").append(i)
                    .append(", :tz").append(i).append(", :now, :now)");
        }
        // "is distinct from" keeps identical rows untouched: a repeated import changes nothing.
        sql.append("""
                 on conflict (member_state, email_normalized) do update set
                    full_name = excluded.full_name, form_of_address = excluded.form_of_address,
                    rank = excluded.rank, title = excluded.title, ministry = excluded.ministry,
                    email = excluded.email, cc_json = excluded.cc_json,
                    preferred_language = excluded.preferred_language, time_zone = excluded.time_zone,
                    updated_at = excluded.updated_at
                 where (invitee.full_name, invitee.form_of_address, invitee.rank, invitee.title, invitee.ministry,
                        invitee.email, invitee.cc_json, invitee.preferred_language, invitee.time_zone)
                    is distinct from
                       (excluded.full_name, excluded.form_of_address, excluded.rank, excluded.title,
                        excluded.ministry, excluded.email, excluded.cc_json, excluded.preferred_language,
                        excluded.time_zone)""");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString());
            query.setParameter("now", now.atOffset(ZoneOffset.UTC));
            for (int i = 0; i < chunk.size(); i++) {
                InviteeDetails d = chunk.get(i);
                query.setParameter("id" + i, UUID.randomUUID());
                query.setParameter("ms" + i, d.memberState());
                query.setParameter("fn" + i, d.fullName());
                query.setParameter("fa" + i, d.formOfAddress().name());
                query.setParameter("rk" + i, d.rank().name());
                query.setParameter("ti" + i, d.title());
                query.setParameter("mi" + i, d.ministry());
                query.setParameter("em" + i, d.email());
                query.setParameter("en" + i, InviteeDetails.normalizeEmail(d.email()));
                query.setParameter("cc" + i, JsonColumns.list(d.cc()));
                query.setParameter("pl" + i, d.preferredLanguage().code());
                query.setParameter("tz" + i, d.timeZone().getId());
            }
            return query.executeUpdate();
        });
    }

    /**
     * People past retention, up to {@code batch}: not erased, and whose last invitation was issued before
     * {@code before} or, never invited, whose entry was last written before it.
     */
    public Uni<List<UUID>> pastRetention(Instant before, int batch) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select i.id from invitee i
                         where i.erased_at is null
                           and coalesce((select max(v.issued_at) from invitation v where v.invitee_id = i.id),
                                        i.updated_at) < :before
                         order by i.id
                         limit :batch""", UUID.class)
                .setParameter("before", before.atOffset(ZoneOffset.UTC))
                .setParameter("batch", batch)
                .getResultList());
    }
}
