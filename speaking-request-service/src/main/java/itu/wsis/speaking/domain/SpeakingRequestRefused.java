package itu.wsis.speaking.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A well-formed command that a speaking rule does not allow. {@code field} names the input at fault when the command
 * itself is wrong for this request (a 400 on that field); otherwise the state refuses it (a 409 of {@code slug}).
 */
public final class SpeakingRequestRefused extends RuntimeException {

    private final String slug;
    private final String field;
    private final Map<String, Object> details;

    private SpeakingRequestRefused(String slug, String field, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.slug = slug;
        this.field = field;
        this.details = details;
    }

    /** The state of the request, the invitation or the session refuses the command. */
    public static SpeakingRequestRefused conflict(String slug, String message) {
        return new SpeakingRequestRefused(Objects.requireNonNull(slug), null, message, new LinkedHashMap<>());
    }

    /** One input of the command is not acceptable for this delegation or forum. */
    public static SpeakingRequestRefused invalid(String field, String message) {
        return new SpeakingRequestRefused(null, Objects.requireNonNull(field), message, new LinkedHashMap<>());
    }

    SpeakingRequestRefused with(String member, Object value) {
        details.put(member, value);
        return this;
    }

    /** Null when the fault is in an input ({@link #field()}). */
    public String slug() {
        return slug;
    }

    /** Null when the state refuses the command ({@link #slug()}). */
    public String field() {
        return field;
    }

    /** What the caller needs to act on a conflict, such as the id of the request that already exists. */
    public Map<String, Object> details() {
        return Map.copyOf(details);
    }
}
