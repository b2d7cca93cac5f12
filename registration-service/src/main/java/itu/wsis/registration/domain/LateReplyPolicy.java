package itu.wsis.registration.domain;

/** What happens to a reply after the deadline, chosen per forum by the secretariat. */
public enum LateReplyPolicy {
    /** The reply is taken and marked late, for the secretariat to decide on. */
    FLAG,
    /** The reply is refused; only the secretariat can still record one. */
    REJECT
}
