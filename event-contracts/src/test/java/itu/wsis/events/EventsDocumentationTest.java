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
            List<String> rows = doc.lines().filter(line -> line.startsWith("| `" + type.name() + "`")).toList();
            assertThat(rows).as("rows of %s in docs/events.md", type.name()).isNotEmpty();
            // A record published by several services has a row in the section of each of their topics.
            for (Topic topic : EventCatalog.topicsOf(type.value())) {
                String row = rows.stream()
                        .filter(r -> sectionOf(doc, r).startsWith("## `" + topic.topicName() + "`"))
                        .findFirst().orElseThrow(() -> new AssertionError(
                                type.name() + " has no row in the section of " + topic.topicName()));
                List<String> members = Arrays.stream(type.value().getRecordComponents())
                        .map(c -> c.getName())
                        .filter(name -> !name.equals("eventId") && !name.equals("occurredAt"))
                        .toList();
                for (String member : members) {
                    assertThat(row).as("%s documents %s", type.name(), member).contains("`" + member + "`");
                }
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
