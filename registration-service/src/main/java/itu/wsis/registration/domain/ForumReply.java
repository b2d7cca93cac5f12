package itu.wsis.registration.domain;

import itu.wsis.events.Language;
import itu.wsis.events.Rank;

import java.util.Optional;
import java.util.UUID;

/** One invitation of a forum with its current reply, as statistics and exports see it. */
public record ForumReply(UUID invitationId, String letterReference, String memberState, Language language,
                         Rank rank, boolean revoked, Optional<Reply> current) {
}
