package itu.wsis.speaking.domain;

/** Why a request is not (only) placed by the rule: a secretariat decision, or the substitution rule. */
public enum OverrideKind {
    /** The secretariat assigned the request to a session: it takes a seat there first. */
    ASSIGNED,
    /** The rank it counts with changed while seated: it keeps its session (docs/allocation.md). */
    SUBSTITUTION,
    /** The secretariat holds it on the waiting list until it assigns or releases it. */
    HELD
}
