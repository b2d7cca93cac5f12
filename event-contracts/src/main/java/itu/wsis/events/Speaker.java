package itu.wsis.events;

/**
 * Who delivers the statement: the invited Minister, or a substitute of possibly another rank. {@code rank} is the
 * rank claimed for the speaker; {@code rankConfirmation} says whether it still waits for the secretariat (see
 * {@link RankConfirmation}; absent when no confirmation was needed, and in events written before it existed).
 */
public record Speaker(String name, String title, Rank rank, boolean substitute, RankConfirmation rankConfirmation) {

    public Speaker(String name, String title, Rank rank, boolean substitute) {
        this(name, title, rank, substitute, null);
    }
}
