package itu.wsis.support.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.arc.Arc;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import itu.wsis.support.rest.BodySizeLimit;
import itu.wsis.support.rest.InvalidParameterException;
import io.vertx.core.http.HttpServerRequest;
import itu.wsis.support.links.PersonalLinkAdmission;
import itu.wsis.support.links.PersonalLinkEndpoints;
import itu.wsis.support.links.PersonalLinks;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns every failure into an RFC 9457 document. Nothing of the exception's internals reaches the client: an
 * unexpected error is logged with an id, and only that id is returned.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String DUPLICATE_MESSAGE = "appears twice in the same object: each key may appear once";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.toProblem(path(uri)));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(ProblemException.invalid(errors), uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return problem(ProblemException.badRequest(jsonPath(e),
                "unknown property '" + e.getPropertyName() + "': it is not part of this request"), uri);
    }

    // Listed one by one: Quarkus has built-in mappers for some of these that would otherwise answer plain JSON.
    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            ValueInstantiationException.class, InvalidTypeIdException.class})
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return problem(ProblemException.badRequest(field.isEmpty() ? duplicate : field + "." + duplicate,
                    DUPLICATE_MESSAGE), uri);
        }
        return problem(ProblemException.badRequest(field.isEmpty() ? "body" : field, readable(e)), uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class})
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String key = duplicateKey(e);
        if (key != null) {
            String parent = e.getProcessor() instanceof JsonParser p ? path(p.getParsingContext()) : "";
            return problem(ProblemException.badRequest(parent.isEmpty() ? key : parent + "." + key,
                    DUPLICATE_MESSAGE), uri);
        }
        return problem(ProblemException.badRequest("body", "malformed JSON: " + readable(e)), uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return problem(ProblemException.badRequest(e.parameter(), e.reason()), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, ResourceInfo resource, HttpServerRequest request) {
        // A personal-link endpoint answers with the admission's own problem (docs/security-auth.md); elsewhere a
        // link is no credential at all, whatever became of it.
        if (PersonalLinkEndpoints.is(resource)) {
            ProblemException link = PersonalLinkAdmission.problemOf(e).orElse(null);
            if (link == null && e instanceof UnauthorizedException) {
                link = Arc.container().instance(PersonalLinkAdmission.class).get()
                        .missing(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
            }
            if (link != null) {
                return problem(link, uri);
            }
        }
        return bearerRequired(uri);
    }

    private static Response bearerRequired(UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "unauthenticated", "Not authenticated", 401,
                "A valid bearer token is required.", path(uri), null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource, HttpHeaders headers) {
        if (!PersonalLinkEndpoints.is(resource) && headers.getHeaderString(PersonalLinks.HEADER) != null
                && headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            // Refused only because the caller came with a personal link: for a staff endpoint that is no credential.
            return bearerRequired(uri);
        }
        return respond(new Problem(Problem.TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "Your role does not allow this operation.", path(uri), null, null)).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable && e.getResponse().getStatus() == 400) {
            // quarkus-rest-jackson wraps parse errors (malformed JSON, duplicate keys) in a bare 400.
            return unreadable instanceof JsonMappingException mapping ? unreadableJson(mapping, uri)
                    : malformedJson(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = status == 404 ? "No resource at this address." : title;
        Problem problem = status == 413
                // A chunked body that outgrew quarkus.http.limits.max-body-size while RESTEasy read it.
                ? new Problem(BodySizeLimit.TYPE, "Payload too large", 413,
                "The request body is larger than this service accepts.", path(uri), null, null)
                : new Problem("about:blank", title, status, detail, path(uri), null, null);
        Response.ResponseBuilder response = respond(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    /**
     * The last resort, for every failure no other mapper took. A lost database connection is told apart here rather
     * than by a mapper of its own: Hibernate Reactive and Mutiny deliver it wrapped, under an exception type that
     * says nothing about the database ({@link DatabaseConnectionLoss}).
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException web) {
            return http(web, uri);
        }
        if (DatabaseConnectionLoss.foundIn(e)) {
            return databaseUnavailable(e, uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return respond(new Problem(Problem.TYPE_PREFIX + "internal-error", "Internal error", 500,
                "The request could not be completed. Quote error id " + errorId + " to the operators.",
                path(uri), null, Map.of("errorId", errorId))).build();
    }

    /**
     * 503 with {@code Retry-After}: PostgreSQL rolled back the request's open transaction with the connection, and a
     * new connection is usually there within the second (a restarted or failed-over server). The detail does not
     * promise that nothing was recorded: a connection lost while the commit itself was on its way cannot be told
     * apart, and the commit may have happened. Logged as a warning without the stack: the cause is known, and an
     * outage would otherwise print one trace per request.
     */
    private Response databaseUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Database connection lost on %s, answered 503: %s", path(uri), causes(e));
        return problem(new ProblemException(503, "database-unavailable", "Service unavailable",
                "The service lost its database connection, or could not get one in time, before the request was "
                        + "completed. Please try again in a moment.", null, Map.of("retryAfterSeconds", 1L), Map.of("Retry-After", "1")),
                uri);
    }

    /** The classes and messages of the cause chain, for the log: bounded as the search is. */
    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.size() < 8 && seen.add(t); t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** Keeps the property path inside the request body, dropping the method and parameter nodes. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                int last = names.size() - 1;
                names.set(last, names.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? "request" : parameter;
        }
        return String.join(".", names);
    }

    /** The key Jackson's STRICT_DUPLICATE_DETECTION (StrictJson) found twice, or null for any other failure. */
    private static String duplicateKey(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        String prefix = "Duplicate field '";
        if (message == null || !message.startsWith(prefix) || message.lastIndexOf('\'') < prefix.length()) {
            return null;
        }
        return message.substring(prefix.length(), message.lastIndexOf('\''));
    }

    /** The path of the object a parser is in, as {@link #jsonPath} writes paths: {@code delegation[1]}. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            JsonStreamContext parent = c.getParent();
            if (parent == null || parent.inRoot()) {
                break;
            }
            if (parent.inArray()) {
                parts.push("[" + parent.getCurrentIndex() + "]");
            } else if (parent.getCurrentName() != null) {
                parts.push(parent.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Jackson's own message names Java classes; keep only the first line and never the source excerpt. */
    private static String readable(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "cannot be read";
        }
        int newline = message.indexOf('\n');
        message = newline >= 0 ? message.substring(0, newline) : message;
        return message.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1")
                .replaceAll("\\(class [^)]*\\)", "").trim();
    }
}
