package itu.wsis.notification.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** What the delivery log holds, by status, for the metrics (two short statements on the pool, no session). */
@ApplicationScoped
public class IntentStatusRepository {

    /** Intents per status, and how long the longest-overdue pending intent has been due (0 when none is). */
    public record IntentCounts(Map<String, Long> byStatus, double oldestPendingSeconds) {
    }

    private final Pool pool;

    public IntentStatusRepository(Pool pool) {
        this.pool = pool;
    }

    /** {@code now}: business time, the clock the sender claims by (next_attempt_at is in it). */
    public Uni<IntentCounts> counts(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return pool.query("select status, count(*) as intents from notification group by status").execute()
                .chain(statuses -> {
                    Map<String, Long> byStatus = new HashMap<>();
                    for (Row row : statuses) {
                        byStatus.put(row.getString("status"), row.getLong("intents"));
                    }
                    // The sender's own index (notification_due): only pending rows, oldest due first.
                    return pool.preparedQuery("""
                                    select coalesce(extract(epoch from $1::timestamptz - min(next_attempt_at)), 0)::float8
                                      from notification
                                     where status = 'PENDING' and next_attempt_at <= $1::timestamptz""")
                            .execute(Tuple.of(at))
                            .map(rows -> new IntentCounts(byStatus, Math.max(0, rows.iterator().next().getDouble(0))));
                });
    }
}
