package itu.wsis.web.page;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors of one form, keyed by the id of the field they belong to (so that the page can tie each to its field
 * with aria-describedby), with a message key; {@code ""} is the form as a whole.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public void add(String fieldId, String messageKey) {
        byField.putIfAbsent(fieldId, messageKey);
    }

    public boolean has(String fieldId) {
        return byField.containsKey(fieldId);
    }

    public String get(String fieldId) {
        return byField.get(fieldId);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> all() {
        return byField;
    }
}
