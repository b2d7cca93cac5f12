package itu.wsis.web.page;

import itu.wsis.web.client.Models;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The speaking-request form. Field ids: {@code speaker-substitute}, {@code speaker-name}, {@code speaker-title},
 * {@code speaker-rank}, {@code sessions}, {@code language}, {@code modality}, {@code topic}.
 */
public record SpeakingForm(boolean substitute, String name, String title, String rank, List<String> sessions,
                           String language, String modality, String topic) {

    static final Set<String> RANKS = Set.of("HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "MINISTER", "DEPUTY_MINISTER",
            "AMBASSADOR", "HEAD_OF_DELEGATION", "OTHER");
    static final Set<String> LANGUAGES = Set.of("ar", "en", "es", "fr", "ru", "zh");
    static final Set<String> MODALITIES = Set.of("IN_PERSON", "REMOTE_LIVE", "VIDEO");

    public static SpeakingForm of(String speaker, String name, String title, String rank, List<String> sessions,
                                  String language, String modality, String topic) {
        return new SpeakingForm("substitute".equals(speaker), trim(name), trim(title), trim(rank),
                sessions == null ? List.of() : sessions.stream().map(String::trim).toList(), trim(language),
                trim(modality), trim(topic));
    }

    public static SpeakingForm empty(String language) {
        return new SpeakingForm(false, "", "", "", List.of(), language, "", "");
    }

    public boolean chose(String sessionId) {
        return sessions.contains(sessionId);
    }

    public FormErrors validate() {
        // The speaker's part is the change-of-speaker form's, field for field.
        FormErrors errors = new SpeakerForm(substitute, name, title, rank).validate();
        if (sessions.isEmpty()) {
            errors.add("sessions", "error_sessions_required");
        } else if (sessions.size() > 10 || sessions.stream().anyMatch(s -> !isUuid(s))) {
            errors.add("sessions", "error_sessions_invalid");
        }
        if (!LANGUAGES.contains(language)) {
            errors.add("language", "error_language_required");
        }
        if (!MODALITIES.contains(modality)) {
            errors.add("modality", "error_modality_required");
        }
        if (topic.isEmpty()) {
            errors.add("topic", "error_topic_required");
        } else if (topic.length() > 300) {
            errors.add("topic", "error_too_long");
        }
        return errors;
    }

    /** Only for a form that {@link #validate()} found valid. The invited Minister's rank is the invitation's. */
    public Models.SpeakingRequestBody toBody() {
        List<UUID> ids = new ArrayList<>();
        sessions.forEach(s -> ids.add(UUID.fromString(s)));
        return new Models.SpeakingRequestBody(new Models.SpeakerBody(name, title, substitute ? rank : null, substitute),
                ids, language, modality, topic);
    }

    /** The service's field paths as this form's field ids. */
    public static String fieldId(String apiField) {
        if (apiField == null) {
            return "";
        }
        return switch (apiField) {
            case "speaker.name" -> "speaker-name";
            case "speaker.title" -> "speaker-title";
            case "speaker.rank", "rank" -> "speaker-rank";
            case "preferredSessionIds" -> "sessions";
            case "statementLanguage" -> "language";
            case "modality" -> "modality";
            case "topic" -> "topic";
            default -> apiField.startsWith("preferredSessionIds") ? "sessions" : "";
        };
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
