package itu.wsis.support;

import io.quarkus.test.junit.QuarkusTest;
import itu.wsis.testing.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At start the service creates the topics its channels read and its dead-letter topic, with the configured
 * partitions (3 in tests) and retention (400 days): not the broker's defaults, which a topic created implicitly
 * on first use would get.
 */
@QuarkusTest
@SupportTest
class TopicProvisioningTest {

    @Test
    void theTopicsThisServiceReadsAndItsDeadLetterTopicExistWithTheirPartitionsAndRetention() throws Exception {
        List<String> topics = List.of("wsis.invitation-events", "wsis.dlq.service-support-test");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            for (String topic : topics) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(described.get(topic).partitions()).as(topic).hasSize(3);
                assertThat(config.get("retention.ms").value()).as(topic)
                        .isEqualTo(Long.toString(Duration.ofDays(400).toMillis()));
            }
        }
    }
}
