package itu.wsis.support.topics;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import itu.wsis.events.Topic;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates the topics this service reads and writes before its consumers and its relay start, with the configured
 * partitions and retention. A topic the broker auto-created on first use would get the broker's default partition
 * count, one in a default broker: a second instance of a consumer group would then sit idle. Existing topics are
 * left as they are (adding partitions moves keys); one with fewer partitions than configured is reported.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final TopicsConfig config;
    private final Map<String, Object> kafka;
    private final Config allConfig;
    private final String serviceName;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Thread retrying;

    public TopicProvisioner(TopicsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                            Config allConfig, @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.config = config;
        this.kafka = kafka;
        this.allConfig = allConfig;
        this.serviceName = serviceName;
    }

    /** Before SmallRye Reactive Messaging starts its channels (it observes the start at LIBRARY_BEFORE). */
    void provisionAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        if (!config.provision()) {
            return;
        }
        Set<String> topics = topicsOfThisService();
        if (tryProvision(topics, config.startupTimeout().toMillis())) {
            return;
        }
        LOG.warnf("Kafka did not answer within %s; creating the topics in the background", config.startupTimeout());
        retrying = new Thread(() -> {
            while (!done.get() && !Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
                tryProvision(topics, config.startupTimeout().toMillis());
            }
        }, "wsis-topic-provisioner");
        retrying.setDaemon(true);
        retrying.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        Thread t = retrying;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Whether this service's topics have been created or found. */
    public boolean provisioned() {
        return done.get() || !config.provision();
    }

    /**
     * The service's own event topic, every topic its channels read, and their dead-letter topics, all taken
     * from the configuration so that a new channel needs nothing here.
     */
    Set<String> topicsOfThisService() {
        Set<String> topics = new TreeSet<>();
        Arrays.stream(Topic.values()).filter(t -> t.producer().equals(serviceName))
                .forEach(t -> topics.add(t.topicName()));
        for (String name : allConfig.getPropertyNames()) {
            if (!name.startsWith("mp.messaging.incoming.")) {
                continue;
            }
            if (name.endsWith(".topic") || name.endsWith(".topics") || name.endsWith(".dead-letter-queue.topic")) {
                allConfig.getOptionalValue(name, String.class).ifPresent(value -> Arrays.stream(value.split(","))
                        .map(String::trim).filter(t -> !t.isEmpty() && !t.contains("*")).forEach(topics::add));
            }
        }
        return topics;
    }

    /** Creates what is missing; true when every topic exists afterwards. */
    public boolean tryProvision(Set<String> topics, long timeoutMillis) {
        return ensure(topics.stream().map(this::eventTopic).toList(), timeoutMillis);
    }

    /** Creates each topic that does not exist yet. Safe to race with another instance doing the same. */
    public boolean ensure(List<NewTopic> wanted, long timeoutMillis) {
        try (Admin admin = Admin.create(adminConfig(timeoutMillis))) {
            Set<String> existing = admin.listTopics().names().get(timeoutMillis, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
                    LOG.infof("Created topic %s with %d partitions", topic.name(), topic.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            List<String> present = wanted.stream().map(NewTopic::name).filter(existing::contains).toList();
            if (!present.isEmpty()) {
                reportFewerPartitions(admin, wanted, present, timeoutMillis);
            }
            done.set(true);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("Could not create the topics yet: %s", e.getClass().getName());
            return false;
        }
    }

    private void reportFewerPartitions(Admin admin, List<NewTopic> wanted, List<String> present, long timeoutMillis)
            throws Exception {
        Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames()
                .get(timeoutMillis, TimeUnit.MILLISECONDS);
        for (NewTopic topic : wanted) {
            TopicDescription d = described.get(topic.name());
            if (d != null && d.partitions().size() < topic.numPartitions()) {
                LOG.warnf("Topic %s has %d partitions, fewer than the %d configured (wsis.topics.partitions): at"
                                + " most %d instances of a consumer group share its work. Adding partitions is an ops"
                                + " decision (it moves keys); see docs/events.md", topic.name(), d.partitions().size(),
                        topic.numPartitions(), d.partitions().size());
            }
        }
    }

    NewTopic eventTopic(String name) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.retention().toMillis()));
        config.minInsyncReplicas().ifPresent(m -> settings.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, m.toString()));
        return new NewTopic(name, Optional.of(config.partitions()), config.replicationFactor()).configs(settings);
    }

    private Map<String, Object> adminConfig(long timeoutMillis) {
        Map<String, Object> admin = new HashMap<>();
        Set<String> known = AdminClientConfig.configNames();
        kafka.forEach((key, value) -> {
            if (known.contains(key)) {
                admin.put(key, value);
            }
        });
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMillis, Integer.MAX_VALUE));
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMillis, Integer.MAX_VALUE));
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, serviceName + "-topics");
        return admin;
    }

    /** For tests and ops: the names this service provisions. */
    public List<String> topicNames() {
        return new ArrayList<>(topicsOfThisService());
    }
}
