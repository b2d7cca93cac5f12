package itu.wsis.support.links;

import java.time.Instant;
import java.util.UUID;

/** What a personal link proves: this invitation, at this link version, until this instant. */
public record LinkClaims(UUID invitationId, int linkVersion, Instant expiresAt) {
}
