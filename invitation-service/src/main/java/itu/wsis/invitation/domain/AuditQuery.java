package itu.wsis.invitation.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One view of the trail, newest first: an invitation's or a forum's entries, optionally only some actions, some
 * kinds of actor, and a time window ({@code from} inclusive, {@code to} exclusive). Empty sets mean "all".
 */
public record AuditQuery(Scope scope, UUID id, Set<AuditAction> actions, Set<AuditActorKind> actorKinds, Instant from,
                         Instant to, int page, int size) {

    public enum Scope { INVITATION, FORUM }

    public AuditQuery {
        actions = Set.copyOf(actions);
        actorKinds = Set.copyOf(actorKinds);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** The same filters, every matching entry on one page: for the CSV export. */
    public AuditQuery all(int limit) {
        return new AuditQuery(scope, id, actions, actorKinds, from, to, 0, limit);
    }
}
