package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Which topic and which versioned type name belong to each event record. */
public final class EventCatalog {

    private static final Map<Class<?>, String> TYPES = Arrays
            .stream(DomainEvent.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    private static final Map<Class<?>, Topic> SINGLE_TOPIC = Map.ofEntries(
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
            Map.entry(SpeakingSlotRescheduled.class, Topic.SPEAKING_REQUEST),
            Map.entry(SpeakerRankDecided.class, Topic.SPEAKING_REQUEST),
            Map.entry(ListOfSpeakersPublished.class, Topic.SPEAKING_REQUEST),
            Map.entry(AllocationFrozen.class, Topic.SPEAKING_REQUEST),
            Map.entry(AllocationUnfrozen.class, Topic.SPEAKING_REQUEST),
            Map.entry(NotificationSent.class, Topic.NOTIFICATION),
            Map.entry(NotificationFailed.class, Topic.NOTIFICATION),
            Map.entry(NotificationResent.class, Topic.NOTIFICATION),
            Map.entry(PersonalDataErasureRequested.class, Topic.INVITATION));

    /** Records that more than one service publishes, each on its own topic (see {@link DomainEvent#publishedOn()}). */
    private static final Map<Class<?>, Set<Topic>> SHARED = Map.of(
            PersonalDataErased.class, EnumSet.of(Topic.REGISTRATION, Topic.SPEAKING_REQUEST, Topic.NOTIFICATION));

    private EventCatalog() {
    }

    public static String typeOf(Class<?> eventClass) {
        String type = TYPES.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not registered in DomainEvent");
        }
        return type;
    }

    /** The one topic of a record that one service publishes. */
    public static Topic topicOf(Class<?> eventClass) {
        Topic topic = SINGLE_TOPIC.get(eventClass);
        if (topic == null) {
            throw new IllegalArgumentException(eventClass.getName() + (SHARED.containsKey(eventClass)
                    ? " is published by several services, each on its own topic: use publishedOn()"
                    : " has no topic in EventCatalog"));
        }
        return topic;
    }

    /** Every topic a record may be published on. */
    public static Set<Topic> topicsOf(Class<?> eventClass) {
        Topic single = SINGLE_TOPIC.get(eventClass);
        if (single != null) {
            return Set.of(single);
        }
        Set<Topic> shared = SHARED.get(eventClass);
        if (shared == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no topic in EventCatalog");
        }
        return Collections.unmodifiableSet(shared);
    }

    public static Map<String, Class<?>> classesByType() {
        return TYPES.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
    }

    static Set<Class<?>> withTopics() {
        Set<Class<?>> all = new java.util.HashSet<>(SINGLE_TOPIC.keySet());
        all.addAll(SHARED.keySet());
        return all;
    }

}
