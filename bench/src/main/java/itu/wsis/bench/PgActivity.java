package itu.wsis.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples pg_stat_activity for one database every 20 ms (or as told) while a phase runs: a wall-clock view of the service's
 * connections that CPU profiles miss. "idle in transaction" means PostgreSQL waits for the service between two
 * statements of an open transaction; "active" with a wait event means the database itself waits (WAL flush, lock).
 */
final class PgActivity implements AutoCloseable {

    private final Map<String, Long> states = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final long periodMillis;
    private long samples;
    private long connectionSamples;

    PgActivity(String database) {
        this(database, 20);
    }

    PgActivity(String database, long periodMillis) {
        this.periodMillis = periodMillis;
        thread = new Thread(() -> loop(database), "pg-activity");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(String database) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:15432/postgres", "postgres", "postgres");
             Statement s = c.createStatement()) {
            while (running.get()) {
                try (ResultSet r = s.executeQuery("select state, coalesce(wait_event_type || ':' || wait_event, '-')"
                        + " from pg_stat_activity where datname = '" + database + "' and pid <> pg_backend_pid()"
                        + " and backend_type = 'client backend'")) {
                    synchronized (states) {
                        samples++;
                        while (r.next()) {
                            connectionSamples++;
                            states.merge(r.getString(1) + " / " + r.getString(2), 1L, Long::sum);
                        }
                    }
                }
                Thread.sleep(periodMillis);
            }
        } catch (Exception e) {
            synchronized (states) {
                states.put("sampler failed: " + e.getMessage(), 0L);
            }
        }
    }

    String text() {
        synchronized (states) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%d samples every %d ms, %.1f connections on average; share of"
                    + " connection-samples by state / wait event:%n", samples, periodMillis, samples == 0 ? 0.0 : (double) connectionSamples / samples));
            states.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> b.append(
                    String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, connectionSamples), e.getKey())));
            return b.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(2000);
    }
}
