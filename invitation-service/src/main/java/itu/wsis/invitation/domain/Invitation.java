package itu.wsis.invitation.domain;

import itu.wsis.events.Deadline;
import itu.wsis.events.Language;
import itu.wsis.events.Rank;
import itu.wsis.events.ReplyStatus;

import java.time.Instant;
import java.util.UUID;

/** An invitation as it reads now: {@code status} is already the effective one (EXPIRED included). */
public record Invitation(
        UUID id,
        UUID letterId,
        int letterRevision,
        UUID inviteeId,
        UUID forumId,
        InvitationStatus status,
        ReplyStatus replyStatus,
        int replyVersion,
        String memberState,
        Language preferredLanguage,
        Rank rank,
        Deadline responseDeadline,
        int linkVersion,
        Instant linkExpiresAt,
        Instant issuedAt,
        Instant statusChangedAt,
        String revocationReason) {
}
