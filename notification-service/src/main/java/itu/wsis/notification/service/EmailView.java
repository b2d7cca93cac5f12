package itu.wsis.notification.service;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything a message template shows, already localized. The HTML template escapes every value; the text template
 * prints them as they are. {@code header} is the letter's header block (reference and date, and for the invitation
 * the rest of the paper letter's: contact, addressee, subject); {@code links} the forum's pages, as real links in the
 * HTML part; a paragraph's web addresses are links too.
 */
public record EmailView(String lang, String dir, String subject, List<HeaderLine> header, String salutation,
                        List<Paragraph> paragraphs, List<Detail> details, String linkLabel, String link,
                        List<Link> links, List<String> signature, String colon) {

    /** A line of the header block; {@code label} is null for a line that stands alone (the dateline, the addressee). */
    public record HeaderLine(String label, String value) {
    }

    public record Detail(String label, String value) {
    }

    public record Link(String label, String url) {
    }

    /** A paragraph as text and web addresses, so that the HTML part can make the addresses links. */
    public record Paragraph(List<Segment> segments) {
        public String text() {
            return segments.stream().map(Segment::text).collect(Collectors.joining());
        }
    }

    /** Plain text, or a web address when {@code href} is set (only http and https ever are). */
    public record Segment(String text, String href) {
    }
}
