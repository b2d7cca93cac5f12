package itu.wsis.support.inbox;

/**
 * Thrown by a consumer's effect when an event breaks a rule of the consuming service's domain, so that applying it
 * again can never succeed (a reply for a state the domain does not have, a version that contradicts the read
 * model). The inbox dead-letters it at once instead of retrying. Anything else that fails is retried.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
