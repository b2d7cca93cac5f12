package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** The secretariat published (or re-published) a session's list of speakers. Key: session id. */
@JsonClassDescription("The secretariat published (or re-published) a session's list of speakers. Key: the session id.")
public record ListOfSpeakersPublished(UUID eventId, Instant occurredAt, UUID forumId, UUID sessionId,
                                      int revision, int speakers,
        SessionKind sessionKind,
        Actor actor) implements DomainEvent, AttributedEvent {

    public static final String TYPE = "ListOfSpeakersPublished.v1";

    /** Without an actor, added later as an optional member (docs/events.md, "Compatibility"): null reads as unknown. */
    public ListOfSpeakersPublished(UUID eventId, Instant occurredAt, UUID forumId, UUID sessionId, int revision,
            int speakers, SessionKind sessionKind) {
        this(eventId, occurredAt, forumId, sessionId, revision, speakers, sessionKind, null);
    }

    @Override
    public ListOfSpeakersPublished withActor(Actor actor) {
        return new ListOfSpeakersPublished(eventId, occurredAt, forumId, sessionId, revision, speakers, sessionKind,
                actor);
    }

    /**
     * Without a session kind, added later as an optional member (docs/events.md, "Compatibility"): null, as in
     * events written before it, means a high-level policy session.
     */
    public ListOfSpeakersPublished(UUID eventId, Instant occurredAt, UUID forumId, UUID sessionId, int revision,
            int speakers) {
        this(eventId, occurredAt, forumId, sessionId, revision, speakers, null, null);
    }

    @Override
    @JsonIgnore
    public String partitionKey() {
        return sessionId.toString();
    }
}
