package itu.wsis.support.text;

import java.util.Optional;

/**
 * The one rule for an e-mail address, wherever one enters the platform (invitee import and registry, delegates,
 * letter contacts) and again just before notification-service sends to it. Plain Java, so that domain code may use
 * it too.
 * <p>
 * It accepts the addresses an SMTP relay takes without extensions: an RFC 5321 {@code Mailbox} whose local part is
 * a dot-atom and whose domain is a host name, all in ASCII. It refuses what would fail at send time or smuggle a
 * second recipient or header: quoted local parts, display names ({@code Name <a@b.org>}), lists
 * ({@code a@b.org>,<c@d.org}), spaces, control characters, line separators (U+2028, U+2029), any non-ASCII
 * character (internationalised addresses need SMTPUTF8, which the relay is not asked for: write the domain in its
 * {@code xn--} form), address literals ({@code a@[192.0.2.1]}), host names without a dot, and lengths beyond
 * RFC 5321's limits (64 for the local part, 254 in all, 63 per domain label).
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL_PART = 64;
    public static final int MAX_LABEL = 63;

    /** RFC 5322 atext without ALPHA and DIGIT. */
    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    private EmailAddress() {
    }

    /**
     * Removes the plain spaces (U+0020) around a typed or pasted address, and nothing else: a tab, a line break or
     * a U+2028 around an address is refused by {@link #problem}, not quietly dropped. Edges call this, then the rule.
     */
    public static String trimSpaces(String address) {
        return PlainText.trimSpaces(address);
    }

    /** The rule itself, on exactly this text: surrounding spaces make it invalid (see {@link #trimSpaces}). */
    public static boolean isValid(String address) {
        return problem(address).isEmpty();
    }

    /** Why {@code address} is refused, in a few words for an error message; empty when it is valid. */
    public static Optional<String> problem(String address) {
        if (address == null || address.isEmpty()) {
            return Optional.of("is required");
        }
        if (address.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return Optional.of("must contain only printable ASCII characters, without spaces or line breaks");
            }
        }
        int at = address.indexOf('@');
        if (at < 0 || at != address.lastIndexOf('@')) {
            return Optional.of("must contain exactly one @");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.isEmpty() || local.length() > MAX_LOCAL_PART) {
            return Optional.of("must have 1 to " + MAX_LOCAL_PART + " characters before the @");
        }
        if (!dotAtom(local)) {
            return Optional.of("has a character or a dot before the @ that an address cannot have");
        }
        if (!hostName(domain)) {
            return Optional.of("must have a domain name such as example.org after the @");
        }
        return Optional.empty();
    }

    private static boolean dotAtom(String local) {
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(letterOrDigit(c) || c == '.' || ATEXT_SYMBOLS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hostName(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(letterOrDigit(c) || c == '-')) {
                    return false;
                }
            }
        }
        // A top-level domain is never numeric: "1.2.3.4" is an address literal in disguise.
        String top = labels[labels.length - 1];
        return top.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
