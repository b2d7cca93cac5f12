package itu.wsis.support.csv;

import java.util.List;

/**
 * RFC 4180 CSV for spreadsheets. A cell that a spreadsheet would read as a formula (= + - @, or a leading tab or
 * carriage return that some tools strip before the formula sign) gets a leading apostrophe: names, reasons and
 * titles are typed by invitees, and an export must not run what they typed. Shared by every CSV export.
 */
public final class SpreadsheetCsv {

    /** The UTF-8 byte-order mark: without it Excel reads UTF-8 as the local code page and breaks accents. */
    public static final String BOM = "\uFEFF";
    public static final String LINE_END = "\r\n";

    private SpreadsheetCsv() {
    }

    public static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append(LINE_END).toString();
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = neutralise(value);
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0 || !safe.equals(value);
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    static String neutralise(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
