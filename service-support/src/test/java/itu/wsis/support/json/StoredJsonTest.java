package itu.wsis.support.json;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredJsonTest {

    record Payload(String name, LocalDate date, Instant at) {
    }

    @Test
    void datesAreStoredAsIsoTextAndReadBack() {
        Payload payload = new Payload("Réf.: CL-22/010", LocalDate.of(2022, 4, 15), Instant.parse("2022-04-15T22:00:00Z"));

        String json = StoredJson.write(payload);

        assertThat(json).contains("\"2022-04-15\"").contains("\"2022-04-15T22:00:00Z\"");
        assertThat(StoredJson.read(json, Payload.class)).isEqualTo(payload);
    }

    @Test
    void aFieldLeftByAnotherReleaseIsIgnored() {
        assertThat(StoredJson.read("{\"name\":\"x\",\"addedLater\":1}", Payload.class).name()).isEqualTo("x");
    }

    @Test
    void genericShapesKeepTheirTypes() {
        Map<String, List<Integer>> value = new TreeMap<>(Map.of("fr", List.of(1, 2)));

        Map<String, List<Integer>> read = StoredJson.read(StoredJson.write(value),
                new TypeReference<TreeMap<String, List<Integer>>>() {
                });

        assertThat(read).isInstanceOf(TreeMap.class).isEqualTo(value);
    }

    @Test
    void anUnreadableColumnIsABugNamedForItsType() {
        assertThatThrownBy(() -> StoredJson.read("{not json", Payload.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Payload");
    }
}
