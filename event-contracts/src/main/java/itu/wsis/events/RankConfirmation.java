package itu.wsis.events;

/**
 * Where a speaker's claimed rank stands when the invitation does not support it (a substitute claiming a rank above
 * the invited Minister's): it counts for precedence only once CONFIRMED by the secretariat. Absent (null) when the
 * claim needed no confirmation.
 */
public enum RankConfirmation {
    /** Waiting for the secretariat; the request is placed by the invitation's rank meanwhile. */
    PENDING,
    /** The secretariat confirmed it: the claimed rank counts. */
    CONFIRMED,
    /** The secretariat refused it: the invitation's rank counts. */
    REFUSED
}
