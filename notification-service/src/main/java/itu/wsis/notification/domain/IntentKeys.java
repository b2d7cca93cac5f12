package itu.wsis.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The deterministic identity of an email intent. The delivery table has a unique constraint on it, so a redelivered
 * event, a second instance or a second sweep can only ever find the intent already there.
 */
public final class IntentKeys {

    private IntentKeys() {
    }

    /** An email caused by one domain event: one per (kind, event id). */
    public static String forEvent(MessageKind kind, UUID invitationId, UUID eventId) {
        return kind.name() + "|" + invitationId + "|event:" + eventId;
    }

    /**
     * A reminder: one per (invitation, reminder kind and offset, deadline). A moved deadline is a new deadline and may
     * be reminded again; the same deadline never twice.
     */
    public static String forReminder(MessageKind kind, UUID invitationId, Duration offset, Instant deadline) {
        return kind.name() + "|" + invitationId + "|offset:" + offset + "|deadline:" + deadline;
    }

    /** An ops resend is a new intent of its own, so it never collides with (or hides) the original. */
    public static String forResend(UUID originalId, UUID resendId) {
        return "RESEND|" + originalId + "|" + resendId;
    }

    /**
     * The Message-ID of (intent, recipient): the same on every retry, so a copy that a crash made the SMTP server
     * accept twice is recognisable downstream.
     */
    public static String messageId(String intentKey, String recipient, String domain) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((intentKey + "|" + recipient.toLowerCase(java.util.Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
