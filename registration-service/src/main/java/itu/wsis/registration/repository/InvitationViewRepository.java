package itu.wsis.registration.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.support.sql.SqlFile;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static itu.wsis.support.sql.SqlValues.timestamptz;

/**
 * The invitation-event consumer's hot write, InvitationIssued, as one statement on the reactive pool: the inbox row
 * and the view of the invitation together (sql/invitation-events.sql says what it keeps and why).
 */
@ApplicationScoped
public class InvitationViewRepository {

    static final String ISSUED = SqlFile.load("sql/invitation-events.sql").statement("invitation-issued");

    /** The view's columns that InvitationIssued sets; the deadline is the effective one (ResponseDeadline). */
    public record Issued(UUID invitationId, UUID forumId, String forumCode, UUID letterId, String letterReference,
                         String memberState, String preferredLanguage, String inviteeRank, LocalDate deadlineDate,
                         String deadlineTimeZone, Instant deadlineEndsAt, int linkVersion, Instant linkExpiresAt,
                         Instant issuedAt) {
    }

    private final Pool pool;

    public InvitationViewRepository(Pool pool) {
        this.pool = pool;
    }

    /** True when the event was applied now; false when its id was in the inbox already (nothing changed). */
    public Uni<Boolean> issued(UUID eventId, String eventType, String topic, Issued view) {
        Tuple t = Tuple.tuple()
                .addValue(eventId).addValue(eventType).addValue(topic)
                .addValue(view.invitationId()).addValue(view.forumId()).addValue(view.forumCode())
                .addValue(view.letterId()).addValue(view.letterReference()).addValue(view.memberState())
                .addValue(view.preferredLanguage()).addValue(view.inviteeRank()).addValue(view.deadlineDate())
                .addValue(view.deadlineTimeZone()).addValue(timestamptz(view.deadlineEndsAt()))
                .addValue(view.linkVersion()).addValue(timestamptz(view.linkExpiresAt()))
                .addValue(timestamptz(view.issuedAt()));
        return pool.preparedQuery(ISSUED).execute(t).map(rows -> rows.iterator().next().getBoolean("applied"));
    }
}
