package itu.wsis.invitation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.events.ReplyStatus;
import itu.wsis.invitation.domain.InvitationStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

import static itu.wsis.support.sql.SqlValues.timestamptz;

/**
 * A reply from registration reflected on the invitation, as one statement on the reactive pool with its inbox row.
 * One statement is one transaction (autocommit), so the two commit or roll back together, as they did in the
 * Hibernate transaction this replaces (BEGIN, the inbox insert, the invitation's load, its update, COMMIT: every
 * accept cost this service more CPU in that consumer than the audit trail's entry, bench/README.md, "Performance
 * levers").
 * <p>
 * The invitation is changed only if the inbox row is new (a redelivered event changes nothing) and the reply's
 * version is newer than the one already reflected (Kafka may deliver an older one later). The status follows
 * {@link InvitationStatus#reflect}: a revoked invitation stays REVOKED, any other takes
 * {@link InvitationStatus#onReply}; its change time moves only when the status does.
 */
@ApplicationScoped
public class ReplyReflectionRepository {

    static final String SQL = """
            with inbox as (
                insert into inbox_processed_event (event_id, event_type, topic) values ($1, $2, $3)
                on conflict (event_id) do nothing
                returning event_id),
            reflected as (
                update invitation i
                   set reply_version = $5::integer, reply_status = $6::varchar,
                       status = case when i.status = 'REVOKED' then i.status else $7::varchar end,
                       status_changed_at = case when i.status = 'REVOKED' or i.status = $7::varchar
                                                then i.status_changed_at else $8::timestamptz end
                  from inbox
                 where i.id = $4::uuid and i.reply_version < $5::integer
                returning i.id)
            select exists (select 1 from inbox) as applied,
                   exists (select 1 from invitation where id = $4::uuid) as known,
                   exists (select 1 from reflected) as changed""";

    /**
     * {@code applied}: the event was new (false: its id was in the inbox already, nothing changed); {@code known}: the
     * invitation is this service's; {@code changed}: the invitation took the reply (false for an older version).
     */
    public record Reflected(boolean applied, boolean known, boolean changed) {
    }

    private final Pool pool;

    public ReplyReflectionRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Reflected> reflect(UUID eventId, String eventType, String topic, UUID invitationId, int replyVersion,
                                  ReplyStatus reply, Instant now) {
        Tuple t = Tuple.tuple().addValue(eventId).addValue(eventType).addValue(topic).addValue(invitationId)
                .addValue(replyVersion).addValue(reply.name()).addValue(InvitationStatus.onReply(reply).name())
                .addValue(timestamptz(now));
        return pool.preparedQuery(SQL).execute(t).map(rows -> {
            Row row = rows.iterator().next();
            return new Reflected(row.getBoolean("applied"), row.getBoolean("known"), row.getBoolean("changed"));
        });
    }
}
