package itu.wsis.events;

/**
 * The kind of a session of a forum. A speaking event without one (written before it was added) is about a
 * high-level policy session.
 */
public enum SessionKind {
    /** Policy statements of a few minutes each, in an order of speakers. */
    HIGH_LEVEL_POLICY_SESSION,
    /** Ministers only, one seat per delegation, for the whole session: a list of participants. */
    MINISTERIAL_ROUND_TABLE
}
