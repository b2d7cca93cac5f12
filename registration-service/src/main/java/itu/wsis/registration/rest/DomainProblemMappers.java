package itu.wsis.registration.rest;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import itu.wsis.registration.domain.InvalidReply;
import itu.wsis.registration.domain.ReplyRefused;
import itu.wsis.support.problem.ProblemException;
import itu.wsis.support.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.SocketException;
import java.util.Locale;
import java.util.Map;

/**
 * The domain's refusals as problem documents: a broken rule is 400 on its field, a refused transition 409. A database
 * connection lost in the middle of a request (a restart, a failover) is 503 with Retry-After: the transaction was
 * rolled back by PostgreSQL, nothing was recorded, and the same request may simply be sent again.
 */
public class DomainProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalid(InvalidReply e, UriInfo uri) {
        return problems.problem(ProblemException.badRequest(e.field(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response refused(ReplyRefused e, UriInfo uri) {
        String slug = switch (e.reason()) {
            case DEADLINE_PASSED -> "reply-deadline-passed";
            case LOCKED_AFTER_DEADLINE -> "reply-locked-after-deadline";
            case NOT_ACCEPTED -> "reply-not-accepted";
            case NOTHING_TO_CORRECT -> "no-reply-to-correct";
        };
        return problems.problem(ProblemException.conflict(slug, e.getMessage())
                .with("reason", e.reason().name().toLowerCase(Locale.ROOT)), uri);
    }

    /**
     * How a lost connection reaches the service depends on timing: the client sees the socket reset, or reads the
     * end of the stream, or first reads PostgreSQL's own notice that the backend is terminating.
     */
    @ServerExceptionMapper({ClosedConnectionException.class, SocketException.class})
    public Response databaseLost(Exception e, UriInfo uri) {
        return problems.problem(databaseUnavailable(), uri);
    }

    @ServerExceptionMapper
    public Response database(PgException e, UriInfo uri) {
        String state = e.getSqlState() == null ? "" : e.getSqlState();
        // Class 08 (connection exception) and 57P (operator intervention: shutdown, crash, cannot connect now).
        if (state.startsWith("08") || state.startsWith("57P")) {
            return problems.problem(databaseUnavailable(), uri);
        }
        return problems.unexpected(e, uri);
    }

    private static ProblemException databaseUnavailable() {
        return new ProblemException(503, "database-unavailable", "Service unavailable",
                "The database connection was lost; nothing was recorded. Please try again in a moment.", null,
                Map.of("retryAfterSeconds", 1L), Map.of("Retry-After", "1"));
    }
}
