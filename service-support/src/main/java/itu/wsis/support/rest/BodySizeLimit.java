package itu.wsis.support.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import itu.wsis.support.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request body over {@code quarkus.http.limits.max-body-size} with 413 in problem+json, as every other
 * refusal. Quarkus enforces the same limit (before the body is read when the request declares its length, while
 * reading a chunked one) but answers with an empty body: this handler runs just before Quarkus's for a declared
 * length, and its failure handler answers the 413 of a chunked body. The connection is closed, so the rest of the
 * body is never read.
 */
@ApplicationScoped
public class BodySizeLimit {

    public static final String TYPE = "urn:wsis:problem:payload-too-large";

    private final long limit;
    private final ObjectMapper json;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                         MemorySize limit, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit).setHandleFileUploads(false);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && tooLarge(declared)) {
                refuse(context);
                return;
            }
            if (declared == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                // No declared length: read the body here, up to the limit, so that going over it fails the
                // route (answered below) instead of cutting the response off mid-read with an empty 413.
                chunked.handle(context);
                return;
            }
            context.next();
        }).failureHandler(context -> {
            // A body without Content-Length (chunked) that outgrows the limit while the body handler reads it.
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context);
                return;
            }
            context.next();
        });
    }

    private void refuse(io.vertx.ext.web.RoutingContext context) {
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body(context.request().path()));
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    public String body(String path) {
        Problem problem = new Problem(TYPE, "Payload too large", 413, detail(), path, null, null);
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String detail() {
        return "The request body is larger than this service accepts (" + limit + " bytes).";
    }
}
