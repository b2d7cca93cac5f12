package itu.wsis.notification.domain;

/**
 * Neutralises values that end up in mail headers (subject, display names). CR, LF, bare LF and the other control
 * characters would otherwise let a name start a new header ("Bcc: ...") or a new MIME part.
 */
public final class SafeText {

    private SafeText() {
    }

    public static String singleLine(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
        boolean lastWasSpace = false;
        for (int i = 0; i < value.length() && out.length() < maxLength; i++) {
            char c = value.charAt(i);
            // U+2028/U+2029 are line breaks too for some mail clients.
            boolean breakOrControl = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            char next = breakOrControl ? ' ' : c;
            if (next == ' ') {
                if (!lastWasSpace && !out.isEmpty()) {
                    out.append(' ');
                }
                lastWasSpace = true;
            } else {
                out.append(next);
                lastWasSpace = false;
            }
        }
        return out.toString().strip();
    }
}
