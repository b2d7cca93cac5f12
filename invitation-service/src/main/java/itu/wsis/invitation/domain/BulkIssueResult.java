package itu.wsis.invitation.domain;

import java.util.List;
import java.util.UUID;

/**
 * What a bulk issue did: {@code issued} new invitations, {@code alreadyIssued} found from earlier requests, and what
 * the secretariat should know about the new ones (never null).
 */
public record BulkIssueResult(UUID letterId, int letterRevision, int addressees, int issued, int alreadyIssued,
                              List<IssueWarning> warnings) {

    public BulkIssueResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
