package itu.wsis.invitation.domain;

import itu.wsis.events.Deadline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One revision of a circular letter, with its deadlines resolved in the forum's zone. */
public record Letter(
        UUID id,
        UUID forumId,
        String reference,
        int revision,
        LetterStatus status,
        LetterContent content,
        Deadline responseDeadline,
        Deadline speakingRequestDeadline,
        Instant publishedAt,
        List<RevisionSummary> revisions) {

    public record RevisionSummary(int revision, LetterStatus status, Instant publishedAt) {
    }
}
