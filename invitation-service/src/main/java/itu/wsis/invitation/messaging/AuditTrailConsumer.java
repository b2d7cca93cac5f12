package itu.wsis.invitation.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import itu.wsis.events.EventCatalog;
import itu.wsis.invitation.domain.AuditPolicy;
import itu.wsis.invitation.service.AuditTrail;
import itu.wsis.support.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * The audit trail's own reading of wsis.invitation-events, wsis.registration-events, wsis.speaking-request-events and
 * wsis.notification-events (for the resends), in a consumer group of its own: every action event becomes one
 * audit_entry row.
 * The row is its own inbox (its event id is unique), so it does not claim the event in inbox_processed_event, where
 * this service's other consumers of the same events claim them; the retries, the waiting out of a database outage
 * and the dead-lettering are the inbox's. An event the trail does not record is acknowledged by its CloudEvents type
 * header without touching the database.
 */
@ApplicationScoped
public class AuditTrailConsumer {

    private static final String TYPE_PREFIX = "itu.wsis.";

    private final Inbox inbox;
    private final AuditTrail trail;

    public AuditTrailConsumer(Inbox inbox, AuditTrail trail) {
        this.inbox = inbox;
        this.trail = trail;
    }

    @Incoming("audit-trail")
    public Uni<Void> consume(Message<String> message) {
        String type = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getHeaders().lastHeader("ce_type"))
                .map(Header::value)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElse(null);
        if (type != null && !recorded(type)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return inbox.consume(message,
                (event, topic) -> AuditPolicy.entryFor(event).map(trail::record)
                        // Not an action (a header-less record of another kind): acknowledged, nothing recorded.
                        .orElseGet(() -> Uni.createFrom().item(false)),
                event -> Uni.createFrom().voidItem());
    }

    private static boolean recorded(String ceType) {
        Class<?> eventClass = ceType.startsWith(TYPE_PREFIX)
                ? EventCatalog.classesByType().get(ceType.substring(TYPE_PREFIX.length())) : null;
        return eventClass == null || AuditPolicy.records(eventClass);
    }
}
