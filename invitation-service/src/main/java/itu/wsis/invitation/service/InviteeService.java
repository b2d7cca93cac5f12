package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.Invitee;
import itu.wsis.invitation.domain.InviteeDetails;
import itu.wsis.invitation.domain.PageOf;
import itu.wsis.invitation.repository.Entities;
import itu.wsis.invitation.repository.InviteeEntity;
import itu.wsis.invitation.repository.JsonColumns;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The invitee registry. A person is identified by Member State plus normalised e-mail address
 * ({@link InviteeDetails#naturalKey()}); importing the same person again updates that person instead of adding
 * a second one.
 */
@ApplicationScoped
public class InviteeService {

    /** Rows per INSERT statement: 13 parameters a row stays far below PostgreSQL's 65,535 bind parameters. */
    private static final int IMPORT_CHUNK = 500;

    public record ImportOutcome(int received, int written, int unchanged) {
    }

    private final Clock clock;

    public InviteeService(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Invitee> create(InviteeDetails details) {
        InviteeDetails.NaturalKey key = details.naturalKey();
        return InviteeEntity.count("memberState = ?1 and emailNormalized = ?2", key.memberState(),
                        key.normalizedEmail())
                .chain(existing -> {
                    if (existing > 0) {
                        throw ProblemException.conflict("duplicate-invitee",
                                "This Member State already has an invitee with this e-mail address.");
                    }
                    InviteeEntity entity = new InviteeEntity();
                    entity.id = UUID.randomUUID();
                    entity.createdAt = clock.instant();
                    entity.updatedAt = entity.createdAt;
                    Entities.write(details, entity);
                    return entity.<InviteeEntity>persist()
                            .chain(persisted -> Problems.flushUnique(persisted, "duplicate-invitee",
                                    "This Member State already has an invitee with this e-mail address."));
                })
                .map(Entities::invitee);
    }

    /**
     * Writes every invitee in one transaction: all or nothing. A person already known by the natural key is
     * updated in place; a row identical to what is stored is not touched at all, so re-importing a file is a
     * no-op.
     */
    @WithTransaction
    public Uni<ImportOutcome> importAll(List<InviteeDetails> invitees) {
        return upsert(invitees, 0, 0)
                .map(written -> new ImportOutcome(invitees.size(), written, invitees.size() - written));
    }

    @WithSession
    public Uni<Invitee> get(UUID id) {
        return Problems.found(InviteeEntity.<InviteeEntity>findById(id), "invitee", id).map(Entities::invitee);
    }

    @WithSession
    public Uni<PageOf<Invitee>> list(String memberState, int page, int size) {
        var query = memberState == null
                ? InviteeEntity.<InviteeEntity>findAll(Sort.by("memberState").and("fullName"))
                : InviteeEntity.<InviteeEntity>find("memberState = :state", Sort.by("fullName"),
                Parameters.with("state", memberState.toUpperCase(Locale.ROOT)));
        var paged = query.page(Page.of(page, size));
        return paged.list().chain(items -> paged.count()
                .map(total -> new PageOf<>(items.stream().map(Entities::invitee).toList(), page, size, total)));
    }

    private Uni<Integer> upsert(List<InviteeDetails> invitees, int from, int written) {
        if (from >= invitees.size()) {
            return Uni.createFrom().item(written);
        }
        List<InviteeDetails> chunk = invitees.subList(from, Math.min(invitees.size(), from + IMPORT_CHUNK));
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
            query.setParameter("now", clock.instant().atOffset(ZoneOffset.UTC));
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
        }).chain(count -> upsert(invitees, from + chunk.size(), written + count));
    }
}
