package itu.wsis.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's OpenAPI 3.1 document as the OpenAPI 3.0 document that says the same, for tools whose Java 17 lines read
 * schemas only in 3.0: openapi-diff (given 3.1 it sees operations and paths but no schema type, so a member turned
 * from string to integer is no difference) and swagger-request-validator (given 3.1 it lets a string pass for a
 * boolean). The services' documents use 3.1 only for schema {@code examples} and nullable {@code type} lists, which
 * have 3.0 forms; any other 3.1-only keyword stops the conversion, so that a check can never quietly check less than
 * the document says.
 */
public final class OpenApi30 {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON Schema keywords of 3.1 that OpenAPI 3.0 has no form for. */
    private static final Set<String> WITHOUT_3_0_FORM = Set.of("const", "prefixItems", "$defs", "if", "then", "else",
            "dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "contains",
            "minContains", "maxContains", "propertyNames", "patternProperties", "contentMediaType", "contentEncoding",
            "contentSchema", "$schema", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "jsonSchemaDialect",
            "webhooks");

    private OpenApi30() {
    }

    public static String of(String openApi31) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(openApi31);
            if (!document.path("openapi").asText().startsWith("3.1")) {
                return openApi31;
            }
            document.put("openapi", "3.0.3");
            List<String> unconvertible = new ArrayList<>();
            convert(document, "", unconvertible);
            if (!unconvertible.isEmpty()) {
                throw new IllegalStateException("OpenAPI 3.1 keywords the contract check cannot convert to 3.0: "
                        + unconvertible);
            }
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void convert(JsonNode node, String where, List<String> unconvertible) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                convert(array.get(i), where + "/" + i, unconvertible);
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        JsonNode examples = object.get("examples");
        if (examples instanceof ArrayNode list) {
            // A schema's examples (3.1); a media type's or a parameter's examples are a map and stay.
            object.remove("examples");
            if (!list.isEmpty() && !object.has("example")) {
                object.set("example", list.get(0));
            }
        }
        JsonNode type = object.get("type");
        if (type instanceof ArrayNode types) {
            List<String> named = new ArrayList<>();
            types.forEach(t -> named.add(t.asText()));
            boolean nullable = named.remove("null");
            if (named.size() != 1) {
                unconvertible.add(where + "/type " + types);
            } else {
                object.put("type", named.get(0));
                if (nullable) {
                    object.put("nullable", true);
                }
            }
        }
        for (Map.Entry<String, JsonNode> member : iterable(object)) {
            String key = member.getKey();
            if (WITHOUT_3_0_FORM.contains(key)) {
                unconvertible.add(where + "/" + key);
            }
            if ("properties".equals(key) && member.getValue() instanceof ObjectNode properties) {
                // Member names, not keywords: only their schemas are walked.
                for (Map.Entry<String, JsonNode> property : iterable(properties)) {
                    convert(property.getValue(), where + "/properties/" + property.getKey(), unconvertible);
                }
            } else if (!"example".equals(key) && !"default".equals(key) && !"enum".equals(key)) {
                convert(member.getValue(), where + "/" + key, unconvertible);
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(ObjectNode object) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        object.fields().forEachRemaining(members::add);
        return members;
    }
}
