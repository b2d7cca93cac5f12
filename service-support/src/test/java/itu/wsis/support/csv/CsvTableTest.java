package itu.wsis.support.csv;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {

    @Test
    void quotesCommasLineBreaksABomAndBlankLines() {
        CsvTable table = CsvTable.parse("\uFEFFa, b \r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\n1,\n");

        assertThat(table.header()).containsExactly("a", "b");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0)).containsEntry("a", "x, \"y\"").containsEntry("b", "two\nlines");
        assertThat(table.rows().get(1)).containsEntry("a", "1").containsEntry("b", "");
    }

    @Test
    void aHeaderAloneHasColumnsAndNoRows() {
        CsvTable table = CsvTable.parse("memberState,\"fullName\",email\r\n");

        assertThat(table.header()).containsExactly("memberState", "fullName", "email");
        assertThat(table.rows()).isEmpty();
    }

    @Test
    void cellsBeyondTheHeaderAreKeptUnderTheirPosition() {
        CsvTable table = CsvTable.parse("a,b\n1,2,3\n");

        assertThat(table.rows().get(0)).containsEntry("column 3", "3").hasSize(3);
    }

    /** What an export writes, an import reads back: the two ends of the project's CSV agree (formula cells aside). */
    @Property(tries = 300)
    void readsBackWhatSpreadsheetCsvWrites(@ForAll @Size(min = 1, max = 6) List<String> cells) {
        List<String> plain = cells.stream().map(c -> c.isEmpty() ? c : "x" + c).toList();
        // One empty cell is written as an empty line, which a reader cannot tell from a blank line between rows.
        Assume.that(!plain.equals(List.of("")));
        List<String> header = new java.util.ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            header.add("h" + i);
        }

        CsvTable table = CsvTable.parse(SpreadsheetCsv.row(header) + SpreadsheetCsv.row(plain));

        assertThat(table.header()).isEqualTo(header);
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).values()).containsExactlyElementsOf(plain);
    }

    @Test
    void nothingIsAnEmptyTable() {
        assertThat(CsvTable.parse(null)).isEqualTo(new CsvTable(List.of(), List.of()));
        assertThat(CsvTable.parse("")).isEqualTo(new CsvTable(List.of(), List.of()));
    }

    @Test
    void anUnterminatedQuoteIsRefusedWithABoundedReason() {
        String unterminated = "a,b\n1,\"" + "x".repeat(10_000);

        assertThatThrownBy(() -> CsvTable.parse(unterminated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a CSV file: ")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(260));
    }
}
