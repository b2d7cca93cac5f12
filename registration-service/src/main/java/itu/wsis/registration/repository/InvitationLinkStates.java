package itu.wsis.registration.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.support.links.LinkState;
import itu.wsis.support.links.LinkStates;
import itu.wsis.support.sql.SqlFile;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * This service's view of an invitation's link for the shared admission policy: one primary-key read of
 * {@code invitation_view} on the reactive pool, before the endpoint runs (docs/registration-accept-sql.md, statement 0).
 */
@ApplicationScoped
public class InvitationLinkStates implements LinkStates {

    static final String LINK_STATE = SqlFile.load("sql/reply-path.sql").statement("link-state");

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
            OffsetDateTime expiresAt = row.getOffsetDateTime(2);
            return new LinkState(row.getInteger(0), row.getBoolean(1), expiresAt == null ? null : expiresAt.toInstant(),
                    row.getString(3), row.getBoolean(4));
        });
    }
}
