package itu.wsis.notification.domain;

import itu.wsis.support.text.EmailAddress;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sender does with a claimed intent now: send it, let it wait (until when), cancel or skip it, retry it after
 * a failed attempt, or fail it. Decided from plain values, in the order the rules are written in {@link Rules}; the
 * sender only loads what the rules ask for and records what they decide.
 */
public sealed interface DeliveryDecision {

    /** Why an intent is not sent now, and the text the delivery log keeps for it. */
    enum Reason {
        INVITATION_REVOKED("invitation revoked"),
        PERSONAL_DATA_ERASED("personal data erased"),
        WAITING_FOR_THE_INVITATION("waiting for the invitation"),
        WAITING_FOR_THE_LETTER_OR_FORUM("waiting for the circular letter or forum edition"),
        UNREADABLE_PAYLOAD("unreadable payload"),
        REMINDER_NO_LONGER_USEFUL("no longer useful: replied, revoked or past the deadline"),
        OUTSIDE_WORKING_TIME("outside the recipient's working time"),
        INVALID_ADDRESS("invalid-address"),
        ANOTHER_EMAIL_BEING_SENT("waiting for an email of this invitation still being sent"),
        NEVER_RECEIVED_AN_EMAIL("the invitee never received an email about this invitation"),
        /** The SMTP server refused the message for good; the sender adds its reply code. */
        SMTP_PERMANENT("permanent failure"),
        /** A transient failure, and no attempt left; the sender adds what failed and how often. */
        GAVE_UP("gave up");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Send it now. */
    record Send() implements DeliveryDecision {
    }

    /**
     * A revocation notice that passed every other rule: whether it goes depends on the invitation's other emails
     * ({@link Rules#revocationNotice}), which only then are worth a query.
     */
    record AskAboutTheInvitationsOtherEmails() implements DeliveryDecision {
    }

    /** Not yet: try again at {@code until}, without counting an attempt. */
    record Wait(Instant until, Reason reason) implements DeliveryDecision {
    }

    /** A transient failure: try again at {@code at}; the attempt counts. */
    record Retry(Instant at) implements DeliveryDecision {
    }

    /** Never: the invitation or its personal data is gone. */
    record Cancel(Reason reason) implements DeliveryDecision {
    }

    /** Never: no longer useful, or not to be sent at all. A decision, not an error. */
    record Skip(Reason reason) implements DeliveryDecision {
    }

    /** Failed for good: an error the delivery log reports. */
    record Fail(Reason reason) implements DeliveryDecision {
    }

    Send SEND = new Send();
    AskAboutTheInvitationsOtherEmails ASK_ABOUT_THE_INVITATIONS_OTHER_EMAILS = new AskAboutTheInvitationsOtherEmails();

    /** What a revocation notice waits on: the invitation's other emails. */
    enum OtherEmails {
        /** One is still in an SMTP dialogue (a cancelled one may still be accepted by the server). */
        ONE_STILL_BEING_SENT,
        /** None is being sent, and at least one was sent. */
        ONE_SENT,
        /** None is being sent, and none was ever sent. */
        NONE_SENT
    }

    /** The facts about a reminder: the invitation as it is now, and the deadline the reminder was created for. */
    record ReminderFacts(ReminderPolicy.OpenInvitation invitation, ReminderPolicy.DeadlineType deadlineType,
                         Instant deadline) {
    }

    /**
     * The rules, with what they are configured with: the reminder policy (usefulness, working time), the retry policy,
     * and how long an intent waits for the directory (the invitation, letter or forum not known here yet).
     */
    record Rules(ReminderPolicy reminders, RetryPolicy retries, Duration waitForDirectory) {

        private static final Cancel REVOKED = new Cancel(Reason.INVITATION_REVOKED);
        private static final Cancel ERASED = new Cancel(Reason.PERSONAL_DATA_ERASED);
        private static final Fail UNREADABLE = new Fail(Reason.UNREADABLE_PAYLOAD);
        private static final Skip NO_LONGER_USEFUL = new Skip(Reason.REMINDER_NO_LONGER_USEFUL);
        private static final Fail INVALID_ADDRESS = new Fail(Reason.INVALID_ADDRESS);
        private static final Skip NEVER_RECEIVED = new Skip(Reason.NEVER_RECEIVED_AN_EMAIL);
        private static final Fail PERMANENT = new Fail(Reason.SMTP_PERMANENT);
        private static final Fail GAVE_UP = new Fail(Reason.GAVE_UP);

        public Rules {
            Objects.requireNonNull(reminders);
            Objects.requireNonNull(retries);
            Objects.requireNonNull(waitForDirectory);
        }

        /**
         * Just before composing, from the intent's directory entries as loaded with its claim.
         *
         * @param contactKnown        the directory knows the invitation (the other contact flags are then read)
         * @param letterAndForumKnown the directory knows the invitation's circular letter and forum edition
         * @param payloadReadable     the intent's payload could be read (or the kind needs none)
         * @param reminder            for a reminder, its facts (null for any other kind, or an unreadable payload)
         */
        public DeliveryDecision beforeSending(MessageKind kind, boolean contactKnown, boolean issued, boolean revoked,
                                              boolean erased, boolean letterAndForumKnown, boolean payloadReadable,
                                              ReminderFacts reminder, String email, Instant now) {
            // The revocation notice is the one email about a revoked invitation.
            if (contactKnown && revoked && kind != MessageKind.INVITATION_REVOKED) {
                return REVOKED;
            }
            if (contactKnown && erased) {
                return ERASED;
            }
            if (!contactKnown || !issued) {
                return new Wait(now.plus(waitForDirectory), Reason.WAITING_FOR_THE_INVITATION);
            }
            if (!letterAndForumKnown) {
                return new Wait(now.plus(waitForDirectory), Reason.WAITING_FOR_THE_LETTER_OR_FORUM);
            }
            if (!payloadReadable) {
                return UNREADABLE;
            }
            if (kind.reminder()) {
                Objects.requireNonNull(reminder, "a readable reminder has its facts");
                if (!reminders.stillUseful(reminder.invitation(), reminder.deadlineType(), reminder.deadline(), now)) {
                    return NO_LONGER_USEFUL;
                }
                // Checked again here, not only when the sweep created it: a retry after an SMTP outage, or a sender
                // that was down, must not deliver a reminder at night or on the recipient's weekend. It waits for the
                // next working time instead.
                WorkingTime working = reminders.workingTime();
                ReminderPolicy.OpenInvitation invitation = reminder.invitation();
                if (!working.contains(now, invitation.recipientZone(), invitation.memberState())) {
                    return new Wait(working.next(now, invitation.recipientZone(), invitation.memberState()),
                            Reason.OUTSIDE_WORKING_TIME);
                }
            }
            if (email == null || !EmailAddress.isValid(email)) {
                return INVALID_ADDRESS;
            }
            return kind == MessageKind.INVITATION_REVOKED ? ASK_ABOUT_THE_INVITATIONS_OTHER_EMAILS : SEND;
        }

        /**
         * A revocation notice goes to someone who received an email about the invitation (else it would be the first
         * they hear of it, and a confusing one), and only once no other email of the invitation is still in an SMTP
         * dialogue: one cancelled by the revocation may still be accepted by the server, and then it counts as
         * received.
         */
        public DeliveryDecision revocationNotice(OtherEmails others, Instant now) {
            return switch (others) {
                case ONE_STILL_BEING_SENT -> new Wait(now.plus(waitForDirectory), Reason.ANOTHER_EMAIL_BEING_SENT);
                case ONE_SENT -> SEND;
                case NONE_SENT -> NEVER_RECEIVED;
            };
        }

        /**
         * After a failed SMTP attempt (the {@code attempts}-th, counted when the intent was claimed): a permanent
         * refusal fails for good; a transient failure is retried with backoff until the attempts run out.
         */
        public DeliveryDecision afterFailedAttempt(boolean permanent, int attempts, Instant now) {
            if (permanent) {
                return PERMANENT;
            }
            Optional<Instant> next = retries.nextAttempt(attempts, now);
            return next.isPresent() ? new Retry(next.get()) : GAVE_UP;
        }
    }
}
