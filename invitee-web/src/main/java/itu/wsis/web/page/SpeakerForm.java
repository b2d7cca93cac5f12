package itu.wsis.web.page;

import itu.wsis.web.client.Models;

/**
 * The change-of-speaker form of an active speaking request (allocated or waitlisted). Field ids, as on the request
 * form: {@code speaker-substitute}, {@code speaker-name}, {@code speaker-title}, {@code speaker-rank}.
 */
public record SpeakerForm(boolean substitute, String name, String title, String rank) {

    public static SpeakerForm of(String speaker, String name, String title, String rank) {
        return new SpeakerForm("substitute".equals(speaker), trim(name), trim(title), trim(rank));
    }

    /** The request's current speaker, to start from. The invited Minister's rank is the invitation's: not shown. */
    public static SpeakerForm from(Models.Speaker speaker) {
        if (speaker == null) {
            return new SpeakerForm(false, "", "", "");
        }
        return new SpeakerForm(speaker.substitute(), trim(speaker.name()), trim(speaker.title()),
                speaker.substitute() && speaker.rank() != null ? speaker.rank() : "");
    }

    public FormErrors validate() {
        FormErrors errors = new FormErrors();
        if (name.isEmpty()) {
            errors.add("speaker-name", "error_name_required");
        } else if (name.length() > 200) {
            errors.add("speaker-name", "error_too_long");
        }
        if (title.isEmpty()) {
            errors.add("speaker-title", "error_title_required");
        } else if (title.length() > 200) {
            errors.add("speaker-title", "error_too_long");
        }
        if (substitute && !SpeakingForm.RANKS.contains(rank)) {
            errors.add("speaker-rank", "error_rank_required");
        }
        return errors;
    }

    /** Only for a form that {@link #validate()} found valid. */
    public Models.SpeakerBody toBody() {
        return new Models.SpeakerBody(name, title, substitute ? rank : null, substitute);
    }

    /**
     * The service's field paths as this form's field ids: {@code name} from the body's validation,
     * {@code speaker.rank} from the speaking rules.
     */
    public static String fieldId(String apiField) {
        if (apiField == null) {
            return "";
        }
        String last = apiField.substring(apiField.lastIndexOf('.') + 1);
        return switch (last) {
            case "name" -> "speaker-name";
            case "title" -> "speaker-title";
            case "rank" -> "speaker-rank";
            default -> "";
        };
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
