package itu.wsis.web.i18n;

/**
 * The texts whose key is composed from a value the services send (a status, a rank, a problem's slug): each family
 * a switch over the bundle's typed methods, so that a text missing from {@link PageMessages} fails the compile.
 * Null when the pages have no text for the value; the caller decides what shows instead.
 */
public final class Texts {

    private Texts() {
    }

    /** The forum's format ({@code HYBRID}, ...), null when the pages have no word for it. */
    public static String format(PageMessages t, String value) {
        return value == null ? null : switch (value) {
            case "HYBRID" -> t.format_HYBRID();
            case "IN_PERSON" -> t.format_IN_PERSON();
            case "VIRTUAL" -> t.format_VIRTUAL();
            default -> null;
        };
    }

    /** Where the reply stands ({@code NONE}, {@code ACCEPTED}, ...). */
    public static String reply(PageMessages t, String value) {
        return value == null ? null : switch (value) {
            case "NONE" -> t.reply_NONE();
            case "ACCEPTED" -> t.reply_ACCEPTED();
            case "DECLINED" -> t.reply_DECLINED();
            case "WITHDRAWN" -> t.reply_WITHDRAWN();
            default -> null;
        };
    }

    /** How the delegation attends ({@code IN_PERSON}, {@code REMOTE}). */
    public static String mode(PageMessages t, String value) {
        return value == null ? null : switch (value) {
            case "IN_PERSON" -> t.mode_IN_PERSON();
            case "REMOTE" -> t.mode_REMOTE();
            default -> null;
        };
    }

    /** A speaker's rank ({@code MINISTER}, ...). */
    public static String rank(PageMessages t, String value) {
        return value == null ? null : switch (value) {
            case "HEAD_OF_STATE" -> t.rank_HEAD_OF_STATE();
            case "HEAD_OF_GOVERNMENT" -> t.rank_HEAD_OF_GOVERNMENT();
            case "MINISTER" -> t.rank_MINISTER();
            case "DEPUTY_MINISTER" -> t.rank_DEPUTY_MINISTER();
            case "AMBASSADOR" -> t.rank_AMBASSADOR();
            case "HEAD_OF_DELEGATION" -> t.rank_HEAD_OF_DELEGATION();
            case "OTHER" -> t.rank_OTHER();
            default -> null;
        };
    }

    /** How a statement is delivered ({@code IN_PERSON}, {@code REMOTE_LIVE}, {@code VIDEO}). */
    public static String modality(PageMessages t, String value) {
        return value == null ? null : switch (value) {
            case "IN_PERSON" -> t.modality_IN_PERSON();
            case "REMOTE_LIVE" -> t.modality_REMOTE_LIVE();
            case "VIDEO" -> t.modality_VIDEO();
            default -> null;
        };
    }

    /** How a round-table seat is taken. */
    public static String seatModality(PageMessages t, String value) {
        return value == null ? null : switch (value) {
            case "IN_PERSON" -> t.seat_modality_IN_PERSON();
            case "REMOTE_LIVE" -> t.seat_modality_REMOTE_LIVE();
            case "VIDEO" -> t.seat_modality_VIDEO();
            default -> null;
        };
    }

    /** Where a speaking request stands ({@code ALLOCATED}, ...). */
    public static String speakingStatus(PageMessages t, String value) {
        return value == null ? null : switch (value) {
            case "ALLOCATED" -> t.speaking_ALLOCATED();
            case "WAITLISTED" -> t.speaking_WAITLISTED();
            case "WITHDRAWN" -> t.speaking_WITHDRAWN();
            case "REJECTED" -> t.speaking_REJECTED();
            default -> null;
        };
    }

    /** Where a seat request stands ({@code ALLOCATED}, {@code REQUESTED}, ...). */
    public static String seatStatus(PageMessages t, String value) {
        return value == null ? null : switch (value) {
            case "ALLOCATED" -> t.seat_ALLOCATED();
            case "REQUESTED" -> t.seat_REQUESTED();
            case "WAITLISTED" -> t.seat_WAITLISTED();
            case "WITHDRAWN" -> t.seat_WITHDRAWN();
            case "REJECTED" -> t.seat_REJECTED();
            default -> null;
        };
    }

    /** The confirmation after a form was saved ({@code accepted}, {@code seat}, ...). */
    public static String saved(PageMessages t, String value) {
        return value == null ? null : switch (value) {
            case "accepted" -> t.saved_accepted();
            case "declined" -> t.saved_declined();
            case "withdrawn" -> t.saved_withdrawn();
            case "speaking" -> t.saved_speaking();
            case "speaker" -> t.saved_speaker();
            case "speaking_withdrawn" -> t.saved_speaking_withdrawn();
            case "seat" -> t.saved_seat();
            case "seat_withdrawn" -> t.saved_seat_withdrawn();
            default -> null;
        };
    }

    /** A form field's error, by the key {@code FormErrors} holds ({@code error_too_long}, ...). */
    public static String error(PageMessages t, String key) {
        return key == null ? null : switch (key) {
            case "error_summary_title" -> t.error_summary_title();
            case "error_mode_required" -> t.error_mode_required();
            case "error_name_required" -> t.error_name_required();
            case "error_title_required" -> t.error_title_required();
            case "error_email_required" -> t.error_email_required();
            case "error_email_invalid" -> t.error_email_invalid();
            case "error_too_long" -> t.error_too_long();
            case "error_delegation_required" -> t.error_delegation_required();
            case "error_head_required" -> t.error_head_required();
            case "error_rank_required" -> t.error_rank_required();
            case "error_sessions_required" -> t.error_sessions_required();
            case "error_sessions_invalid" -> t.error_sessions_invalid();
            case "error_language_required" -> t.error_language_required();
            case "error_modality_required" -> t.error_modality_required();
            case "error_topic_required" -> t.error_topic_required();
            case "error_invalid" -> t.error_invalid();
            case "error_seat_rank_required" -> t.error_seat_rank_required();
            case "error_seat_language_required" -> t.error_seat_language_required();
            case "error_seat_modality_required" -> t.error_seat_modality_required();
            default -> null;
        };
    }

    /** A service's refusal, by key: {@code refused_<slug>} or a form's own {@code refused_seat_<slug>}. */
    public static String refusal(PageMessages t, String key) {
        return key == null ? null : switch (key) {
            case "refused_generic" -> t.refused_generic();
            case "refused_reply_deadline_passed" -> t.refused_reply_deadline_passed();
            case "refused_reply_locked_after_deadline" -> t.refused_reply_locked_after_deadline();
            case "refused_reply_not_accepted" -> t.refused_reply_not_accepted();
            case "refused_request_exists" -> t.refused_request_exists();
            case "refused_session_full" -> t.refused_session_full();
            case "refused_modality_not_offered" -> t.refused_modality_not_offered();
            case "refused_invitation_not_ready" -> t.refused_invitation_not_ready();
            case "refused_reply_conflict" -> t.refused_reply_conflict();
            case "refused_rate_limited" -> t.refused_rate_limited();
            case "refused_service_unavailable" -> t.refused_service_unavailable();
            case "refused_request_closed" -> t.refused_request_closed();
            case "refused_speaking_request_not_found" -> t.refused_speaking_request_not_found();
            case "refused_session_not_found" -> t.refused_session_not_found();
            case "refused_invitation_revoked" -> t.refused_invitation_revoked();
            case "refused_personal_data_erased" -> t.refused_personal_data_erased();
            case "refused_invalid_request" -> t.refused_invalid_request();
            case "refused_forum_not_known_yet" -> t.refused_forum_not_known_yet();
            case "refused_payload_too_large" -> t.refused_payload_too_large();
            case "refused_database_unavailable" -> t.refused_database_unavailable();
            case "refused_seat_round_table_ministers_only" -> t.refused_seat_round_table_ministers_only();
            case "refused_seat_request_exists" -> t.refused_seat_request_exists();
            case "refused_seat_request_closed" -> t.refused_seat_request_closed();
            case "refused_seat_speaking_request_not_found" -> t.refused_seat_speaking_request_not_found();
            case "refused_seat_session_not_found" -> t.refused_seat_session_not_found();
            default -> null;
        };
    }
}
