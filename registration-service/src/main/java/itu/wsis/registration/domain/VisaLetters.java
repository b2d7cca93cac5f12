package itu.wsis.registration.domain;

import itu.wsis.events.ParticipationMode;
import itu.wsis.events.ReplyStatus;

import java.util.List;
import java.util.Optional;

/**
 * The rules of visa support letters: a letter is issued for a member of a delegation that accepted in person, and it
 * holds only while the invitation's current reply still is such an acceptance naming that member.
 */
public final class VisaLetters {

    /** Why a letter no longer holds; {@code null} in {@link Validity} means it does. */
    public enum Lapse {
        /** The reply was changed to remote, declined or withdrawn. */
        NO_LONGER_IN_PERSON,
        /** The delegation no longer lists this member (by name). */
        MEMBER_NO_LONGER_IN_DELEGATION,
        /** The invitation was revoked. */
        INVITATION_REVOKED,
        /** The person's data was erased on request: the letter certifies no one any more. */
        PERSONAL_DATA_ERASED
    }

    public record Validity(boolean valid, Lapse lapse) {
    }

    private VisaLetters() {
    }

    /**
     * The member at {@code position} (1-based, in the order of the current delegation), or the refusal.
     */
    public static DelegationMember memberFor(Optional<Reply> currentReply, int position) {
        Reply reply = currentReply.filter(VisaLetters::inPerson).orElseThrow(() -> new VisaLetterRefused(
                VisaLetterRefused.Reason.NOT_IN_PERSON,
                "Visa support letters are issued only for a delegation that accepted to attend in person in Geneva."));
        List<DelegationMember> delegation = reply.content().delegation();
        if (position < 1 || position > delegation.size()) {
            throw new VisaLetterRefused(VisaLetterRefused.Reason.UNKNOWN_MEMBER,
                    "The delegation has no member " + position + "; it has " + delegation.size() + ".");
        }
        return delegation.get(position - 1);
    }

    /** Whether {@code letter} still holds for the invitation as it is now. */
    public static Validity validity(VisaLetter letter, Invitation invitation) {
        if (invitation.erased() || letter.memberName() == null) {
            return new Validity(false, Lapse.PERSONAL_DATA_ERASED);
        }
        if (invitation.revoked()) {
            return new Validity(false, Lapse.INVITATION_REVOKED);
        }
        Optional<Reply> current = invitation.currentReply().filter(VisaLetters::inPerson);
        if (current.isEmpty()) {
            return new Validity(false, Lapse.NO_LONGER_IN_PERSON);
        }
        boolean listed = current.get().content().delegation().stream()
                .anyMatch(member -> member.name().equals(letter.memberName()));
        return listed ? new Validity(true, null) : new Validity(false, Lapse.MEMBER_NO_LONGER_IN_DELEGATION);
    }

    private static boolean inPerson(Reply reply) {
        return reply.content().status() == ReplyStatus.ACCEPTED && reply.content().mode() == ParticipationMode.IN_PERSON;
    }
}
