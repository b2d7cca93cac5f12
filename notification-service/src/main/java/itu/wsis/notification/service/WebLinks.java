package itu.wsis.notification.service;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the web addresses in a paragraph, so that the HTML part can make them links. */
final class WebLinks {

    // Up to the first space or character that cannot be part of an address in running text.
    private static final Pattern ADDRESS = Pattern.compile("https?://[^\\s<>\"'\u3000-\u303F\uFF00-\uFFEF]+",
            Pattern.CASE_INSENSITIVE);
    // Punctuation that ends a sentence after an address rather than belonging to it.
    private static final String TRAILING = ".,;:!?)]}»”’،。";

    private WebLinks() {
    }

    static EmailView.Paragraph paragraph(String text) {
        List<EmailView.Segment> segments = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        int from = 0;
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            String address = text.substring(m.start(), end);
            if (safe(address) == null) {
                continue;
            }
            if (m.start() > from) {
                segments.add(new EmailView.Segment(text.substring(from, m.start()), null));
            }
            segments.add(new EmailView.Segment(address, address));
            from = end;
        }
        if (from < text.length()) {
            segments.add(new EmailView.Segment(text.substring(from), null));
        }
        return new EmailView.Paragraph(segments);
    }

    /** The address if it is a well-formed http or https URL with a host; null otherwise (then it stays text). */
    static String safe(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(address.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return null;
            }
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
