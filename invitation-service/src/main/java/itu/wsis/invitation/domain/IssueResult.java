package itu.wsis.invitation.domain;

import java.util.UUID;

/** What one issue request did: {@code created} is false when the invitation already existed. */
public record IssueResult(UUID invitationId, boolean created) {
}
