package itu.wsis.support.problem;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.net.SocketException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means that the request's database connection was lost or could not be had (a restart, a
 * failover, a terminated backend, a database refusing connections, or every connection of the pool busy for longer
 * than the pool lets a request wait): PostgreSQL then rolls back the transaction the
 * request had open (unless the loss came while its commit was on the way, which no client can tell), and the same
 * request may be sent again. Such a failure is the database's, not a bug, so {@link ProblemMappers} answers it 503
 * with {@code Retry-After} instead of 500.
 * <p>
 * The failure that reaches the mapper is rarely the client's own exception: Hibernate Reactive converts it (a
 * {@code JDBCConnectionException} around an {@link SQLException} around the {@link PgException}) and Mutiny or the
 * JDK wrap that in a {@code CompletionException}. So the whole cause chain is searched, up to {@value #MAX_DEPTH}
 * links and never the same exception twice (a chain can loop back on itself).
 */
public final class DatabaseConnectionLoss {

    /** Far more than any real wrapping (four or five links); only a pathological chain is cut short. */
    static final int MAX_DEPTH = 64;

    private DatabaseConnectionLoss() {
    }

    /** True when {@code failure} or any of its causes says the database connection was lost or refused. */
    public static boolean foundIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH && seen.add(t); depth++) {
            if (lost(t)) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }

    /**
     * How a lost connection reaches the service depends on timing: the client sees the socket reset or refused, or
     * reads the end of the stream ({@link ClosedConnectionException}), or first reads PostgreSQL's own notice that
     * the backend is terminating (57P01).
     */
    private static boolean lost(Throwable t) {
        if (t instanceof ClosedConnectionException || t instanceof SocketException || poolWaitTimedOut(t)) {
            return true;
        }
        if (t instanceof PgException pg && fatal(pg.getSeverity())) {
            return true;
        }
        if (t instanceof DatabaseException db) {
            return connectionState(db.getSqlState());
        }
        if (t instanceof SQLException sql) {
            return connectionState(sql.getSQLState());
        }
        return false;
    }

    /**
     * The Vert.x pool fails a request that waited longer than its connection timeout for a connection with a bare
     * {@link NoStackTraceThrowable} saying only this (Vert.x 4.5): no type of its own, no SQLSTATE. The request
     * never reached the database, so it is safe to send again. DatabaseConnectionLossTest exhausts a real pool, so an
     * upgrade that changes this fails there rather than turning these back into 500s.
     */
    static final String POOL_WAIT_TIMEOUT = "Timeout";

    private static boolean poolWaitTimedOut(Throwable t) {
        return t instanceof NoStackTraceThrowable && POOL_WAIT_TIMEOUT.equals(t.getMessage());
    }

    /**
     * Class 08 (connection exception) and 57P (operator intervention: admin shutdown, crash shutdown, cannot connect
     * now). Every other SQLSTATE, a constraint violation (23505) or a serialization failure (40001) among them, is
     * not a lost connection: the request reached the database and was answered.
     */
    static boolean connectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    /**
     * PostgreSQL reports with FATAL (or PANIC) exactly the errors that end the session: a database that does not
     * accept connections (55000, {@code allow_connections false}), too many connections (53300), an idle transaction
     * timed out (25P03), as well as the 57P ones. The transaction is gone with the session.
     */
    private static boolean fatal(String severity) {
        return "FATAL".equals(severity) || "PANIC".equals(severity);
    }
}
