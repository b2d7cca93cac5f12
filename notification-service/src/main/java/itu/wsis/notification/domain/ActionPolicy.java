package itu.wsis.notification.domain;

import itu.wsis.events.Deadline;

import java.time.Instant;

/**
 * Whether a message asks its recipient for an action, and so carries "[Action required]" and the sentence that asks.
 * Decided when the message is written, not when it is caused, because the answer can change in between (a reply
 * recorded by correspondence, a deadline passed while the SMTP server was down):
 * <ul>
 *     <li>reminders always do: the sender skips one that is no longer useful before it gets here;</li>
 *     <li>the invitation, a new personal link and an extended deadline ask for a reply only while one is still
 *     expected: no reply yet, and the reply deadline still ahead. An invitation issued after its deadline asks for
 *     nothing it could no longer take;</li>
 *     <li>every other message is a notice or a receipt.</li>
 * </ul>
 */
public final class ActionPolicy {

    private ActionPolicy() {
    }

    public static boolean asksForAction(MessageKind kind, boolean replied, Instant responseDeadline, Instant now) {
        if (kind.reminder()) {
            return true;
        }
        if (!kind.mayAskForAction()) {
            return false;
        }
        return !replied && responseDeadline != null && !Deadline.hasPassed(responseDeadline, now);
    }

    /** Whether the reply deadline has passed: the invitation then says so instead of asking for a reply. */
    public static boolean deadlinePassed(Instant responseDeadline, Instant now) {
        return responseDeadline != null && Deadline.hasPassed(responseDeadline, now);
    }
}
