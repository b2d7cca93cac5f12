package itu.wsis.support.problem;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How big a problem document may get, whatever produced its errors: at most {@link #maxErrors()} entries under
 * {@code errors} (and under any per-row list such as an import's {@code rows}), with {@code totalErrors} saying how
 * many there were in all. Each field name and message is cut to a bounded length too, since both can quote input.
 * <p>
 * Configured in one place: {@value #MAX_ERRORS_KEY} (default {@value #DEFAULT_MAX_ERRORS}).
 */
public final class ProblemLimits {

    public static final String MAX_ERRORS_KEY = "wsis.problems.max-errors";
    public static final int DEFAULT_MAX_ERRORS = 100;
    static final int MAX_FIELD = 200;
    static final int MAX_MESSAGE = 500;
    static final int MAX_DETAIL = 1000;

    private ProblemLimits() {
    }

    /** Read at each use (one config lookup per error answer), so that a test or an operator can change it. */
    public static int maxErrors() {
        try {
            return Math.max(1, ConfigProvider.getConfig().getOptionalValue(MAX_ERRORS_KEY, Integer.class)
                    .orElse(DEFAULT_MAX_ERRORS));
        } catch (IllegalStateException | IllegalArgumentException noConfig) {
            return DEFAULT_MAX_ERRORS;
        }
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
