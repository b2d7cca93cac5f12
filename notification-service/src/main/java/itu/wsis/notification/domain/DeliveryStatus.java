package itu.wsis.notification.domain;

public enum DeliveryStatus {
    /** Waiting to be sent (first time, after a transient failure, or until the directory knows the invitation). */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up: a permanent SMTP failure, too many attempts, or no template in any acceptable language. */
    FAILED,
    /** Not sent on purpose at send time: a reminder that a reply, revocation or the deadline made pointless. */
    SKIPPED,
    /** The invitation was revoked before the message left. */
    CANCELLED
}
