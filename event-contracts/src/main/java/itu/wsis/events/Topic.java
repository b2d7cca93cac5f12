package itu.wsis.events;

import java.util.Arrays;

/** One topic per producing service; only that service writes to it. */
public enum Topic {
    INVITATION("wsis.invitation-events", "invitation-service"),
    REGISTRATION("wsis.registration-events", "registration-service"),
    SPEAKING_REQUEST("wsis.speaking-request-events", "speaking-request-service"),
    NOTIFICATION("wsis.notification-events", "notification-service");

    private final String topicName;
    private final String producer;

    Topic(String topicName, String producer) {
        this.topicName = topicName;
        this.producer = producer;
    }

    public String topicName() {
        return topicName;
    }

    public String producer() {
        return producer;
    }

    /** The dead-letter topic of a consuming service: one per consumer, so ops know whose poison it is. */
    public static String deadLetterTopicOf(String consumingService) {
        return "wsis.dlq." + consumingService;
    }

    /** The topic a service publishes on, by the service's name ({@code registration-service}). */
    public static Topic ofProducer(String service) {
        return Arrays.stream(values()).filter(t -> t.producer.equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic of service " + service));
    }

    public static Topic byName(String topicName) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + topicName));
    }
}
