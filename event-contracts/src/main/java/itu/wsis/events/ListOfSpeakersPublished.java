package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** The secretariat published (or re-published) a session's list of speakers. Key: session id. */
@JsonClassDescription("The secretariat published (or re-published) a session's list of speakers. Key: the session id.")
public record ListOfSpeakersPublished(UUID eventId, Instant occurredAt, UUID forumId, UUID sessionId,
                                      int revision, int speakers) implements DomainEvent {

    public static final String TYPE = "ListOfSpeakersPublished.v1";

    @Override
    @JsonIgnore
    public String partitionKey() {
        return sessionId.toString();
    }
}
