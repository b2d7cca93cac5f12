package itu.wsis.support.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by service code to answer with a specific problem. The {@code slug} names the problem type
 * ({@code urn:wsis:problem:<slug>}) so that clients can branch on it without parsing the detail text.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final int totalErrors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                            Map<String, Object> extensions, Map<String, String> headers) {
        this(status, slug, title, detail, errors, errors == null ? 0 : errors.size(), extensions, headers);
    }

    /**
     * {@code errors} may be the first ones of {@code totalErrors}; only the first {@link ProblemLimits#maxErrors()}
     * are kept, however many are passed.
     */
    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                            int totalErrors, Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        List<Problem.FieldError> given = errors == null ? List.of() : errors;
        int max = ProblemLimits.maxErrors();
        this.errors = List.copyOf(given.size() > max ? given.subList(0, max) : given);
        this.totalErrors = Math.max(given.size(), totalErrors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ProblemException badRequest(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return invalid(errors, errors.size());
    }

    /** The first {@code errors} of {@code totalErrors} found: a validator may stop collecting at the limit. */
    public static ProblemException invalid(List<Problem.FieldError> errors, int totalErrors) {
        int total = Math.max(errors.size(), totalErrors);
        return new ProblemException(400, "invalid-request", "The request is not valid",
                total == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : total + " fields are not valid" + (total > errors.size() || total > ProblemLimits.maxErrors()
                        ? "; the first " + Math.min(errors.size(), ProblemLimits.maxErrors()) + " are listed" : ""),
                errors, total, null, null);
    }

    public static ProblemException notFound(String slug, String detail) {
        return new ProblemException(404, slug, "Not found", detail, null, null, null);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict with the current state", detail, null, null, null);
    }

    public static ProblemException gone(String slug, String detail) {
        return new ProblemException(410, slug, "No longer available", detail, null, null, null);
    }

    public static ProblemException unauthorized(String slug, String detail) {
        return new ProblemException(401, slug, "Not authenticated", detail, null, null, null);
    }

    public static ProblemException tooManyRequests(Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0));
        return new ProblemException(429, "rate-limited", "Too many requests",
                "Too many requests; retry after " + seconds + " s.", null, Map.of("retryAfterSeconds", seconds),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    public ProblemException with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new ProblemException(status, slug, title, getMessage(), errors, totalErrors, more, headers);
    }

    public int status() {
        return status;
    }

    public int totalErrors() {
        return totalErrors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, getMessage(), instance, errors, totalErrors,
                extensions);
    }
}
