package itu.wsis.invitation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import itu.wsis.invitation.domain.AuditAction;
import itu.wsis.invitation.domain.AuditActorKind;
import itu.wsis.invitation.domain.AuditEntry;
import itu.wsis.invitation.domain.AuditQuery;
import itu.wsis.invitation.domain.PageOf;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audit_entry table, on the reactive pool: one statement per event (its own transaction, the event id its
 * idempotency key) and plain reads. No entity: nothing in this service changes an entry once written.
 */
@ApplicationScoped
public class AuditEntryRepository {

    /**
     * An invitation's event names only the invitation: its forum and letter come from the invitation row, which this
     * service wrote before it published anything about it. Every parameter is cast: in an insert from a select,
     * PostgreSQL does not take the parameters' types from the target columns.
     */
    static final String INSERT = """
            insert into audit_entry (event_id, event_type, occurred_at, forum_id, letter_id, invitation_id,
                                     session_id, speaking_request_id, action, actor_kind, actor_subject, channel,
                                     document_reference, summary)
            select $1::uuid, $2::varchar, $3::timestamptz, coalesce($4::uuid, i.forum_id),
                   coalesce($5::uuid, i.letter_id), $6::uuid, $7::uuid, $8::uuid, $9::varchar, $10::varchar,
                   $11::varchar, $12::varchar, $13::varchar, $14::varchar
              from (select 1) as one left join invitation i on i.id = $6::uuid
            on conflict (event_id) do nothing""";

    private static final String COLUMNS = """
            event_id, event_type, occurred_at, forum_id, letter_id, invitation_id, session_id, speaking_request_id,
            action, actor_kind, actor_subject, channel, document_reference, summary""";

    private final Pool pool;

    public AuditEntryRepository(Pool pool) {
        this.pool = pool;
    }

    /** True when the entry is new; false when this event was recorded already. */
    public Uni<Boolean> insert(AuditEntry e) {
        // Arrays.asList, not List.of: most ids, the subject, the channel and the reference may be null.
        return pool.preparedQuery(INSERT).execute(Tuple.tuple(Arrays.asList(e.eventId(), e.eventType(),
                        e.occurredAt().atOffset(ZoneOffset.UTC), e.forumId(), e.letterId(), e.invitationId(),
                        e.sessionId(), e.speakingRequestId(), e.action().name(), e.actorKind().name(),
                        e.actorSubject(), e.channel(), e.documentReference(), e.summary())))
                .map(result -> result.rowCount() == 1);
    }

    /** Newest first; ties (one transaction's events share their time) broken by event id, so pages are stable. */
    public Uni<PageOf<AuditEntry>> find(AuditQuery q) {
        List<Object> params = new ArrayList<>();
        params.add(q.id());
        StringBuilder where = new StringBuilder(q.scope() == AuditQuery.Scope.INVITATION
                ? "invitation_id = $1::uuid" : "forum_id = $1::uuid");
        if (!q.actions().isEmpty()) {
            params.add(q.actions().stream().map(AuditAction::name).toArray(String[]::new));
            where.append(" and action = any($").append(params.size()).append("::varchar[])");
        }
        if (!q.actorKinds().isEmpty()) {
            params.add(q.actorKinds().stream().map(AuditActorKind::name).toArray(String[]::new));
            where.append(" and actor_kind = any($").append(params.size()).append("::varchar[])");
        }
        if (q.from() != null) {
            params.add(q.from().atOffset(ZoneOffset.UTC));
            where.append(" and occurred_at >= $").append(params.size()).append("::timestamptz");
        }
        if (q.to() != null) {
            params.add(q.to().atOffset(ZoneOffset.UTC));
            where.append(" and occurred_at < $").append(params.size()).append("::timestamptz");
        }
        Tuple filter = Tuple.tuple(params);
        List<Object> paged = new ArrayList<>(params);
        paged.add(q.size());
        paged.add((long) q.page() * q.size());
        String select = "select " + COLUMNS + " from audit_entry where " + where
                + " order by occurred_at desc, event_id desc limit $" + (params.size() + 1) + "::int offset $"
                + (params.size() + 2) + "::bigint";
        return pool.preparedQuery("select count(*) from audit_entry where " + where).execute(filter)
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(total -> pool.preparedQuery(select).execute(Tuple.tuple(paged)).map(rows -> {
                    List<AuditEntry> items = new ArrayList<>();
                    rows.forEach(row -> items.add(entry(row)));
                    return new PageOf<>(items, q.page(), q.size(), total);
                }));
    }

    private static AuditEntry entry(Row row) {
        return new AuditEntry(row.getUUID(0), row.getString(1), instant(row.getOffsetDateTime(2)), row.getUUID(3),
                row.getUUID(4), row.getUUID(5), row.getUUID(6), row.getUUID(7), AuditAction.valueOf(row.getString(8)),
                AuditActorKind.valueOf(row.getString(9)), row.getString(10), row.getString(11), row.getString(12),
                row.getString(13));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
