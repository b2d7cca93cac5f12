package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Which topic and which versioned type name belong to each event record. */
public final class EventCatalog {

    private static final Map<Class<?>, String> TYPES = Arrays
            .stream(DomainEvent.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    private static final Map<Class<?>, Topic> TOPICS = Map.ofEntries(
            Map.entry(ForumEditionPublished.class, Topic.INVITATION),
            Map.entry(CircularLetterPublished.class, Topic.INVITATION),
            Map.entry(InvitationIssued.class, Topic.INVITATION),
            Map.entry(InvitationRevoked.class, Topic.INVITATION),
            Map.entry(ResponseDeadlineExtended.class, Topic.INVITATION),
            Map.entry(PersonalLinkReissued.class, Topic.INVITATION),
            Map.entry(InvitationAccepted.class, Topic.REGISTRATION),
            Map.entry(InvitationDeclined.class, Topic.REGISTRATION),
            Map.entry(ReplyChanged.class, Topic.REGISTRATION),
            Map.entry(ReplyWithdrawn.class, Topic.REGISTRATION),
            Map.entry(SpeakingRequestSubmitted.class, Topic.SPEAKING_REQUEST),
            Map.entry(SpeakingSlotAllocated.class, Topic.SPEAKING_REQUEST),
            Map.entry(SpeakingRequestWaitlisted.class, Topic.SPEAKING_REQUEST),
            Map.entry(SpeakingRequestWithdrawn.class, Topic.SPEAKING_REQUEST),
            Map.entry(SpeakingRequestPromoted.class, Topic.SPEAKING_REQUEST),
            Map.entry(SpeakingRequestRejected.class, Topic.SPEAKING_REQUEST),
            Map.entry(SpeakerSubstituted.class, Topic.SPEAKING_REQUEST),
            Map.entry(SpeakerRankDecided.class, Topic.SPEAKING_REQUEST),
            Map.entry(ListOfSpeakersPublished.class, Topic.SPEAKING_REQUEST),
            Map.entry(NotificationSent.class, Topic.NOTIFICATION),
            Map.entry(NotificationFailed.class, Topic.NOTIFICATION));

    private EventCatalog() {
    }

    public static String typeOf(Class<?> eventClass) {
        String type = TYPES.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not registered in DomainEvent");
        }
        return type;
    }

    public static Topic topicOf(Class<?> eventClass) {
        Topic topic = TOPICS.get(eventClass);
        if (topic == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no topic in EventCatalog");
        }
        return topic;
    }

    public static Map<String, Class<?>> classesByType() {
        return TYPES.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    static Map<Class<?>, Topic> topics() {
        return TOPICS;
    }

}
