package itu.wsis.support.security;

/**
 * The two staff roles (from the bearer JWT) and the invitee's (from the personal link, see
 * {@link itu.wsis.support.links.PersonalLinkAuthentication}).
 */
public final class Roles {

    /** Prepares letters, issues invitations, records correspondence, overrides allocations. */
    public static final String SECRETARIAT = "secretariat";
    /** Reads everything and runs the platform: delivery log, resends, clock in test profiles. */
    public static final String OPS = "ops";
    /** Holds a genuine, current personal link: may read and answer that one invitation, nothing else. */
    public static final String INVITEE = "invitee";

    private Roles() {
    }
}
