package itu.wsis.registration.domain;

import java.util.Optional;
import java.util.UUID;

/** An invitation as this service knows it, with its forum's settings and its current reply, if any. */
public record Invitation(
        UUID invitationId,
        UUID forumId,
        String forumCode,
        String letterReference,
        ResponseDeadline deadline,
        int linkVersion,
        boolean revoked,
        ForumSettings settings,
        Optional<Reply> currentReply) {
}
