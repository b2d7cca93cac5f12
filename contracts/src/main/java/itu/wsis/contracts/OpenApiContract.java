package itu.wsis.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What every service's served OpenAPI document must satisfy (docs/api/README.md). Each service's
 * {@code OpenApiContractTest} fetches {@code /q/openapi?format=json} and calls {@link #verify}; every failure says
 * what to add or which command regenerates the committed copy.
 */
public final class OpenApiContract {

    /** {@code -Dwsis.api.write=true}: write the served document to docs/api/&lt;service&gt;.json (compatible changes). */
    public static final String WRITE = "wsis.api.write";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Set<String> VAGUE = Set.of("list", "create", "get", "update", "delete", "put", "post",
            "load", "counts", "revision", "settings", "issue", "import");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiContract() {
    }

    public static void verify(String service, String servedJson) {
        JsonNode served = parse(servedJson, service + " served document");
        List<String> failures = new ArrayList<>(structure(service, served));
        failures.addAll(uniqueAcrossServices(service, served));
        if (!failures.isEmpty()) {
            throw new AssertionError(service + ": the served OpenAPI document breaks the contract (docs/api/README.md)"
                    + ":\n  - " + String.join("\n  - ", failures));
        }
        lint(service, served);
        compareWithCommitted(service, served);
    }

    /** The checks on one document; each message names what to add. */
    public static List<String> structure(String service, JsonNode doc) {
        List<String> failures = new ArrayList<>();
        String config = "service-support/src/main/resources/META-INF/microprofile-config.properties";
        JsonNode info = doc.path("info");
        if (info.path("contact").path("email").asText("").isEmpty()) {
            failures.add("info.contact is missing: set quarkus.smallrye-openapi.info-contact-* in " + config);
        }
        if (info.path("license").path("name").asText("").isEmpty()) {
            failures.add("info.license is missing: set quarkus.smallrye-openapi.info-license-* in " + config);
        }
        if (!doc.path("servers").isArray() || doc.path("servers").isEmpty()) {
            failures.add("servers is empty: set quarkus.smallrye-openapi.servers in " + service
                    + "/src/main/resources/application.properties");
        }
        Map<String, String> tagDescriptions = new HashMap<>();
        doc.path("tags").forEach(tag -> tagDescriptions.put(tag.path("name").asText(),
                tag.path("description").asText("")));
        JsonNode schemes = doc.path("components").path("securitySchemes");
        problemSchema(doc, failures);

        Map<String, String> ids = new TreeMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            String where = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode op = entry.getValue();
            List<String> problems = new ArrayList<>();
            String id = op.path("operationId").asText("");
            if (id.isEmpty()) {
                problems.add("has no operationId: add @Operation(operationId = \"verbNoun\", summary = \"...\") to "
                        + "the resource method, an id unique across the four services (docs/api/README.md, Naming)");
            } else if (!OPERATION_ID.matcher(id).matches()) {
                problems.add("operationId '" + id + "' is not lowerCamelCase");
            } else if (ids.containsKey(id)) {
                problems.add("operationId '" + id + "' is also the id of " + ids.get(id));
            } else {
                ids.put(id, where);
            }
            summary(op.path("summary").asText(""), problems);
            JsonNode tags = op.path("tags");
            if (tags.size() != 1) {
                problems.add("has " + tags.size() + " tags: give the resource class one @Tag");
            } else if (tagDescriptions.getOrDefault(tags.get(0).asText(), "").isBlank()) {
                problems.add("tag '" + tags.get(0).asText() + "' has no description: add description = \"...\" to "
                        + "its @Tag");
            }
            Set<String> taken = new LinkedHashSet<>();
            if (!op.path("security").isArray() || op.path("security").isEmpty()) {
                problems.add("names no security requirement: give the method @RolesAllowed (staff), the personal "
                        + "link (invitees) or @PermitAll (public)");
            } else {
                boolean optional = false;
                for (JsonNode req : op.path("security")) {
                    req.fieldNames().forEachRemaining(taken::add);
                    optional |= req.isEmpty();
                }
                taken.stream().filter(name -> !schemes.has(name))
                        .forEach(name -> problems.add("takes the undeclared security scheme '" + name + "'"));
                if (optional) {
                    // Public, a credential only shows more: it is never refused, so no 401 or 403 is expected.
                    taken.clear();
                }
            }
            responses(op, taken, path.getKey().contains("{"), problems);
            requestBody(id, op, problems);
            problems.forEach(problem -> failures.add(where + (id.isEmpty() ? "" : " (" + id + ")") + " " + problem));
        }));
        return failures;
    }

    private static void summary(String summary, List<String> problems) {
        String trimmed = summary.trim();
        if (trimmed.isEmpty()) {
            problems.add("has no summary: add summary = \"...\" (one sentence, what it does) to its @Operation");
        } else if (trimmed.split("\\s+").length < 3 || VAGUE.contains(trimmed.toLowerCase(Locale.ROOT))) {
            problems.add("summary '" + trimmed + "' says too little: one sentence that tells what it does");
        } else if (trimmed.contains("\n") || trimmed.matches(".*[.!?]\\s+\\p{Lu}.*")) {
            problems.add("summary must be one sentence, found: " + trimmed);
        }
    }

    private static void responses(JsonNode op, Set<String> schemes, boolean pathParameters, List<String> problems) {
        JsonNode responses = op.path("responses");
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            String code = response.getKey();
            JsonNode body = response.getValue();
            if (code.startsWith("2")) {
                success = true;
                if (!code.equals("204") && !typed(body.path("content"))) {
                    problems.add("answers " + code + " without a typed schema: return a typed Uni<ThingResponse> "
                            + "or add @APIResponse(responseCode = \"" + code + "\", content = @Content(schema = "
                            + "@Schema(implementation = ThingResponse.class)))");
                }
                if ((code.equals("201") || code.equals("202")) && !hasHeader(body, "Location")) {
                    problems.add("answers " + code + " without a documented Location header");
                }
            } else if (code.startsWith("4") || code.startsWith("5")) {
                JsonNode problem = body.path("content").path(PROBLEM_JSON).path("schema").path("$ref");
                if (!PROBLEM_REF.equals(problem.asText())) {
                    problems.add("answers " + code + " without an application/problem+json Problem body");
                }
            } else if (code.equals("default")) {
                problems.add("has a 'default' response: document each status it answers instead");
            }
        }
        if (!success) {
            problems.add("documents no 2xx response: add @APIResponse(responseCode = \"200\", ...) next to its "
                    + "error responses (an @APIResponse on a method replaces the inferred success response)");
        }
        List<String> expected = new ArrayList<>(List.of("500", "503"));
        if (schemes.contains("jwt") || schemes.contains("personalLink")) {
            expected.add("401");
        }
        if (schemes.contains("jwt")) {
            expected.add("403");
        }
        if (op.has("requestBody")) {
            expected.addAll(List.of("400", "415"));
        }
        if (pathParameters) {
            expected.add("404");
        }
        expected.stream().filter(code -> !responses.has(code))
                .forEach(code -> problems.add("does not document " + code + ", which it can answer"));
    }

    private static void requestBody(String id, JsonNode op, List<String> problems) {
        JsonNode content = op.path("requestBody").path("content");
        content.fields().forEachRemaining(media -> {
            JsonNode m = media.getValue();
            if (!m.has("example") && (!m.has("examples") || m.path("examples").isEmpty())) {
                String ext = media.getKey().contains("json") ? "json" : "csv";
                problems.add("request body " + media.getKey() + " has no example: add "
                        + "src/main/resources/openapi-examples/" + (id.isEmpty() ? "<operationId>" : id) + "." + ext);
            }
            if (!typed(content)) {
                problems.add("request body " + media.getKey() + " has no schema");
            }
        });
    }

    private static boolean typed(JsonNode content) {
        if (!content.isObject() || content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (schema.has("$ref") || schema.has("type") || schema.has("items") || schema.has("oneOf")
                    || schema.has("allOf") || schema.has("anyOf")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasHeader(JsonNode response, String name) {
        for (Iterator<String> it = response.path("headers").fieldNames(); it.hasNext(); ) {
            if (it.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static void problemSchema(JsonNode doc, List<String> failures) {
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        for (String member : List.of("type", "title", "status", "detail", "instance", "errors", "totalErrors")) {
            if (!problem.path("properties").has(member)) {
                failures.add("components.schemas.Problem lacks '" + member + "' (itu.wsis.support.openapi"
                        + ".ContractFilter writes it)");
            }
        }
        JsonNode error = doc.path("components").path("schemas").path("FieldError").path("properties");
        if (!error.has("field") || !error.has("message")) {
            failures.add("components.schemas.FieldError needs 'field' and 'message'");
        }
    }

    /** The ids of the other services' committed documents: one id names one operation of the platform. */
    static List<String> uniqueAcrossServices(String service, JsonNode served) {
        List<String> failures = new ArrayList<>();
        Map<String, String> others = new HashMap<>();
        for (Path file : committedDocuments()) {
            String other = file.getFileName().toString().replaceFirst("\\.json$", "");
            if (!other.equals(service)) {
                operationIds(parse(read(file), file.toString())).forEach(id -> others.put(id, other));
            }
        }
        for (String id : operationIds(served)) {
            if (others.containsKey(id)) {
                failures.add("operationId '" + id + "' is also an operation of " + others.get(id) + " (docs/api/"
                        + others.get(id) + ".json): give one of them another id or, for an operation every service "
                        + "serves from service-support, add @Operation(extensions = @Extension(name = "
                        + "ApiContract.EVERY_SERVICE, value = \"true\")) so that the service's name qualifies it");
            }
        }
        return failures;
    }

    public static List<String> operationIds(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        doc.path("paths").forEach(item -> item.fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey()) && op.getValue().has("operationId")) {
                ids.add(op.getValue().path("operationId").asText());
            }
        }));
        return ids;
    }

    public static List<Path> committedDocuments() {
        Path dir = apiDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path apiDir() {
        return NodeTools.root().resolve("docs/api");
    }

    private static void lint(String service, JsonNode served) {
        try {
            Path dir = NodeTools.root().resolve(service).resolve("target/openapi");
            Files.createDirectories(dir);
            Path file = dir.resolve("served.json");
            Files.writeString(file, pretty(served));
            NodeTools.Result lint = NodeTools.redoclyLint(file);
            if (!lint.ok()) {
                throw new AssertionError(service + ": Redocly (contracts/redocly.yaml, recommended-strict) rejects the "
                        + "served OpenAPI document " + file + ":\n" + withoutBanner(lint.output()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The served document must equal docs/api/&lt;service&gt;.json. A compatible change is accepted by rewriting the
     * copy ({@value #WRITE}); a breaking one only when the major version of {@code info.version} is raised too.
     */
    private static void compareWithCommitted(String service, JsonNode served) {
        Path committedFile = apiDir().resolve(service + ".json");
        String regenerate = regenerateCommand(service);
        boolean write = Boolean.getBoolean(WRITE);
        if (!Files.isRegularFile(committedFile)) {
            if (write) {
                writeCopy(committedFile, served);
                return;
            }
            throw new AssertionError(service + ": there is no committed copy " + committedFile
                    + " of its OpenAPI document. Create it with:\n  " + regenerate);
        }
        JsonNode committed = parse(read(committedFile), committedFile.toString());
        if (committed.equals(served)) {
            return;
        }
        ChangedOpenApi diff = diff(committed, served);
        boolean breaking = diff.isIncompatible();
        int committedMajor = major(committed);
        int servedMajor = major(served);
        if (breaking && servedMajor <= committedMajor) {
            throw new AssertionError("""
                    %s: the served OpenAPI document makes BREAKING changes to the committed contract %s:
                    %s
                    Partners' clients break on this. Make the change compatible (docs/api/README.md: add beside, \
                    deprecate, remove later), or make it deliberate: raise the major version of \
                    quarkus.smallrye-openapi.info-version in %s/src/main/resources/application.properties (now \
                    %s) and regenerate the copy:
                      %s""".formatted(service, committedFile, render(diff), service,
                    served.path("info").path("version").asText(), regenerate));
        }
        if (write) {
            writeCopy(committedFile, served);
            return;
        }
        throw new AssertionError("""
                %s: the served OpenAPI document differs from the committed copy %s (%s):
                %s
                If the change is intended, regenerate the copy and commit it:
                  %s""".formatted(service, committedFile,
                breaking ? "breaking, with a new major version" : "compatible", render(diff), regenerate));
    }

    /**
     * openapi-diff's comparison: {@code isIncompatible()} when a client of {@code committed} breaks on {@code served}.
     * Both go through {@link OpenApi30} first: on the services' 3.1 documents openapi-diff compares no schema.
     */
    public static ChangedOpenApi diff(JsonNode committed, JsonNode served) {
        return OpenApiCompare.fromContents(OpenApi30.of(pretty(committed)), OpenApi30.of(pretty(served)));
    }

    public static String regenerateCommand(String service) {
        return "./mvnw -B verify -pl " + service + " -am -Dtest=OpenApiContractTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true";
    }

    private static int major(JsonNode doc) {
        String version = doc.path("info").path("version").asText("0");
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String render(ChangedOpenApi diff) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                new MarkdownRender().render(diff, writer);
            }
            String text = bytes.toString(StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(descriptions, examples or other details changed)" : text;
        } catch (IOException | RuntimeException e) {
            return "(the difference could not be rendered: " + e + ")";
        }
    }

    private static void writeCopy(Path file, JsonNode served) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pretty(served));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two-space indentation, one member per line, a final newline: stable diffs in review. */
    public static String pretty(JsonNode doc) {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Redocly prints a box about Node.js versions before its findings; the findings are what matter. */
    private static String withoutBanner(String output) {
        return output.lines().filter(line -> !line.matches("\\s*[╔║╚].*")).reduce((a, b) -> a + "\n" + b)
                .orElse("").strip();
    }
}
