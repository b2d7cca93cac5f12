package itu.wsis.registration.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * An invitation as this service knows it, with its forum's settings and its current reply, if any. {@code erased}:
 * the person's data was erased on request, so no reply with personal data can be recorded any more.
 */
public record Invitation(
        UUID invitationId,
        UUID forumId,
        String forumCode,
        String letterReference,
        ResponseDeadline deadline,
        int linkVersion,
        boolean revoked,
        ForumSettings settings,
        Optional<Reply> currentReply,
        boolean erased) {
}
