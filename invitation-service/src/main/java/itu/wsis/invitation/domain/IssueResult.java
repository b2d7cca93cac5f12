package itu.wsis.invitation.domain;

import java.util.List;
import java.util.UUID;

/**
 * What one issue request did: {@code created} is false when the invitation already existed; {@code warnings} say
 * what the secretariat should know about an invitation it has just issued (never null).
 */
public record IssueResult(UUID invitationId, boolean created, List<IssueWarning> warnings) {

    public IssueResult {
        // An answer stored for an idempotent replay before warnings existed has none.
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
