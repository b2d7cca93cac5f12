package itu.wsis.events;

/** How a reply reached the secretariat: through the personal link, or by correspondence it recorded. */
public enum ReplyChannel {
    WEB, LETTER, NOTE_VERBALE, EMAIL, PHONE
}
