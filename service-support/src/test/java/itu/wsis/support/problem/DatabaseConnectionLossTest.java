package itu.wsis.support.problem;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseConnectionLossTest {

    private static PgException pg(String severity, String sqlState) {
        return new PgException("message of " + sqlState, severity, sqlState, null);
    }

    /** As Hibernate Reactive delivers a PostgreSQL error through a Panache transaction. */
    private static Throwable asHibernateReactiveDeliversIt(PgException pg) {
        SQLException sql = new SQLException(pg.getErrorMessage(), pg.getSqlState(), pg);
        RuntimeException converted = pg.getSqlState().startsWith("23")
                ? new ConstraintViolationException("could not execute statement", sql, "a_constraint")
                : new JDBCConnectionException("could not execute statement", sql);
        return new CompletionException(converted);
    }

    @Test
    void theClientsOwnSignsOfALostConnection() {
        assertThat(DatabaseConnectionLoss.foundIn(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(DatabaseConnectionLoss.foundIn(new SocketException("Connection reset"))).isTrue();
        assertThat(DatabaseConnectionLoss.foundIn(new ConnectException("Connection refused"))).isTrue();
    }

    @Test
    void connectionExceptionsAndOperatorInterventionByTheirSqlState() {
        for (String state : new String[] {"08000", "08003", "08006", "08001", "08P01", "57P01", "57P02", "57P03"}) {
            assertThat(DatabaseConnectionLoss.foundIn(pg("ERROR", state))).as(state).isTrue();
            assertThat(DatabaseConnectionLoss.foundIn(new SQLException("x", state))).as("SQLException " + state)
                    .isTrue();
        }
    }

    @Test
    void everyErrorThatEndsTheSessionIsALoss() {
        // allow_connections false, too many connections, an idle transaction timed out: FATAL, the session is gone.
        assertThat(DatabaseConnectionLoss.foundIn(pg("FATAL", "55000"))).isTrue();
        assertThat(DatabaseConnectionLoss.foundIn(pg("FATAL", "53300"))).isTrue();
        assertThat(DatabaseConnectionLoss.foundIn(pg("FATAL", "25P03"))).isTrue();
        assertThat(DatabaseConnectionLoss.foundIn(pg("PANIC", "XX000"))).isTrue();
    }

    @Test
    void anErrorTheDatabaseAnsweredIsNoLoss() {
        // A constraint, a serialization conflict, a statement cancelled, an object in the wrong state, a bug's SQL:
        // the connection is fine, the request reached PostgreSQL and was refused.
        for (String state : new String[] {"23505", "23503", "40001", "40P01", "57014", "55000", "55P03", "42P01",
                "22P05", "XX000"}) {
            assertThat(DatabaseConnectionLoss.foundIn(pg("ERROR", state))).as(state).isFalse();
            assertThat(DatabaseConnectionLoss.foundIn(asHibernateReactiveDeliversIt(pg("ERROR", state)))).as(state)
                    .isFalse();
            assertThat(DatabaseConnectionLoss.foundIn(new SQLException("x", state))).as(state).isFalse();
        }
        assertThat(DatabaseConnectionLoss.foundIn(pg("ERROR", null))).isFalse();
        assertThat(DatabaseConnectionLoss.foundIn(new SQLException("no state"))).isFalse();
    }

    /**
     * A real Vert.x pool of one connection, to a server that accepts and never answers: the first request holds the
     * one connection in its handshake, the second waits for it and is failed by the pool when its connection timeout
     * runs out. That failure is what a request gets when every connection stays busy, and must count as no
     * connection to be had (503), not as a bug (500).
     */
    @Test
    void aRequestThatWaitedTooLongForAPooledConnectionHadNone() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception ignored) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Pool pool = PgBuilder.pool()
                    .with(new PoolOptions().setMaxSize(1).setConnectionTimeout(300)
                            .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
                    .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(silent.getLocalPort())
                            .setDatabase("none").setUser("none").setPassword("none"))
                    .using(vertx).build();
            pool.getConnection();
            var waiting = pool.getConnection().toCompletionStage().toCompletableFuture();
            Throwable failure = null;
            try {
                waiting.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).isInstanceOf(NoStackTraceThrowable.class)
                    .hasMessage(DatabaseConnectionLoss.POOL_WAIT_TIMEOUT);
            assertThat(DatabaseConnectionLoss.foundIn(failure)).isTrue();
            assertThat(DatabaseConnectionLoss.foundIn(new CompletionException(new RuntimeException(failure))))
                    .isTrue();
            pool.close();
            acceptor.interrupt();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void otherFailuresAreNoLoss() {
        assertThat(DatabaseConnectionLoss.foundIn(new VertxException("Connection pool closed", true))).isFalse();
        assertThat(DatabaseConnectionLoss.foundIn(new NoStackTraceThrowable("Connection is closed"))).isFalse();
        assertThat(DatabaseConnectionLoss.foundIn(null)).isFalse();
        assertThat(DatabaseConnectionLoss.foundIn(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseConnectionLoss.foundIn(new CompletionException(new NullPointerException()))).isFalse();
        assertThat(DatabaseConnectionLoss.foundIn(new java.io.IOException("disk full"))).isFalse();
    }

    @Test
    void foundAnywhereInTheCauseChain() {
        assertThat(DatabaseConnectionLoss.foundIn(asHibernateReactiveDeliversIt(pg("FATAL", "57P01")))).isTrue();
        assertThat(DatabaseConnectionLoss.foundIn(asHibernateReactiveDeliversIt(pg("ERROR", "08006")))).isTrue();
        assertThat(DatabaseConnectionLoss.foundIn(new CompletionException(new IllegalStateException("HR000000",
                new RuntimeException(ClosedConnectionException.INSTANCE))))).isTrue();
        assertThat(DatabaseConnectionLoss.foundIn(new CompletionException(new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void aRollbackThatFailedAfterAnotherFailureDoesNotHideThatFailure() {
        // Mutiny keeps the first failure as the cause; the failed rollback only rides along.
        RuntimeException bug = new IllegalStateException("a bug");
        assertThat(DatabaseConnectionLoss.foundIn(new CompositeException(bug, ClosedConnectionException.INSTANCE)))
                .isFalse();
        assertThat(DatabaseConnectionLoss.foundIn(new CompositeException(
                asHibernateReactiveDeliversIt(pg("FATAL", "57P01")), ClosedConnectionException.INSTANCE))).isTrue();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseConnectionLoss.foundIn(a)).isFalse();

        RuntimeException c = new RuntimeException("c");
        RuntimeException lost = new RuntimeException("d", new RuntimeException(new SocketException("reset")));
        RuntimeException e = new RuntimeException("e", c);
        c.initCause(e);
        assertThat(DatabaseConnectionLoss.foundIn(new RuntimeException(lost))).isTrue();
        assertThat(DatabaseConnectionLoss.foundIn(new RuntimeException(e))).isFalse();
    }

    @Test
    void aCauseChainThatNeverEndsIsCutShort() {
        // Each getCause() a new exception: no cycle to detect, so the depth bound is what stops it.
        assertThat(DatabaseConnectionLoss.foundIn(new Endless(0))).isFalse();
    }

    @Test
    void aLossDeeperThanTheBoundIsNotSearchedFor() {
        assertThat(DatabaseConnectionLoss.foundIn(wrapped(ClosedConnectionException.INSTANCE,
                DatabaseConnectionLoss.MAX_DEPTH - 1))).isTrue();
        assertThat(DatabaseConnectionLoss.foundIn(wrapped(ClosedConnectionException.INSTANCE,
                DatabaseConnectionLoss.MAX_DEPTH))).isFalse();
    }

    private static Throwable wrapped(Throwable inner, int times) {
        Throwable t = inner;
        for (int i = 0; i < times; i++) {
            t = new RuntimeException(t);
        }
        return t;
    }

    private static final class Endless extends RuntimeException {
        private final int depth;

        Endless(int depth) {
            super("depth " + depth, null, false, false);
            this.depth = depth;
        }

        @Override
        public synchronized Throwable getCause() {
            return depth > 10_000 ? ClosedConnectionException.INSTANCE : new Endless(depth + 1);
        }
    }
}
