package itu.wsis.support.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document. Extension members are flattened into the top level, as the RFC defines them. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        Integer totalErrors,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:wsis:problem:";

    /**
     * {@code errors} keeps at most {@link ProblemLimits#maxErrors()} entries; {@code totalErrors} counts them all
     * (at least as many as are listed) and is present whenever {@code errors} is.
     */
    public Problem {
        errors = errors == null ? List.of() : errors;
        int total = Math.max(errors.size(), totalErrors == null ? 0 : totalErrors);
        int max = ProblemLimits.maxErrors();
        errors = List.copyOf(errors.size() > max ? errors.subList(0, max) : errors);
        totalErrors = errors.isEmpty() ? null : total;
        detail = ProblemLimits.cut(detail, ProblemLimits.MAX_DETAIL);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                   Map<String, Object> extensions) {
        this(type, title, status, detail, instance, errors, null, extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    /** Hidden from the JSON: {@link #extensionMembers()} writes them inline. */
    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }

    /**
     * One invalid input: {@code field} is a JSON path such as {@code delegation[1].email}, or a parameter name. Both
     * are cut to a bounded length: they may quote what the client sent.
     */
    public record FieldError(String field, String message) {
        public FieldError {
            field = ProblemLimits.cut(field, ProblemLimits.MAX_FIELD);
            message = ProblemLimits.cut(message, ProblemLimits.MAX_MESSAGE);
        }
    }
}
