package itu.wsis.events;

/**
 * An event that records an action, and so who took it. {@code actor} is an optional member added to version 1 of
 * these records (docs/events.md, "Compatibility"): null in events written before it, and wherever a producer does
 * not know. A service stamps the actor onto the events its domain returns ({@link #withActor}) instead of threading
 * the caller through every domain rule.
 */
public interface AttributedEvent {

    Actor actor();

    /** This event with the given actor; every other member unchanged. */
    DomainEvent withActor(Actor actor);

    /** The event with the actor, if it records an action and has none yet; any other event unchanged. */
    static DomainEvent attribute(DomainEvent event, Actor actor) {
        return event instanceof AttributedEvent attributed && attributed.actor() == null
                ? attributed.withActor(actor) : event;
    }
}
