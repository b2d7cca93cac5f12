package itu.wsis.invitation.rest;

import itu.wsis.events.Language;
import itu.wsis.support.problem.Problem;
import itu.wsis.support.problem.ProblemException;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Checks that bean validation cannot express, collected so that one answer lists every problem. */
final class Validation {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Per-language texts keyed by ISO code; {@code allSix} demands every one of the six languages. */
    <T> Map<Language, T> languages(String field, Map<String, T> byCode, boolean allSix) {
        Map<Language, T> result = new EnumMap<>(Language.class);
        if (byCode == null) {
            add(field, "is required");
            return result;
        }
        byCode.forEach((code, value) -> {
            try {
                Language language = Language.fromCode(code);
                if (value == null || (value instanceof String s && s.isBlank())) {
                    add(field + "." + code, "must not be blank");
                } else {
                    result.put(language, value);
                }
            } catch (IllegalArgumentException e) {
                add(field + "." + code, "is not one of ar, en, es, fr, ru, zh");
            }
        });
        if (allSix) {
            for (Language language : Language.values()) {
                if (!byCode.containsKey(language.code())) {
                    add(field + "." + language.code(), "is required: all six UN languages are needed");
                }
            }
        } else if (byCode.isEmpty()) {
            add(field, "needs at least one language");
        }
        return result;
    }

    ZoneId zone(String field, String id) {
        if (id == null || id.isBlank()) {
            add(field, "is required");
            return null;
        }
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            add(field, "is not an IANA time zone such as Europe/Zurich");
            return null;
        }
    }

    String url(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                add(field, "must be an http(s) URL");
            }
        } catch (Exception e) {
            add(field, "must be an http(s) URL");
        }
        return value.trim();
    }
}
