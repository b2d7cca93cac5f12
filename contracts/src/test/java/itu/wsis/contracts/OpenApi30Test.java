package itu.wsis.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApi30Test {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String document(String schema) {
        return """
                {"openapi":"3.1.0","info":{"title":"t","version":"1.0.0"},"paths":{},
                 "components":{"schemas":{"View":%s}}}""".formatted(schema);
    }

    @Test
    void aNullableTypeListAndSchemaExamplesTakeTheir30Forms() throws Exception {
        JsonNode converted = JSON.readTree(OpenApi30.of(document("""
                {"type":"object","properties":{
                  "reply":{"type":["string","null"],"examples":["ACCEPTED","DECLINED"]},
                  "examples":{"type":"integer"}}}""")));

        assertThat(converted.path("openapi").asText()).isEqualTo("3.0.3");
        JsonNode reply = converted.at("/components/schemas/View/properties/reply");
        assertThat(reply.path("type").asText()).isEqualTo("string");
        assertThat(reply.path("nullable").asBoolean()).isTrue();
        assertThat(reply.path("example").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.has("examples")).isFalse();
        // A member named "examples" is a member, not the keyword.
        assertThat(converted.at("/components/schemas/View/properties/examples/type").asText()).isEqualTo("integer");
    }

    @Test
    void a31KeywordWithout30FormStopsTheConversionRatherThanBeDropped() {
        assertThatThrownBy(() -> OpenApi30.of(document("""
                {"type":"object","properties":{"kind":{"const":"SEAT"}}}""")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/components/schemas/View/properties/kind/const");
        assertThatThrownBy(() -> OpenApi30.of(document("""
                {"type":["string","integer"]}""")))
                .hasMessageContaining("/type");
    }

    @Test
    void a30DocumentIsLeftAsItIs() {
        String document = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{}}";
        assertThat(OpenApi30.of(document)).isEqualTo(document);
    }
}
