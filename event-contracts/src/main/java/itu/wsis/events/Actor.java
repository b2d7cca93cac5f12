package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import java.util.Objects;

/**
 * Who did what an event records: a staff member (only the JWT subject, nothing else about them), the invitee
 * through the personal link (no subject: the link names the invitation, not a person), or the system itself
 * (reminders, sweeps, an automatic promotion or re-allocation). An event written before the member existed reads
 * with a null actor: unknown.
 */
@JsonClassDescription("Who did it: STAFF with the staff member's JWT subject, INVITEE (through the personal link, no subject) or SYSTEM (no subject).")
public record Actor(ActorKind kind, String subject) {

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (kind == ActorKind.STAFF && (subject == null || subject.isBlank())) {
            throw new IllegalArgumentException("a staff actor needs the JWT subject");
        }
        if (kind != ActorKind.STAFF && subject != null) {
            throw new IllegalArgumentException(kind + " carries no subject");
        }
    }

    public static Actor staff(String subject) {
        return new Actor(ActorKind.STAFF, subject);
    }

    public static Actor invitee() {
        return new Actor(ActorKind.INVITEE, null);
    }

    public static Actor system() {
        return new Actor(ActorKind.SYSTEM, null);
    }
}
