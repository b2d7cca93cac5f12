package itu.wsis.testing;

/**
 * A real outage of one database, without stopping the server: new connections are refused and the existing ones
 * are terminated, as during a restart or a failover, until {@link #end()}.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String database;
    private boolean over;

    private DatabaseOutage(String database) {
        this.database = database;
    }

    public static DatabaseOutage of(String database) {
        TestPostgres.execute("postgres", "alter database " + database + " allow_connections false");
        TestPostgres.queryLong("postgres", "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where datname = ? and pid <> pg_backend_pid()", database);
        return new DatabaseOutage(database);
    }

    public void end() {
        if (!over) {
            over = true;
            TestPostgres.execute("postgres", "alter database " + database + " allow_connections true");
        }
    }

    @Override
    public void close() {
        end();
    }
}
