package itu.wsis.support.links;

import java.time.Instant;

/**
 * What a service's own read model says about an invitation's personal link, as {@link LinkStates} reads it.
 *
 * @param linkVersion   the current link version; older ones are superseded, newer ones not seen yet
 * @param revoked       the invitation has been revoked
 * @param linkExpiresAt the invitation's own link expiry from {@code InvitationIssued}/{@code PersonalLinkReissued};
 *                      null only for rows written before the service stored it (the token's claim then decides alone)
 * @param language      the invitee's language code, so that a refusal can be shown in it; null when unknown
 */
public record LinkState(int linkVersion, boolean revoked, Instant linkExpiresAt, String language) {
}
