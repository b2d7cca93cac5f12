package itu.wsis.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import itu.wsis.support.text.PlainText;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * The JSON every service reads, made strict once for all of them (unknown properties are refused by
 * {@code quarkus.jackson.fail-on-unknown-properties}):
 * <ul>
 *   <li>a key that appears twice in one object is refused: which of the two values would count is otherwise
 *       Jackson's choice (the last), and a proxy or a signature check in front may have read the first;</li>
 *   <li>a NUL character (U+0000) in any string, value or key, is refused with the path of the field: PostgreSQL
 *       cannot store it in text, so it would otherwise surface as a 500 (SQLSTATE 22P05) after the fact.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule module = new SimpleModule("wsis-strict-json");
        module.addDeserializer(String.class, new NoNulStrings());
        module.addKeyDeserializer(String.class, new NoNulKeys());
        mapper.registerModule(module);
    }

    /** Jackson's own String deserializer, then the check; the path is added as the exception travels up. */
    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (PlainText.containsNul(value)) {
                // Never quote the value: it is what the client sent, NUL included.
                throw MismatchedInputException.from(p, String.class, NUL_MESSAGE);
            }
            return value;
        }
    }

    static final class NoNulKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (PlainText.containsNul(key)) {
                throw MismatchedInputException.from(ctxt.getParser(), String.class, "a key " + NUL_MESSAGE);
            }
            return key;
        }
    }
}
