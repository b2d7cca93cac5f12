package itu.wsis.speaking.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/** Speaking requests by status, for the metrics: one short statement on the pool, no session. */
@ApplicationScoped
public class RequestStatusRepository {

    private final Pool pool;

    public RequestStatusRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<String, Long>> countsByStatus() {
        return pool.query("select status, count(*) as requests from speaking_request group by status").execute()
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    for (Row row : rows) {
                        counts.put(row.getString("status"), row.getLong("requests"));
                    }
                    return counts;
                });
    }
}
