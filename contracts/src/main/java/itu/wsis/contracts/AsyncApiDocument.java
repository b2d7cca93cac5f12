package itu.wsis.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.EventCatalog;
import itu.wsis.events.Topic;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The AsyncAPI 3.0 document of the platform's topics ({@code docs/asyncapi.yaml}), generated from the event records
 * themselves: the topics and types from {@link EventCatalog} and {@link Topic}, each payload's JSON Schema from its
 * record (victools jsonschema-generator with the Jackson module, so it reads the records as the codec writes them),
 * its description from {@link JsonClassDescription}, its key from {@code partitionKey()}. A test compares the
 * committed document with this one; {@code -Dwsis.asyncapi.write=true} rewrites it (docs/api/README.md).
 */
public final class AsyncApiDocument {

    public static final String WRITE = "wsis.asyncapi.write";
    public static final String VERSION = "1.0.0";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Members the codec refuses to decode without: never null. */
    private static final Set<String> MANDATORY = Set.of("eventId", "occurredAt");
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String MESSAGES = "#/components/messages/";

    private AsyncApiDocument() {
    }

    /** Who consumes each topic: the consuming services' own configuration (a test checks it against this). */
    public static SortedMap<String, List<String>> consumers() {
        SortedMap<String, List<String>> consumers = new TreeMap<>();
        // invitation-service reads its own topic for the audit trail only (docs/audit.md).
        consumers.put(Topic.INVITATION.topicName(),
                List.of("invitation-service", "registration-service", "speaking-request-service",
                        "notification-service"));
        consumers.put(Topic.REGISTRATION.topicName(),
                List.of("invitation-service", "speaking-request-service", "notification-service"));
        // invitation-service reads the speaking-request and notification topics for the erasure reports
        // (PersonalDataErased), and both again for the audit trail (the notification topic for the resends); the other
        // records there it acknowledges unread.
        consumers.put(Topic.SPEAKING_REQUEST.topicName(), List.of("invitation-service", "notification-service"));
        consumers.put(Topic.NOTIFICATION.topicName(), List.of("invitation-service"));
        return consumers;
    }

    public static String yaml() {
        try {
            ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build());
            return "# Generated from event-contracts by itu.wsis.contracts.AsyncApiDocument: do not edit by hand.\n"
                    + "# Regenerate: ./mvnw -B verify -pl contracts -am -Dtest=AsyncApiDocumentTest "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true\n"
                    + yaml.writeValueAsString(document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode document() {
        List<Class<?>> events = events();
        ObjectNode doc = NODES.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "WSIS Forum platform events");
        info.put("version", VERSION);
        info.put("description", """
                The Kafka topics of the WSIS Forum invitation platform: one topic per producing service, each \
                event a versioned JSON record (`type` names the record and its version, e.g. \
                `InvitationIssued.v1`), published through the producer's transactional outbox, at least once and \
                in order per key. Consumers are idempotent by `eventId` and ignore members they do not know; a \
                breaking change is a new record version published beside the old one (docs/events.md). Every \
                record carries CloudEvents 1.0 headers in binary mode. A consumer that cannot process a record \
                sends it, unchanged, to its own dead-letter topic `wsis.dlq.<consuming-service>`.""");
        ObjectNode contact = info.putObject("contact");
        contact.put("name", "WSIS Forum Secretariat, ITU");
        contact.put("email", "wsis-info@itu.int");
        contact.put("url", "https://www.itu.int/net4/wsis/forum/");
        ObjectNode license = info.putObject("license");
        license.put("name", "ITU terms of use");
        license.put("url", "https://www.itu.int/en/about/Pages/terms-of-use.aspx");
        doc.put("defaultContentType", "application/json");

        ObjectNode servers = doc.putObject("servers");
        server(servers, "local", "localhost:9092", "The local stack (`./wsis up`). Production brokers come from "
                + "`KAFKA_BOOTSTRAP_SERVERS`.");
        server(servers, "compose", "localhost:29092", "docker compose (`docker compose up`).");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = NODES.objectNode();
        ObjectNode messages = NODES.objectNode();

        for (Topic topic : Topic.values()) {
            List<Class<?>> onTopic = events.stream().filter(e -> EventCatalog.topicsOf(e).contains(topic)).toList();
            String channelId = camel(topic.topicName().replaceFirst("^wsis\\.", ""));
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic.topicName());
            channel.put("title", topic.topicName());
            List<String> readers = consumers().getOrDefault(topic.topicName(), List.of());
            channel.put("description", "Written only by " + topic.producer() + ". "
                    + (readers.isEmpty() ? "No service consumes it; ops and monitoring read it."
                    : "Consumed by " + String.join(", ", readers) + "."));
            ObjectNode channelMessages = channel.putObject("messages");
            for (Class<?> event : onTopic) {
                String type = EventCatalog.typeOf(event);
                channelMessages.putObject(type).put("$ref", MESSAGES + messageKey(event, topic));
                messages.set(messageKey(event, topic), message(event, topic));
                schemas.set(type, payloadSchema(event, schemas));
            }
            ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
            kafka.put("topic", topic.topicName());
            kafka.put("bindingVersion", "0.5.0");
            operations.set("publish" + upper(channelId), operation("send", channelId, onTopic,
                    topic.producer() + " publishes its events (transactional outbox, acks=all, idempotent "
                            + "producer)."));
            for (String reader : readers) {
                operations.set(camel(reader.replaceFirst("-service$", "")) + "Consumes" + upper(channelId),
                        operation("receive", channelId, onTopic, reader + " consumes them in consumer group "
                                + String.join(" and ", groupsOf(reader, topic).stream().map(g -> "`" + g + "`")
                                .toList()) + ", once per eventId (inbox); what it cannot process "
                                + "goes to `" + Topic.deadLetterTopicOf(reader) + "`."));
            }
        }

        List<String> deadLetterConsumers = consumers().values().stream().flatMap(List::stream).distinct().sorted()
                .toList();
        for (String consumer : deadLetterConsumers) {
            String channelId = "deadLetters" + upper(camel(consumer.replaceFirst("-service$", "")));
            ObjectNode channel = channels.putObject(channelId);
            String address = Topic.deadLetterTopicOf(consumer);
            channel.put("address", address);
            channel.put("title", address);
            List<String> topics = consumers().entrySet().stream().filter(e -> e.getValue().contains(consumer))
                    .map(Map.Entry::getKey).toList();
            channel.put("description", "The records of " + String.join(", ", topics) + " that " + consumer
                    + " could not process: unreadable (poison), or whose effect still failed after its retries. "
                    + "Each keeps its original value, key and headers, plus the dead-letter headers. Ops replay "
                    + "one onto its original topic once the cause is fixed; the consumer then applies it once.");
            channel.putObject("messages").putObject("DeadLetter").put("$ref", MESSAGES + "DeadLetter");
            ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
            kafka.put("topic", address);
            kafka.put("bindingVersion", "0.5.0");
            ObjectNode send = operations.putObject(camel(consumer.replaceFirst("-service$", "")) + "DeadLetters");
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + channelId);
            send.put("summary", consumer + " sets aside a record it cannot process.");
            send.putArray("messages").addObject().put("$ref", "#/channels/" + channelId + "/messages/DeadLetter");
        }
        messages.set("DeadLetter", deadLetterMessage());

        ObjectNode sortedSchemas = components.putObject("schemas");
        new TreeMap<String, JsonNode>(toMap(schemas)).forEach(sortedSchemas::set);
        ObjectNode sortedMessages = components.putObject("messages");
        new TreeMap<String, JsonNode>(toMap(messages)).forEach(sortedMessages::set);
        return doc;
    }

    /** Every event record registered in DomainEvent, in a stable order: topic, then type. */
    public static List<Class<?>> events() {
        List<Class<?>> events = new ArrayList<>(EventCatalog.classesByType().values());
        events.sort(Comparator.<Class<?>, Integer>comparing(e -> EventCatalog.topicsOf(e).stream()
                        .mapToInt(Topic::ordinal).min().orElseThrow())
                .thenComparing(EventCatalog::typeOf));
        return events;
    }

    /**
     * The message's key in components: its type, or for a record that several services publish (each on its own
     * topic, with its own CloudEvents source) the type and the producer.
     */
    public static String messageKey(Class<?> event, Topic topic) {
        String type = EventCatalog.typeOf(event);
        return EventCatalog.topicsOf(event).size() == 1 ? type : type + "-" + topic.producer();
    }

    private static ObjectNode message(Class<?> event, Topic topic) {
        String type = EventCatalog.typeOf(event);
        JsonClassDescription description = event.getAnnotation(JsonClassDescription.class);
        if (description == null || description.value().isBlank()) {
            throw new IllegalStateException(event.getName() + " has no description: add @JsonClassDescription(\"...\") "
                    + "to the record (what happened, who publishes it when), then regenerate docs/asyncapi.yaml");
        }
        ObjectNode message = NODES.objectNode();
        message.put("name", type);
        message.put("title", type);
        message.put("summary", description.value());
        message.put("contentType", "application/json");
        message.set("headers", cloudEventHeaders(type, topic, keyOf(event)));
        message.putObject("payload").put("$ref", SCHEMAS + type);
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("format", "uuid");
        key.put("description", "The " + words(keyOf(event)) + " (`" + keyOf(event) + "`): all events of one "
                + words(keyOf(event)).replaceFirst(" id$", "") + " land on one partition, in order.");
        kafka.put("bindingVersion", "0.5.0");
        return message;
    }

    private static ObjectNode cloudEventHeaders(String type, Topic topic, String key) {
        ObjectNode headers = NODES.objectNode();
        headers.put("type", "object");
        headers.put("description", "CloudEvents 1.0 in Kafka binary mode (the outbox relay writes them).");
        ObjectNode p = headers.putObject("properties");
        constant(p, "ce_specversion", "1.0", "CloudEvents version.");
        string(p, "ce_id", "uuid", "The event's `eventId`.");
        constant(p, "ce_type", "itu.wsis." + type, "`itu.wsis.` and the payload's `type`.");
        constant(p, "ce_source", "urn:wsis:" + topic.producer(), "The producing service.");
        string(p, "ce_subject", "uuid", "The record key: the event's `" + key + "`.");
        string(p, "ce_time", "date-time", "When it happened: the event's `occurredAt`.");
        constant(p, "content-type", "application/json", "The payload's media type (CloudEvents datacontenttype).");
        string(p, "traceparent", null, "W3C Trace Context of the relay's publish span, a child of the transaction "
                + "that wrote the event (docs/tracing.md); consumers continue the trace. Absent when the event was "
                + "written outside any trace.");
        ((ObjectNode) p.get("traceparent")).put("pattern", "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
        ArrayNode required = headers.putArray("required");
        List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "content-type")
                .forEach(required::add);
        return headers;
    }

    private static ObjectNode deadLetterMessage() {
        ObjectNode message = NODES.objectNode();
        message.put("name", "DeadLetter");
        message.put("title", "Dead letter");
        message.put("summary", "A record a consumer could not process, set aside unchanged with the reason.");
        message.put("description", "The value, key and headers are the original record's (its `ce_*` headers "
                + "included, when it had them), so ops can read what it was and replay it. SmallRye Reactive "
                + "Messaging adds the `dead-letter-*` headers.");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ObjectNode p = headers.putObject("properties");
        string(p, "dead-letter-reason", null, "Why the record was set aside (the failure's message).");
        string(p, "dead-letter-cause", null, "The message of the failure's cause, when it has one.");
        string(p, "dead-letter-exception-class-name", null, "The class of the failure.");
        string(p, "dead-letter-cause-class-name", null, "The class of the failure's cause, when it has one.");
        string(p, "dead-letter-topic", null, "The topic the record was read from.");
        string(p, "dead-letter-partition", null, "Its partition there, as text.");
        string(p, "dead-letter-offset", null, "Its offset there, as text.");
        string(p, "ce_id", null, "The original record's CloudEvents headers, unchanged (and the other `ce_*`).");
        string(p, "ce_type", null, "The original event type, e.g. `itu.wsis.InvitationIssued.v1`.");
        ArrayNode required = headers.putArray("required");
        List.of("dead-letter-reason", "dead-letter-topic", "dead-letter-partition", "dead-letter-offset")
                .forEach(required::add);
        ObjectNode payload = message.putObject("payload");
        payload.put("type", "string");
        payload.put("description", "The original value, byte for byte: usually one of the events of the topic "
                + "named by `dead-letter-topic` (see its channel), and anything at all for a poison record.");
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("description", "The original record's key.");
        kafka.put("bindingVersion", "0.5.0");
        return message;
    }

    private static ObjectNode operation(String action, String channelId, List<Class<?>> events, String summary) {
        ObjectNode operation = NODES.objectNode();
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + channelId);
        operation.put("summary", summary);
        ArrayNode messages = operation.putArray("messages");
        events.forEach(e -> messages.addObject()
                .put("$ref", "#/channels/" + channelId + "/messages/" + EventCatalog.typeOf(e)));
        return operation;
    }

    /**
     * The record's JSON Schema. Nested records become shared schemas in components; every member is always
     * written (the codec writes nulls too), so all are required, and a reference type may be null unless the
     * codec refuses the event without it.
     */
    static ObjectNode payloadSchema(Class<?> event, ObjectNode shared) {
        // The codec's "type" member (DomainEvent's @JsonTypeInfo) is added below as a constant, once per record.
        JacksonModule jackson = new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
                JacksonOption.RESPECT_JSONPROPERTY_REQUIRED, JacksonOption.SKIP_SUBTYPE_LOOKUP,
                JacksonOption.IGNORE_TYPE_INFO_TRANSFORM);
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7,
                OptionPreset.PLAIN_JSON)
                .with(jackson)
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.DEFINITIONS_FOR_ALL_OBJECTS,
                        Option.NULLABLE_FIELDS_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields().withRequiredCheck(field -> true);
        // The key is never null either: the relay could not publish the event without it.
        String key = keyOf(event);
        config.forFields().withNullableCheck(field -> !field.getType().getErasedType().isPrimitive()
                && !MANDATORY.contains(field.getName())
                && !(field.getDeclaringType().getErasedType() == event && field.getName().equals(key)));
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(event);
        JsonNode definitions = schema.remove("definitions");
        if (definitions != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> definition = it.next();
                JsonNode previous = shared.get(definition.getKey());
                JsonNode rewritten = rewriteRefs(definition.getValue());
                if (previous != null && !previous.equals(rewritten)) {
                    throw new IllegalStateException("two different types are both named " + definition.getKey());
                }
                shared.set(definition.getKey(), rewritten);
            }
        }
        ObjectNode generated = (ObjectNode) rewriteRefs(schema);
        if (generated.has("$ref")) {
            // DEFINITIONS_FOR_ALL_OBJECTS made the event itself a definition: take it back as the payload.
            String name = generated.get("$ref").asText().substring(SCHEMAS.length());
            generated = ((ObjectNode) shared.remove(name)).deepCopy();
        }
        ObjectNode payload = NODES.objectNode();
        JsonClassDescription description = event.getAnnotation(JsonClassDescription.class);
        if (description != null) {
            payload.put("description", description.value());
        }
        payload.put("type", "object");
        ObjectNode properties = payload.putObject("properties");
        ObjectNode typeProperty = properties.putObject("type");
        typeProperty.put("type", "string");
        typeProperty.put("const", EventCatalog.typeOf(event));
        typeProperty.put("description", "The record and its version.");
        generated.path("properties").fields().forEachRemaining(f -> properties.set(f.getKey(), f.getValue()));
        ArrayNode required = payload.putArray("required").add("type");
        generated.path("required").forEach(required::add);
        // Readers ignore members they do not know: a producer may add an optional one without a new version.
        payload.put("additionalProperties", true);
        return payload;
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        JsonNode copy = node.deepCopy();
        rewrite(copy);
        return copy;
    }

    private static void rewrite(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith("#/definitions/")) {
                object.put("$ref", SCHEMAS + ref.asText().substring("#/definitions/".length()));
            }
            object.forEach(AsyncApiDocument::rewrite);
        } else if (node.isArray()) {
            node.forEach(AsyncApiDocument::rewrite);
        }
    }

    /** The record component that {@code partitionKey()} returns, found by building the record with distinct ids. */
    public static String keyOf(Class<?> event) {
        RecordComponent[] components = event.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Map<UUID, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sample(components[i].getType(), components[i].getGenericType());
            if (values[i] instanceof UUID id) {
                ids.put(id, components[i].getName());
            }
        }
        try {
            Constructor<?> constructor = event.getDeclaredConstructor(types);
            DomainEvent instance = (DomainEvent) constructor.newInstance(values);
            String key = ids.get(UUID.fromString(instance.partitionKey()));
            if (key == null) {
                throw new IllegalStateException(event.getName() + ".partitionKey() is not one of its id members");
            }
            return key;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + event.getName(), e);
        }
    }

    static Object sample(Class<?> type, Type generic) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == int.class) {
            return 1;
        } else if (type == long.class) {
            return 1L;
        } else if (type == boolean.class) {
            return false;
        } else if (type == String.class) {
            return "x";
        } else if (type == Instant.class) {
            return Instant.EPOCH;
        } else if (type == LocalDate.class) {
            return LocalDate.EPOCH;
        } else if (type == LocalDateTime.class) {
            return LocalDateTime.of(2000, 1, 1, 0, 0);
        } else if (type == List.class || type == Set.class) {
            return type == List.class ? List.of() : Set.of();
        } else if (type == Map.class) {
            return Map.of();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (generic instanceof ParameterizedType) {
            return null;
        }
        return null;
    }

    private static void server(ObjectNode servers, String name, String host, String description) {
        ObjectNode server = servers.putObject(name);
        server.put("host", host);
        server.put("protocol", "kafka");
        server.put("protocolVersion", "4.1");
        server.put("description", description);
    }

    private static void constant(ObjectNode properties, String name, String value, String description) {
        ObjectNode p = properties.putObject(name);
        p.put("type", "string");
        p.put("const", value);
        p.put("description", description);
    }

    private static void string(ObjectNode properties, String name, String format, String description) {
        ObjectNode p = properties.putObject(name);
        p.put("type", "string");
        if (format != null) {
            p.put("format", format);
        }
        p.put("description", description);
    }

    private static List<String> groupsOf(String reader, Topic topic) {
        if (reader.equals("invitation-service")) {
            return switch (topic) {
                case INVITATION -> List.of(reader + ".audit-trail");
                case REGISTRATION -> List.of(reader, reader + ".audit-trail");
                case SPEAKING_REQUEST, NOTIFICATION -> List.of(reader + ".erasure-reports", reader + ".audit-trail");
            };
        }
        return List.of(reader.equals("speaking-request-service") ? reader + "." + topic.topicName()
                .replaceFirst("^wsis\\.", "") : reader);
    }

    private static Map<String, JsonNode> toMap(ObjectNode node) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue()));
        return map;
    }

    private static String camel(String dashed) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-' || c == '.' || c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    private static String upper(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "invitationId" reads "invitation id". */
    private static String words(String member) {
        return member.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
