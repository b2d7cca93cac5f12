package itu.wsis.support.retry;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.TransactionRollbackException;
import itu.wsis.events.EventCodec;
import itu.wsis.support.inbox.RejectedEventException;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What a consumer's failure says about the event. Only the event itself can be wrong enough to be dead-lettered:
 * an infrastructure failure says nothing about the event, and a dead letter is an event the service never applies
 * until someone replays it. So the rule is narrow on one side and open on the other: a failure is transient when
 * it comes from reaching the database (refused, terminated, timed out, failed over, serialization conflict), the
 * event is poison only when it cannot be read or a domain rule refuses it, and anything else (a bug, a constraint
 * race) is retried a few times before it is dead-lettered. See docs/events.md, "Failures and dead letters".
 */
public enum FailureKind {

    /** The database could not be reached or asked for a retry: retry without limit, the event is fine. */
    TRANSIENT,
    /** The event can never be applied: dead-letter it now. */
    REJECTED,
    /** Neither: retry a few times (a race can clear), then dead-letter. */
    UNEXPECTED;

    /**
     * SQLSTATEs that say "try again": connection exceptions (class 08), serialization failure and deadlock (40001,
     * 40P01), lock not available (55P03), a database not accepting connections (55000, as during a restart or
     * {@code allow_connections false}), operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03
     * cannot connect now), insufficient resources (class 53) and system errors (class 58).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "55000", "57P01", "57P02",
            "57P03", "57014");
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "58");

    public static FailureKind of(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof RejectedEventException || t instanceof EventCodec.UnreadableEventException) {
                return REJECTED;
            }
            if (transientCause(t)) {
                return TRANSIENT;
            }
        }
        return UNEXPECTED;
    }

    private static boolean transientCause(Throwable t) {
        if (t instanceof DatabaseException db) {
            String state = db.getSqlState();
            return state != null && (TRANSIENT_STATES.contains(state)
                    || (state.length() == 5 && TRANSIENT_CLASSES.contains(state.substring(0, 2))));
        }
        if (t instanceof ClosedConnectionException || t instanceof TransactionRollbackException
                || t instanceof IOException || t instanceof TimeoutException) {
            return true;
        }
        // Vert.x reports a dropped or timed-out connection with plain exceptions whose message is all there is.
        if (t instanceof VertxException || t.getClass().getName().equals("io.vertx.core.impl.NoStackTraceThrowable")) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            return message.contains("closed") || message.contains("timeout") || message.contains("timed out")
                    || message.contains("connection");
        }
        return false;
    }
}
