package itu.wsis.speaking.domain;

import java.util.List;

/**
 * CSV for spreadsheets: every cell quoted, and a cell that a spreadsheet would read as a formula (starting with
 * = + - @, a tab or a carriage return) is prefixed with an apostrophe, so that a speaker's name cannot run code on
 * the secretariat's machine (CSV injection).
 */
public final class Csv {

    /** Excel only reads UTF-8 without mojibake when the file starts with a byte-order mark. */
    public static final String BOM = "\uFEFF";

    private Csv() {
    }

    public static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append('"').append(neutralise(cells.get(i)).replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString();
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
