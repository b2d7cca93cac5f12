package itu.wsis.support.csv;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCsvTest {

    @Test
    void quotesWhatRfc4180Requires() {
        assertThat(SpreadsheetCsv.row(List.of("plain", "a,b", "say \"hi\"", "two\nlines", ""))).isEqualTo(
                "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    @Test
    void neutralisesFormulas() {
        assertThat(SpreadsheetCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(SpreadsheetCsv.cell("+41 22 730 5350")).isEqualTo("\"'+41 22 730 5350\"");
        assertThat(SpreadsheetCsv.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(SpreadsheetCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(SpreadsheetCsv.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(SpreadsheetCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(SpreadsheetCsv.cell("Zoë = 1")).isEqualTo("Zoë = 1");
    }

    @Test
    void nonLatinTextPassesThrough() {
        assertThat(SpreadsheetCsv.row(List.of("Côte d'Ivoire", "الإمارات", "中国"))).isEqualTo("Côte d'Ivoire,الإمارات,中国\r\n");
    }

    /** Reading the row back with RFC 4180 rules gives every cell, and no cell starts a formula. */
    @Property(tries = 500)
    void everyRowReadsBackAndNoCellIsAFormula(@ForAll List<String> cells) {
        List<String> read = parse(SpreadsheetCsv.row(cells));
        assertThat(read).hasSize(Math.max(cells.size(), 1));
        for (int i = 0; i < cells.size(); i++) {
            String original = cells.get(i) == null ? "" : cells.get(i);
            String back = read.get(i);
            assertThat(back).isIn(original, "'" + original);
            assertThat(back.isEmpty() || "=+-@\t\r".indexOf(back.charAt(0)) < 0).isTrue();
        }
    }

    private static List<String> parse(String row) {
        assertThat(row).endsWith("\r\n");
        String line = row.substring(0, row.length() - 2);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return Arrays.asList(cells.toArray(String[]::new));
    }
}
