package itu.wsis.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/events.md is what partners read: every event type and every payload member must be in it. */
class EventsDocumentationTest {

    static final Path DOC = Path.of("..", "docs", "events.md");

    @Test
    void everyEventTypeIsDocumentedOnItsTopicWithAllItsMembers() throws IOException {
        String doc = Files.readString(DOC);
        for (JsonSubTypes.Type type : DomainEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            String row = doc.lines().filter(line -> line.startsWith("| `" + type.name() + "`")).findFirst()
                    .orElseThrow(() -> new AssertionError(type.name() + " has no row in docs/events.md"));
            String section = sectionOf(doc, row);
            assertThat(section).as("section of %s", type.name())
                    .startsWith("## `" + EventCatalog.topicOf(type.value()).topicName() + "`");
            List<String> members = Arrays.stream(type.value().getRecordComponents())
                    .map(c -> c.getName())
                    .filter(name -> !name.equals("eventId") && !name.equals("occurredAt"))
                    .toList();
            for (String member : members) {
                assertThat(row).as("%s documents %s", type.name(), member).contains("`" + member + "`");
            }
        }
    }

    @Test
    void everyTopicHasASection() throws IOException {
        String doc = Files.readString(DOC);
        Stream.of(Topic.values()).forEach(topic -> assertThat(doc).contains("## `" + topic.topicName() + "`"));
    }

    private static String sectionOf(String doc, String row) {
        int at = doc.indexOf(row);
        int start = doc.lastIndexOf("\n## ", at) + 1;
        return doc.substring(start, at);
    }
}
