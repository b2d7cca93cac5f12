package itu.wsis.registration.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import itu.wsis.events.Language;

import java.util.Map;
import java.util.TreeMap;

/** A forum's names by language code, as stored in forum_edition.names. */
final class ForumNames {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ForumNames() {
    }

    static String toJson(Map<Language, String> names) {
        Map<String, String> byCode = new TreeMap<>();
        if (names != null) {
            names.forEach((language, name) -> byCode.put(language.code(), name));
        }
        try {
            return JSON.writeValueAsString(byCode);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write forum names", e);
        }
    }

    static Map<String, String> fromJson(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<TreeMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable forum names", e);
        }
    }
}
