package itu.wsis.invitation.domain;

import java.util.UUID;

/** What a bulk issue did: {@code issued} new invitations, {@code alreadyIssued} found from earlier requests. */
public record BulkIssueResult(UUID letterId, int letterRevision, int addressees, int issued, int alreadyIssued) {
}
