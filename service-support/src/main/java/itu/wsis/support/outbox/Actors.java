package itu.wsis.support.outbox;

import io.quarkus.security.identity.SecurityIdentity;
import itu.wsis.events.Actor;
import itu.wsis.support.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as an event's {@link Actor}: a staff member by the JWT's subject only (never the name, e-mail or
 * any other claim), the invitee through the personal link (no subject: the link names an invitation, not a person),
 * or nobody, which is the system (a sweep, a consumer, the demo data).
 */
public final class Actors {

    private Actors() {
    }

    public static Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Actor.system();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                && !jwt.getSubject().isBlank()) {
            return Actor.staff(jwt.getSubject());
        }
        if (identity.hasRole(Roles.INVITEE)) {
            return Actor.invitee();
        }
        throw new IllegalStateException("a caller that is neither staff with a JWT subject nor an invitee");
    }
}
