package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** The secretariat published (or re-published) a session's list of speakers. Key: session id. */
@JsonClassDescription("The secretariat published (or re-published) a session's list of speakers. Key: the session id.")
public record ListOfSpeakersPublished(UUID eventId, Instant occurredAt, UUID forumId, UUID sessionId,
                                      int revision, int speakers,
        Actor actor) implements DomainEvent, AttributedEvent {

    public static final String TYPE = "ListOfSpeakersPublished.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public ListOfSpeakersPublished(UUID eventId, Instant occurredAt, UUID forumId, UUID sessionId, int revision,
            int speakers) {
        this(eventId, occurredAt, forumId, sessionId, revision, speakers, null);
    }

    @Override
    public ListOfSpeakersPublished withActor(Actor actor) {
        return new ListOfSpeakersPublished(eventId, occurredAt, forumId, sessionId, revision, speakers, actor);
    }

    @Override
    @JsonIgnore
    public String partitionKey() {
        return sessionId.toString();
    }
}
