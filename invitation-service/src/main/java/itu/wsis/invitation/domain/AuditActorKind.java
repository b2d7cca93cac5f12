package itu.wsis.invitation.domain;

import itu.wsis.events.Actor;

/** Who acted, as the trail shows it: UNKNOWN for an event written before events carried their actor. */
public enum AuditActorKind {
    STAFF, INVITEE, SYSTEM, UNKNOWN;

    public static AuditActorKind of(Actor actor) {
        return actor == null ? UNKNOWN : valueOf(actor.kind().name());
    }
}
