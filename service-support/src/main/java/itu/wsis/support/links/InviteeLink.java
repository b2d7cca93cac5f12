package itu.wsis.support.links;

import io.quarkus.security.identity.SecurityIdentity;

import java.time.Instant;
import java.util.UUID;

/** The admitted personal link of the current request, as {@link PersonalLinkAdmission} put it on the identity. */
public final class InviteeLink {

    private InviteeLink() {
    }

    /**
     * The link's claims; the expiry is the effective one (the earlier of the token's and the invitation's).
     *
     * @throws IllegalStateException if the identity was not admitted by a personal link
     */
    public static LinkClaims claims(SecurityIdentity identity) {
        UUID invitationId = identity.getAttribute(PersonalLinkAdmission.INVITATION_ID);
        Integer version = identity.getAttribute(PersonalLinkAdmission.LINK_VERSION);
        Instant expiresAt = identity.getAttribute(PersonalLinkAdmission.EXPIRES_AT);
        if (invitationId == null || version == null || expiresAt == null) {
            throw new IllegalStateException("this request was not admitted with a personal link");
        }
        return new LinkClaims(invitationId, version, expiresAt);
    }
}
