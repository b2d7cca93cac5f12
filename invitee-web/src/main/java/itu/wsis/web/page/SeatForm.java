package itu.wsis.web.page;

import itu.wsis.web.client.Models;

import java.util.List;
import java.util.UUID;

/**
 * The request for a seat at a ministerial round table. Field ids: {@code seat-minister}/{@code seat-substitute},
 * {@code seat-name}, {@code seat-title}, {@code seat-rank}, {@code seat-language}, {@code seat-modality}: prefixed,
 * since the page holds the form for speaking time too. A seat is for a minister: a substitute's rank is one that
 * may sit ({@link #RANKS}); the service judges the rank that counts (RoundTableEligibility) and its refusal is shown.
 */
public record SeatForm(boolean substitute, String name, String title, String rank, String language,
                       String modality) {

    /** The ranks at or above Minister in the order of precedence: the only ones a seat is offered to. */
    public static final List<String> RANKS = List.of("HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "MINISTER");

    public static SeatForm of(String speaker, String name, String title, String rank, String language,
                              String modality) {
        return new SeatForm("substitute".equals(speaker), trim(name), trim(title), trim(rank), trim(language),
                trim(modality));
    }

    public static SeatForm empty(String language) {
        return new SeatForm(false, "", "", "", language, "");
    }

    public FormErrors validate() {
        FormErrors errors = new FormErrors();
        if (name.isEmpty()) {
            errors.add("seat-name", "error_name_required");
        } else if (name.length() > 200) {
            errors.add("seat-name", "error_too_long");
        }
        if (title.isEmpty()) {
            errors.add("seat-title", "error_title_required");
        } else if (title.length() > 200) {
            errors.add("seat-title", "error_too_long");
        }
        if (substitute && !RANKS.contains(rank)) {
            errors.add("seat-rank", "error_seat_rank_required");
        }
        if (!SpeakingForm.LANGUAGES.contains(language)) {
            errors.add("seat-language", "error_seat_language_required");
        }
        if (!SpeakingForm.MODALITIES.contains(modality)) {
            errors.add("seat-modality", "error_seat_modality_required");
        }
        return errors;
    }

    /**
     * Only for a form that {@link #validate()} found valid. A seat has no statement, so the request has no topic
     * (speaking-request-service requires one for speaking time only).
     */
    public Models.SpeakingRequestBody toBody(UUID roundTable) {
        return new Models.SpeakingRequestBody(new Models.SpeakerBody(name, title, substitute ? rank : null, substitute),
                List.of(roundTable), language, modality, null);
    }

    /** The service's field paths as this form's field ids; anything else is a refusal of the form as a whole. */
    public static String fieldId(String apiField) {
        if (apiField == null) {
            return "";
        }
        return switch (apiField) {
            case "speaker.name" -> "seat-name";
            case "speaker.title" -> "seat-title";
            case "speaker.rank", "rank" -> "seat-rank";
            case "statementLanguage" -> "seat-language";
            case "modality" -> "seat-modality";
            default -> "";
        };
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
