package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** A forum edition was created or changed; consumers keep the latest by {@code revision}. Key: forum id. */
@JsonClassDescription("A forum edition was created or changed; consumers keep the latest by `revision`. Key: the forum id.")
public record ForumEditionPublished(
        UUID eventId,
        Instant occurredAt,
        UUID forumId,
        long revision,
        String code,
        Map<Language, String> names,
        Map<Language, String> themes,
        LocalDate virtualPhaseStart,
        LocalDate inPersonStart,
        LocalDate inPersonEnd,
        String venue,
        String format,
        String timeZone,
        String forumSiteUrl,
        String speakingRequestUrl,
        String partnershipUrl,
        Actor actor) implements DomainEvent, AttributedEvent {

    public static final String TYPE = "ForumEditionPublished.v1";

    /** Without an actor: as an event written before the member was added reads (docs/events.md, "Compatibility"). */
    public ForumEditionPublished(UUID eventId, Instant occurredAt, UUID forumId, long revision, String code,
            Map<Language, String> names, Map<Language, String> themes, LocalDate virtualPhaseStart,
            LocalDate inPersonStart, LocalDate inPersonEnd, String venue, String format, String timeZone,
            String forumSiteUrl, String speakingRequestUrl, String partnershipUrl) {
        this(eventId, occurredAt, forumId, revision, code, names, themes, virtualPhaseStart, inPersonStart,
                inPersonEnd, venue, format, timeZone, forumSiteUrl, speakingRequestUrl, partnershipUrl, null);
    }

    @Override
    public ForumEditionPublished withActor(Actor actor) {
        return new ForumEditionPublished(eventId, occurredAt, forumId, revision, code, names, themes,
                virtualPhaseStart, inPersonStart, inPersonEnd, venue, format, timeZone, forumSiteUrl,
                speakingRequestUrl, partnershipUrl, actor);
    }

    @Override
    @JsonIgnore
    public String partitionKey() {
        return forumId.toString();
    }
}
