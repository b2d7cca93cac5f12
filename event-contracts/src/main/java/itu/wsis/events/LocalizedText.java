package itu.wsis.events;

/** A letter's subject and body in one language. */
public record LocalizedText(String subject, String body) {
}
