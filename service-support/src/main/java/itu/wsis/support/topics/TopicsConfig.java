package itu.wsis.support.topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The topics a service creates at start. See docs/events.md, "Topics, partitions and retention". */
@ConfigMapping(prefix = "wsis.topics")
public interface TopicsConfig {

    /** Whether the service creates the topics it reads and writes. Off where a platform team owns the topics. */
    @WithDefault("true")
    boolean provision();

    /**
     * Partitions of each event and dead-letter topic: the most instances of one consumer group that can share
     * the work. Fixed once a topic exists (adding partitions moves keys, and with them the per-key order).
     */
    @WithDefault("6")
    int partitions();

    /** Replicas of each partition; empty takes the broker's default.replication.factor. */
    Optional<Short> replicationFactor();

    /** min.insync.replicas of each topic; empty takes the broker's default. */
    Optional<Integer> minInsyncReplicas();

    /**
     * How long events stay on the event and dead-letter topics. They carry personal data (docs/security.md), so
     * they do not stay forever; 400 days matches notification-service's personal-data retention.
     */
    @WithDefault("P400D")
    Duration retention();

    /** How long the start waits for the broker before it goes on and keeps trying in the background. */
    @WithDefault("10s")
    Duration startupTimeout();
}
