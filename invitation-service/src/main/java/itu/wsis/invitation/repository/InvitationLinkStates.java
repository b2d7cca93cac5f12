package itu.wsis.invitation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.support.links.LinkState;
import itu.wsis.support.links.LinkStates;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The invitation's link as this service, its owner, holds it, for the shared admission policy: one primary-key
 * read on the reactive pool before the endpoint runs. A revocation here counts from its commit.
 */
@ApplicationScoped
public class InvitationLinkStates implements LinkStates {

    static final String LINK_STATE = """
            select i.link_version, i.status = 'REVOKED', i.link_expires_at, i.preferred_language,
                   e.erased_at is not null
              from invitation i left join invitee e on e.id = i.invitee_id
             where i.id = $1""";

    private final Pool pool;

    public InvitationLinkStates(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<LinkState> find(UUID invitationId) {
        return pool.preparedQuery(LINK_STATE).execute(Tuple.of(invitationId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new LinkState(row.getInteger(0), row.getBoolean(1), row.getOffsetDateTime(2).toInstant(),
                    row.getString(3), row.getBoolean(4));
        });
    }
}
