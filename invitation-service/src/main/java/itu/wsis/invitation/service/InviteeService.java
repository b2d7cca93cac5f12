package itu.wsis.invitation.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import itu.wsis.invitation.domain.Invitee;
import itu.wsis.invitation.domain.InviteeDetails;
import itu.wsis.invitation.domain.PageOf;
import itu.wsis.invitation.repository.Entities;
import itu.wsis.invitation.repository.InviteeEntity;
import itu.wsis.invitation.repository.InviteeRepository;
import itu.wsis.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
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

    private final InviteeRepository invitees;
    private final Clock clock;

    public InviteeService(InviteeRepository invitees, Clock clock) {
        this.invitees = invitees;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Invitee> create(InviteeDetails details) {
        InviteeDetails.NaturalKey key = details.naturalKey();
        return invitees.countByNaturalKey(key)
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
                    return invitees.persist(entity)
                            .chain(persisted -> Problems.unique(invitees.flush(), persisted, "duplicate-invitee",
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
    public Uni<ImportOutcome> importAll(List<InviteeDetails> people) {
        return upsert(people, 0, 0)
                .map(written -> new ImportOutcome(people.size(), written, people.size() - written));
    }

    @WithSession
    public Uni<Invitee> get(UUID id) {
        return Problems.found(invitees.findById(id), "invitee", id).map(Entities::invitee);
    }

    @WithSession
    public Uni<PageOf<Invitee>> list(String memberState, int page, int size) {
        return invitees.page(memberState, page, size).map(found -> found.map(Entities::invitee));
    }

    // One chunk after the other: one reactive session runs one statement at a time.
    private Uni<Integer> upsert(List<InviteeDetails> all, int from, int written) {
        if (from >= all.size()) {
            return Uni.createFrom().item(written);
        }
        List<InviteeDetails> chunk = all.subList(from, Math.min(all.size(), from + IMPORT_CHUNK));
        return invitees.upsert(chunk, clock.instant())
                .chain(count -> upsert(all, from + chunk.size(), written + count));
    }
}
