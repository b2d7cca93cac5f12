package itu.wsis.speaking.domain;

/** What happens to a request submitted after the letter's speaking-request deadline; chosen per forum. */
public enum LatePolicy {
    /** Recorded and put on the waiting list, after every on-time request; only the secretariat can assign it. */
    WAITLIST,
    /** Recorded and rejected at once, with the reason. */
    REJECT
}
