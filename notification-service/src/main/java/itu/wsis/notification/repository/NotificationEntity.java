package itu.wsis.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A row of the delivery log: one email intent and what became of it. */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "intent_key", nullable = false, unique = true)
    public String intentKey;

    @Column(name = "invitation_id", nullable = false)
    public UUID invitationId;

    @Column(name = "kind", nullable = false)
    public String kind;

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "payload", columnDefinition = "text")
    public String payload;

    @Column(name = "recipient")
    public String recipient;

    @Column(name = "requested_language")
    public String requestedLanguage;

    @Column(name = "language")
    public String language;

    @Column(name = "language_fallback", nullable = false)
    public boolean languageFallback;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "resend_of")
    public UUID resendOf;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The calendar entry this email carries (uid, sequence, PUBLISH or CANCEL); null when it carries none. */
    @Column(name = "calendar_uid")
    public String calendarUid;

    @Column(name = "calendar_sequence")
    public Integer calendarSequence;

    @Column(name = "calendar_method")
    public String calendarMethod;

    /** The W3C traceparent of the event or request that created the intent; the SMTP span continues it. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** The sender instance that holds the intent while it sends it; null when nobody does. */
    @Column(name = "claimed_by")
    public String claimedBy;

    /** When that claim runs out, in the database's time. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;
}
