package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A circular letter (or a new revision of it) was published. It carries the text once, so invitation events need
 * not repeat it 193 times. Key: letter id.
 */
@JsonClassDescription("A circular letter, or a new revision of it, was published, with its texts in every language it was written in (once, so that invitation events need not repeat them). Key: the letter id.")
public record CircularLetterPublished(
        UUID eventId,
        Instant occurredAt,
        UUID letterId,
        UUID forumId,
        String reference,
        int revision,
        LocalDate letterDate,
        String signatoryName,
        String signatoryTitle,
        Contact contact,
        Language originalLanguage,
        Map<Language, LocalizedText> texts,
        String addresseeClass,
        Deadline responseDeadline,
        Deadline speakingRequestDeadline,
        Actor actor) implements DomainEvent, AttributedEvent {

    public static final String TYPE = "CircularLetterPublished.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public CircularLetterPublished(UUID eventId, Instant occurredAt, UUID letterId, UUID forumId, String reference,
            int revision, LocalDate letterDate, String signatoryName, String signatoryTitle, Contact contact,
            Language originalLanguage, Map<Language, LocalizedText> texts, String addresseeClass,
            Deadline responseDeadline, Deadline speakingRequestDeadline) {
        this(eventId, occurredAt, letterId, forumId, reference, revision, letterDate, signatoryName, signatoryTitle,
                contact, originalLanguage, texts, addresseeClass, responseDeadline, speakingRequestDeadline, null);
    }

    @Override
    public CircularLetterPublished withActor(Actor actor) {
        return new CircularLetterPublished(eventId, occurredAt, letterId, forumId, reference, revision, letterDate,
                signatoryName, signatoryTitle, contact, originalLanguage, texts, addresseeClass, responseDeadline,
                speakingRequestDeadline, actor);
    }

    @Override
    @JsonIgnore
    public String partitionKey() {
        return letterId.toString();
    }
}
