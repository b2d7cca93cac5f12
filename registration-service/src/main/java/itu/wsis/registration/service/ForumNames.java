package itu.wsis.registration.service;

import com.fasterxml.jackson.core.type.TypeReference;
import itu.wsis.events.Language;
import itu.wsis.support.json.StoredJson;

import java.util.Map;
import java.util.TreeMap;

/** A forum's names by language code, as stored in forum_edition.names. */
final class ForumNames {

    private ForumNames() {
    }

    static String toJson(Map<Language, String> names) {
        Map<String, String> byCode = new TreeMap<>();
        if (names != null) {
            names.forEach((language, name) -> byCode.put(language.code(), name));
        }
        return StoredJson.write(byCode);
    }

    static Map<String, String> fromJson(String json) {
        return json == null ? Map.of() : StoredJson.read(json, new TypeReference<TreeMap<String, String>>() {
        });
    }
}
