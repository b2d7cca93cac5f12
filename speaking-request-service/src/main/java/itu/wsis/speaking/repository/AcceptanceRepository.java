package itu.wsis.speaking.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * An acceptance that changes no speaking request (in person, or with no mode), as one statement on the reactive pool
 * with its inbox row: the same upsert of the invitation's reply that the Hibernate path runs, and nothing else,
 * because that path too touches no request for such an acceptance. One statement is one transaction (autocommit),
 * so the inbox row and the reply commit together or not at all; the reply is written only if the inbox row is new
 * and never over a newer version (events about one invitation come from two topics, in no guaranteed order).
 * An acceptance remotely, a decline or a withdrawal may change or cancel requests under the forum's lock, and stays
 * on the Hibernate path (InvitationProjection).
 */
@ApplicationScoped
public class AcceptanceRepository {

    static final String SQL = """
            with inbox as (
                insert into inbox_processed_event (event_id, event_type, topic) values ($1, $2, $3)
                on conflict (event_id) do nothing
                returning event_id),
            reply as (
                insert into invitation (id, reply_status, reply_version, attendance_mode)
                select $4::uuid, 'ACCEPTED', $5::integer, $6::varchar from inbox
                on conflict (id) do update set reply_status = excluded.reply_status,
                       reply_version = excluded.reply_version,
                       attendance_mode = coalesce(excluded.attendance_mode, invitation.attendance_mode)
                 where invitation.reply_version < excluded.reply_version)
            select exists (select 1 from inbox) as applied""";

    private final Pool pool;

    public AcceptanceRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * True when the event was applied now; false when its id was in the inbox already (nothing changed).
     * {@code mode}: IN_PERSON, or null when the event names none (the stored mode is kept).
     */
    public Uni<Boolean> accepted(UUID eventId, String eventType, String topic, UUID invitationId, int replyVersion,
                                 String mode) {
        Tuple t = Tuple.tuple().addValue(eventId).addValue(eventType).addValue(topic).addValue(invitationId)
                .addValue(replyVersion).addValue(mode);
        return pool.preparedQuery(SQL).execute(t).map(rows -> rows.iterator().next().getBoolean("applied"));
    }
}
