package itu.wsis.support.security;

/** The two staff roles. Invitees carry no role: they present their personal link instead. */
public final class Roles {

    /** Prepares letters, issues invitations, records correspondence, overrides allocations. */
    public static final String SECRETARIAT = "secretariat";
    /** Reads everything and runs the platform: delivery log, resends, clock in test profiles. */
    public static final String OPS = "ops";

    private Roles() {
    }
}
