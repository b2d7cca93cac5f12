package itu.wsis.events;

/** Who delivers the statement: the invited Minister, or a substitute of possibly another rank. */
public record Speaker(String name, String title, Rank rank, boolean substitute) {
}
