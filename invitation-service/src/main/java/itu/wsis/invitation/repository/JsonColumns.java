package itu.wsis.invitation.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.support.json.StoredJson;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The per-language texts and cc lists are stored as JSON text: they are always read and written whole, never
 * queried inside. Keys are the languages' ISO codes, as on the wire.
 */
public final class JsonColumns {

    private JsonColumns() {
    }

    public static String strings(Map<Language, String> texts) {
        Map<String, String> byCode = new TreeMap<>();
        texts.forEach((language, text) -> byCode.put(language.code(), text));
        return write(byCode);
    }

    public static Map<Language, String> strings(String json) {
        Map<String, String> byCode = read(json, new TypeReference<>() {
        });
        Map<Language, String> texts = new EnumMap<>(Language.class);
        byCode.forEach((code, text) -> texts.put(Language.fromCode(code), text));
        return texts;
    }

    public static String texts(Map<Language, LocalizedText> texts) {
        Map<String, Map<String, String>> byCode = new TreeMap<>();
        texts.forEach((language, text) -> {
            Map<String, String> parts = new TreeMap<>();
            parts.put("subject", text.subject());
            parts.put("body", text.body());
            putIfPresent(parts, "place", text.place());
            putIfPresent(parts, "addressee", text.addressee());
            putIfPresent(parts, "signatoryName", text.signatoryName());
            putIfPresent(parts, "signatoryTitle", text.signatoryTitle());
            byCode.put(language.code(), parts);
        });
        return write(byCode);
    }

    public static Map<Language, LocalizedText> texts(String json) {
        Map<String, Map<String, String>> byCode = read(json, new TypeReference<>() {
        });
        Map<Language, LocalizedText> texts = new EnumMap<>(Language.class);
        byCode.forEach((code, text) -> texts.put(Language.fromCode(code),
                new LocalizedText(text.get("subject"), text.get("body"), text.get("place"), text.get("addressee"),
                        text.get("signatoryName"), text.get("signatoryTitle"))));
        return texts;
    }

    private static void putIfPresent(Map<String, String> parts, String name, String value) {
        if (value != null) {
            parts.put(name, value);
        }
    }

    public static String list(List<String> values) {
        return write(values);
    }

    public static List<String> list(String json) {
        return read(json, new TypeReference<>() {
        });
    }

    public static String ids(List<UUID> ids) {
        return write(ids.stream().map(UUID::toString).toList());
    }

    public static List<UUID> ids(String json) {
        return list(json).stream().map(UUID::fromString).toList();
    }

    public static String counts(Map<String, Integer> counts) {
        return write(new TreeMap<>(counts));
    }

    public static Map<String, Integer> counts(String json) {
        return read(json, new TypeReference<TreeMap<String, Integer>>() {
        });
    }

    private static String write(Object value) {
        return StoredJson.write(value);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        return StoredJson.read(json, type);
    }
}
