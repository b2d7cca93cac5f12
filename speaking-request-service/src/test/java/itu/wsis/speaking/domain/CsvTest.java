package itu.wsis.speaking.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void formulaCellsAreNeutralisedAndQuotesEscaped() {
        assertThat(Csv.row(List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "Plain \"name\"", "")))
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"Plain \"\"name\"\"\",\"\"\r\n");
    }

    @Test
    void nonLatinTextPassesThrough() {
        assertThat(Csv.row(List.of("Côte d'Ivoire", "الإمارات", "中国"))).isEqualTo("\"Côte d'Ivoire\",\"الإمارات\",\"中国\"\r\n");
    }
}
