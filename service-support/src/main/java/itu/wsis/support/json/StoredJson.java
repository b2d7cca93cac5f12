package itu.wsis.support.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of what the services keep in their own JSON columns (per-language texts, cc lists,
 * delegations, reminder payloads): values that are always read and written whole, never queried inside.
 *
 * <p>Not the HTTP mapping (Quarkus' {@code ObjectMapper}, made strict by {@link StrictJson}: a client's body is
 * untrusted) nor the event codec ({@code itu.wsis.events.EventCodec}: a contract between services). A column was
 * written by this service, so reading it ignores fields an older or newer release may have left, and a column
 * that cannot be read is a bug, not bad input: {@link IllegalStateException}.
 */
public final class StoredJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoredJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON column (" + value.getClass().getSimpleName() + ")", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a JSON column as " + type.getSimpleName(), e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a JSON column as " + type.getType().getTypeName(), e);
        }
    }
}
