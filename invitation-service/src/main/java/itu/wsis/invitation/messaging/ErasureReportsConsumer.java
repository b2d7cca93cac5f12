package itu.wsis.invitation.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import itu.wsis.events.PersonalDataErased;
import itu.wsis.invitation.service.ErasureService;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * wsis.speaking-request-events and wsis.notification-events, for the erasure reports (PersonalDataErased) of those
 * two services. Every other event on them is acknowledged without a transaction, by its CloudEvents type header:
 * a bulk issue's ten thousand NotificationSent would otherwise cost ten thousand inbox rows here. A record without
 * the header goes through the inbox like any other (and is dead-lettered if it is not an event).
 */
@ApplicationScoped
public class ErasureReportsConsumer {

    static final String REPORT_TYPE = "itu.wsis." + PersonalDataErased.TYPE;

    private final Inbox inbox;
    private final ErasureService erasures;

    public ErasureReportsConsumer(Inbox inbox, ErasureService erasures) {
        this.inbox = inbox;
        this.erasures = erasures;
    }

    @Incoming("erasure-reports")
    public Uni<Void> consume(Message<String> message) {
        String type = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getHeaders().lastHeader("ce_type"))
                .map(Header::value)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse(null);
        if (type != null && !type.equals(REPORT_TYPE)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return inbox.consume(message, erasures::apply);
    }
}
