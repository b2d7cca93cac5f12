package itu.wsis.support.text;

/**
 * Rules for free text that ends up in emails, lists of speakers and exports. Plain Java, so that domain code may
 * use them too.
 * <p>
 * A <em>single-line</em> value (a person's name, a title, a ministry) has no control character at all (C0, DEL,
 * C1: CR, LF, TAB, NUL, NEL, ESC, ...) and no Unicode line or paragraph separator (U+2028, U+2029). Such values are
 * refused at the edge rather than silently rewritten, so that what the secretariat sees is what the person typed.
 * Right-to-left and joiner marks (U+200E, U+200F, U+200D) stay allowed: Arabic and other scripts need them.
 */
public final class PlainText {

    public static final String SINGLE_LINE_MESSAGE =
            "must be a single line: no line break, tab or other control character";

    private PlainText() {
    }

    public static boolean isSingleLine(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            if (breaksLine(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True for what a single line must not contain. */
    public static boolean breaksLine(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /** Removes plain spaces (U+0020) at both ends and nothing else: other characters are for the rules to judge. */
    public static String trimSpaces(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(start, end);
    }

    public static boolean containsNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }
}
