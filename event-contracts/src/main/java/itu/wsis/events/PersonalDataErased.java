package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonClassDescription;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A service's report on one erasure: what it erased, counted per kind of data ({@code {"delegates": 3,
 * "replyVersions": 2}}), never the data itself. Each service publishes it on its own topic ({@code service} names
 * it and decides the topic); invitation-service collects the reports. Key: erasure id.
 */
@JsonClassDescription("One service's report on an erasure: what it erased, counted per kind of data, never the data itself. Each reporting service publishes it on its own topic (`service` names it); invitation-service collects the reports. Key: the erasure id.")
public record PersonalDataErased(UUID eventId, Instant occurredAt, UUID erasureId, String service,
                                 Map<String, Integer> erased) implements DomainEvent {

    public static final String TYPE = "PersonalDataErased.v1";

    public PersonalDataErased {
        erased = erased == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(erased));
    }

    @Override
    @JsonIgnore
    public String partitionKey() {
        return erasureId.toString();
    }

    /** The producing service's own topic: one record type, published by three services. */
    @Override
    @JsonIgnore
    public Topic publishedOn() {
        Topic topic = Topic.ofProducer(service);
        if (!EventCatalog.topicsOf(PersonalDataErased.class).contains(topic)) {
            throw new IllegalStateException(service + " does not report erasures");
        }
        return topic;
    }
}
