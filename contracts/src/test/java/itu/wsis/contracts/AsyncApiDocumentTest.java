package itu.wsis.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import itu.wsis.events.DomainEvent;
import itu.wsis.events.EventCatalog;
import itu.wsis.events.EventCodec;
import itu.wsis.events.Topic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml is what ops and partners generate consumers from. It is generated from the event records, so
 * it cannot drift from them: this test regenerates it and compares, validates it with the AsyncAPI parser, and
 * checks what it says about consumers against the services' own configuration.
 */
class AsyncApiDocumentTest {

    static final Path DOC = NodeTools.root().resolve("docs/asyncapi.yaml");
    static final String REGENERATE = "./mvnw -B verify -pl contracts -am -Dtest=AsyncApiDocumentTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + AsyncApiDocument.WRITE + "=true";

    @Test
    void theCommittedDocumentIsTheOneTheRecordsGenerate() throws IOException {
        String generated = AsyncApiDocument.yaml();
        if (Boolean.getBoolean(AsyncApiDocument.WRITE)) {
            Files.writeString(DOC, generated);
        }
        assertThat(Files.exists(DOC)).as("docs/asyncapi.yaml exists; create it with:\n  " + REGENERATE).isTrue();
        String committed = Files.readString(DOC);
        assertThat(committed)
                .as("docs/asyncapi.yaml is stale: an event record, its description or a topic changed. Regenerate "
                        + "it and commit the result:\n  " + REGENERATE)
                .isEqualTo(generated);
    }

    /** Validates the generated document; the test above makes the committed one equal to it. */
    @Test
    void theDocumentIsValidAsyncApi() throws IOException {
        Path generated = NodeTools.root().resolve("contracts/target/asyncapi.yaml");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, AsyncApiDocument.yaml());
        NodeTools.Result validation = NodeTools.asyncApiValidate(generated);
        assertThat(validation.ok()).as("AsyncAPI validation of %s:%n%s", generated, validation.output()).isTrue();
    }

    @Test
    void everyRecordIsAMessageOfItsTopicWithTheMembersTheCodecWrites() throws Exception {
        JsonNode doc = AsyncApiDocument.document();
        ObjectMapper json = new ObjectMapper();
        for (Class<?> event : AsyncApiDocument.events()) {
            String type = EventCatalog.typeOf(event);
            for (Topic topic : EventCatalog.topicsOf(event)) {
                String channel = channelOf(doc, topic.topicName());
                assertThat(doc.path("channels").path(channel).path("messages").has(type))
                        .as("%s on %s", type, channel).isTrue();
                JsonNode headers = doc.path("components").path("messages")
                        .path(AsyncApiDocument.messageKey(event, topic)).path("headers").path("properties");
                assertThat(headers.path("ce_type").path("const").asText()).isEqualTo("itu.wsis." + type);
                assertThat(headers.path("ce_source").path("const").asText()).isEqualTo("urn:wsis:" + topic.producer());
            }
            JsonNode payload = doc.path("components").path("schemas").path(type);
            JsonNode written = json.readTree(EventCodec.encode(sample(event)));
            Set<String> members = new TreeSet<>();
            written.fieldNames().forEachRemaining(members::add);
            Set<String> documented = new TreeSet<>();
            payload.path("properties").fieldNames().forEachRemaining(documented::add);
            assertThat(documented).as("members of %s", type).isEqualTo(members);
            Set<String> required = new TreeSet<>();
            payload.path("required").forEach(r -> required.add(r.asText()));
            assertThat(required).as("required members of %s", type).isEqualTo(members);
            assertThat(payload.path("properties").path("type").path("const").asText()).isEqualTo(type);
        }
    }

    @Test
    void theKeyOfEachMessageIsWhatThePartitionKeyIs() {
        assertThat(AsyncApiDocument.keyOf(itu.wsis.events.InvitationIssued.class)).isEqualTo("invitationId");
        assertThat(AsyncApiDocument.keyOf(itu.wsis.events.ForumEditionPublished.class)).isEqualTo("forumId");
        assertThat(AsyncApiDocument.keyOf(itu.wsis.events.CircularLetterPublished.class)).isEqualTo("letterId");
        assertThat(AsyncApiDocument.keyOf(itu.wsis.events.ListOfSpeakersPublished.class)).isEqualTo("sessionId");
        assertThat(AsyncApiDocument.keyOf(itu.wsis.events.AllocationFrozen.class)).isEqualTo("forumId");
        assertThat(AsyncApiDocument.keyOf(itu.wsis.events.AllocationUnfrozen.class)).isEqualTo("forumId");
        assertThat(AsyncApiDocument.keyOf(itu.wsis.events.NotificationResent.class)).isEqualTo("invitationId");
    }

    /** The consumers and dead-letter topics the document names are the ones the services are configured with. */
    @Test
    void consumersAndDeadLetterTopicsMatchTheServicesConfiguration() throws IOException {
        TreeMap<String, List<String>> configured = new TreeMap<>();
        for (Topic topic : Topic.values()) {
            configured.put(topic.topicName(), new ArrayList<>());
        }
        Set<String> deadLetterTopics = new TreeSet<>();
        for (String service : List.of("invitation-service", "registration-service", "speaking-request-service",
                "notification-service")) {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(NodeTools.root()
                    .resolve(service + "/src/main/resources/application.properties"))));
            for (String name : p.stringPropertyNames()) {
                boolean deadLetter = name.endsWith(".dead-letter-queue.topic");
                if (name.startsWith("mp.messaging.incoming.") && !deadLetter
                        && (name.endsWith(".topic") || name.endsWith(".topics"))) {
                    for (String topic : p.getProperty(name).split(",")) {
                        // A service may read a topic in two groups (invitation-service: the audit trail).
                        if (!configured.get(topic.trim()).contains(service)) {
                            configured.get(topic.trim()).add(service);
                        }
                    }
                }
                if (name.startsWith("mp.messaging.incoming.") && deadLetter) {
                    assertThat(p.getProperty(name)).isEqualTo(Topic.deadLetterTopicOf(service));
                    deadLetterTopics.add(p.getProperty(name));
                }
            }
        }
        configured.values().forEach(list -> list.sort(null));
        TreeMap<String, List<String>> documented = new TreeMap<>();
        AsyncApiDocument.consumers().forEach((topic, readers) ->
                documented.put(topic, readers.stream().sorted().toList()));
        assertThat(documented).as("AsyncApiDocument.consumers() against the services' mp.messaging.incoming.*")
                .isEqualTo(configured);
        JsonNode doc = AsyncApiDocument.document();
        Set<String> documentedDeadLetters = new TreeSet<>();
        doc.path("channels").forEach(c -> {
            if (c.path("address").asText().startsWith("wsis.dlq.")) {
                documentedDeadLetters.add(c.path("address").asText());
            }
        });
        assertThat(documentedDeadLetters).isEqualTo(deadLetterTopics);
    }

    private static String channelOf(JsonNode doc, String address) {
        var it = doc.path("channels").fields();
        while (it.hasNext()) {
            var channel = it.next();
            if (channel.getValue().path("address").asText().equals(address)) {
                return channel.getKey();
            }
        }
        throw new AssertionError("no channel for " + address);
    }

    private static DomainEvent sample(Class<?> event) throws ReflectiveOperationException {
        RecordComponent[] components = event.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = AsyncApiDocument.sample(types[i], components[i].getGenericType());
        }
        return (DomainEvent) event.getDeclaredConstructor(types).newInstance(values);
    }
}
