package itu.wsis.invitation.domain;

import itu.wsis.events.Language;
import itu.wsis.events.Rank;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Filters, page and sort of an invitation listing. Only the listed sort keys exist: nothing else reaches SQL. */
public record InvitationQuery(UUID letterId, InvitationStatus status, String memberState, Language language,
                              Rank rank, int page, int size, SortKey sort, boolean descending) {

    public enum SortKey {
        ISSUED_AT("issuedAt"), MEMBER_STATE("memberState"), STATUS("status"),
        RESPONSE_DEADLINE("responseDeadlineAt"), LANGUAGE("preferredLanguage");

        private final String field;

        SortKey(String field) {
            this.field = field;
        }

        /** The entity field it orders by. */
        public String field() {
            return field;
        }

        private static final Map<String, SortKey> BY_NAME = Map.of(
                "issuedAt", ISSUED_AT, "memberState", MEMBER_STATE, "status", STATUS,
                "responseDeadline", RESPONSE_DEADLINE, "language", LANGUAGE);

        public static Optional<SortKey> parse(String name) {
            return Optional.ofNullable(BY_NAME.get(name));
        }

        public static String allowed() {
            return String.join(", ", new java.util.TreeSet<>(BY_NAME.keySet()));
        }
    }

    public String memberStateUpper() {
        return memberState == null ? null : memberState.toUpperCase(Locale.ROOT);
    }
}
