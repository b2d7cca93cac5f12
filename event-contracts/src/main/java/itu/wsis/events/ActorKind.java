package itu.wsis.events;

/** What kind of actor an event names (see {@link Actor}). */
public enum ActorKind {
    STAFF, INVITEE, SYSTEM
}
