package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * The secretariat froze a forum's allocation: from now on nothing moves automatically, overrides still apply.
 * Freezing a frozen forum changes nothing and publishes nothing. Ids only. Key: forum id.
 */
@JsonClassDescription("The secretariat froze a forum's allocation: from now on no seat changes automatically (a withdrawal leaves its seat free, a new request waits); the secretariat's overrides still apply. Published once per freeze: freezing a frozen forum publishes nothing. Key: the forum id.")
public record AllocationFrozen(UUID eventId, Instant occurredAt, UUID forumId, Actor actor)
        implements DomainEvent, AttributedEvent {

    public static final String TYPE = "AllocationFrozen.v1";

    @Override
    public AllocationFrozen withActor(Actor actor) {
        return new AllocationFrozen(eventId, occurredAt, forumId, actor);
    }

    @Override
    @JsonIgnore
    public String partitionKey() {
        return forumId.toString();
    }
}
