package itu.wsis.invitation.rest;

import itu.wsis.invitation.domain.InviteeDraft;
import itu.wsis.invitation.domain.RowError;
import itu.wsis.support.csv.CsvTable;

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
        CsvTable table;
        try {
            table = CsvTable.parse(text);
        } catch (IllegalArgumentException e) {
            return new Parsed(List.of(), List.of(new RowError(0, "file", e.getMessage())));
        }
        List<RowError> errors = new ArrayList<>();
        List<String> header = table.header();
        List<Map<String, String>> rows = table.rows();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add(new RowError(0, column, "unknown column; the columns are " + String.join(",", COLUMNS)));
            }
        }
        // Reported once, at its first row: a file with a stray comma in every row needs one fix, not a report per row.
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() > header.size()) {
                errors.add(new RowError(i + 1, "row", "has " + rows.get(i).size() + " cells; the header names "
                        + header.size() + " columns (a comma inside a cell needs quotes)"));
                break;
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

    private static List<String> cc(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
