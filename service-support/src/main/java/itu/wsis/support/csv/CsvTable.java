package itu.wsis.support.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An uploaded RFC 4180 CSV file (quoted fields may hold commas, doubled quotes and line breaks), read by Jackson's CSV
 * parser: the first record is the header, trimmed; each following record maps header name to value, and a value
 * beyond the header's last column is kept as "column N" so that a row with too many cells is reported, not lost.
 * Spreadsheet exports often start with a byte-order mark and end rows with CRLF; blank lines are skipped.
 */
public record CsvTable(List<String> header, List<Map<String, String>> rows) {

    private static final CsvMapper MAPPER = new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** @throws IllegalArgumentException when the text is not CSV (an unterminated quoted field, for example) */
    public static CsvTable parse(String text) {
        String csv = text == null ? "" : text.startsWith(SpreadsheetCsv.BOM) ? text.substring(1) : text;
        List<String> header = null;
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> records = MAPPER.readerForListOf(String.class).readValues(csv)) {
            while (records.hasNextValue()) {
                List<String> record = records.nextValue();
                if (header == null) {
                    header = record.stream().map(String::trim).toList();
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    row.put(i < header.size() ? header.get(i) : "column " + (i + 1), record.get(i));
                }
                rows.add(row);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a CSV file: " + firstLine(e.getMessage()), e);
        }
        return new CsvTable(header == null ? List.of() : header, rows);
    }

    private static String firstLine(String message) {
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
