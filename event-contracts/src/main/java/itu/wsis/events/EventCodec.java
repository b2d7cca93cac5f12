package itu.wsis.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of events, shared by producers and consumers. Readers ignore fields they do not know, so a
 * producer may add an optional field without a new version.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventCodec() {
    }

    public static String encode(DomainEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    /** @throws UnreadableEventException when the payload is not a known, well-formed event: a poison message. */
    public static DomainEvent decode(String json) {
        if (json == null || json.isBlank()) {
            throw new UnreadableEventException("empty payload", null);
        }
        try {
            DomainEvent event = MAPPER.readValue(json, DomainEvent.class);
            if (event.eventId() == null || event.occurredAt() == null) {
                throw new UnreadableEventException("event without eventId or occurredAt", null);
            }
            if (event instanceof InvitationEvent invitationEvent && invitationEvent.invitationId() == null) {
                throw new UnreadableEventException("invitation event without invitationId", null);
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException(e.getOriginalMessage(), e);
        }
    }

    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
