package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * The secretariat let a frozen forum's allocation run again. The re-allocation it triggers at once publishes its own
 * events after this one, naming the same actor. Unfreezing a forum that is not frozen publishes none. Key: forum id.
 */
@JsonClassDescription("The secretariat unfroze a forum's allocation: the rule runs again, and the forum is re-allocated at once (the seats that move are announced by their own events, which follow this one). Published once per unfreeze: unfreezing a forum that is not frozen publishes none. Key: the forum id.")
public record AllocationUnfrozen(UUID eventId, Instant occurredAt, UUID forumId, Actor actor)
        implements DomainEvent, AttributedEvent {

    public static final String TYPE = "AllocationUnfrozen.v1";

    @Override
    public AllocationUnfrozen withActor(Actor actor) {
        return new AllocationUnfrozen(eventId, occurredAt, forumId, actor);
    }

    @Override
    @JsonIgnore
    public String partitionKey() {
        return forumId.toString();
    }
}
