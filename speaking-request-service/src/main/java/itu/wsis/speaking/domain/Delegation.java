package itu.wsis.speaking.domain;

import itu.wsis.events.ParticipationMode;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyStatus;

import java.util.UUID;

/**
 * An invitation as the speaking rules see it: who was invited, how the delegation replied, and where its forum
 * stands. {@code forumId} is null until the invitation itself has reached this service (the reply may come first).
 *
 * @param invitedRank the invited Minister's rank; OTHER when the invitation did not give one
 * @param reply       null before any reply
 * @param attendance  null unless the reply says how the delegation attends
 * @param erased      the person's data was erased on request: no new personal data for this invitation
 */
public record Delegation(UUID invitationId, UUID forumId, String memberState, Rank invitedRank, ReplyStatus reply,
                         ParticipationMode attendance, boolean issued, boolean revoked, boolean erased) {

    public Delegation {
        invitedRank = invitedRank == null ? Rank.OTHER : invitedRank;
    }

    /**
     * What the secretariat may act on for a delegation: an issued, unrevoked invitation whose personal data still
     * exists (the personal link is judged by service-support's link rules instead).
     */
    public void requireOpenToSecretariat() {
        if (!issued) {
            throw SpeakingRequestRefused.invalid("invitationId", "invitation " + invitationId + " is not issued");
        }
        if (revoked) {
            throw SpeakingRequestRefused.conflict("invitation-revoked", "The invitation has been revoked.");
        }
        requireNotErased();
    }

    /** A speaker named for an erased person's invitation would be new personal data about them. */
    public void requireNotErased() {
        if (erased) {
            throw SpeakingRequestRefused.conflict("personal-data-erased",
                    "The personal data of this invitation has been erased on request; no speaker can be named.");
        }
    }
}
