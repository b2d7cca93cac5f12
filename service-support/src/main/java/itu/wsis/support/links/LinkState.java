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
 * @param erased        the person's data was erased on request (docs/security.md): the link leads nowhere any more
 */
public record LinkState(int linkVersion, boolean revoked, Instant linkExpiresAt, String language, boolean erased) {

    /** The state of an invitation whose person's data has not been erased. */
    public LinkState(int linkVersion, boolean revoked, Instant linkExpiresAt, String language) {
        this(linkVersion, revoked, linkExpiresAt, language, false);
    }
}
