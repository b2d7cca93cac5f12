package itu.wsis.invitation.rest;

import itu.wsis.invitation.domain.Csv;
import itu.wsis.invitation.domain.InviteeDraft;
import itu.wsis.invitation.domain.RowError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CSV import format: a header row naming the columns (any order), then one invitee per row. Several cc
 * addresses go in one cell, separated by semicolons.
 */
final class InviteeImportFormat {

    static final List<String> COLUMNS = List.of("memberState", "fullName", "formOfAddress", "rank", "title",
            "ministry", "email", "cc", "preferredLanguage", "timeZone");
    private static final Set<String> REQUIRED = Set.of("memberState", "fullName", "formOfAddress", "rank", "email");

    record Parsed(List<InviteeDraft> drafts, List<RowError> errors) {
    }

    private InviteeImportFormat() {
    }

    static Parsed csv(String text) {
        List<Map<String, String>> rows = Csv.parse(text == null ? "" : text);
        List<RowError> errors = new ArrayList<>();
        List<String> header = rows.isEmpty() ? headerOnly(text) : new ArrayList<>(rows.get(0).keySet());
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add(new RowError(0, column, "unknown column; the columns are " + String.join(",", COLUMNS)));
            }
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                errors.add(new RowError(0, column, "required column missing"));
            }
        }
        List<InviteeDraft> drafts = rows.stream().map(row -> new InviteeDraft(row.get("memberState"),
                row.get("fullName"), row.get("formOfAddress"), row.get("rank"), row.get("title"),
                row.get("ministry"), row.get("email"), cc(row.get("cc")), row.get("preferredLanguage"),
                row.get("timeZone"))).toList();
        return new Parsed(drafts, errors);
    }

    private static List<String> headerOnly(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String first = text.lines().findFirst().orElse("");
        return Arrays.stream(first.replace("\uFEFF", "").split(",")).map(String::trim).toList();
    }

    private static List<String> cc(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
