package itu.wsis.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IntentKeysTest {

    @Test
    void theSameIntentAndRecipientAlwaysGiveTheSameMessageId() {
        UUID invitation = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String key = IntentKeys.forEvent(MessageKind.REPLY_ACCEPTED, invitation, event);
        assertThat(IntentKeys.forEvent(MessageKind.REPLY_ACCEPTED, invitation, event)).isEqualTo(key);
        String id = IntentKeys.messageId(key, "A@Example.org", "wsis.local");
        assertThat(id).isEqualTo(IntentKeys.messageId(key, "a@example.org", "wsis.local")).matches("<[0-9a-f]{64}@wsis.local>");
        assertThat(IntentKeys.messageId(key, "b@example.org", "wsis.local")).isNotEqualTo(id);
    }

    @Test
    void remindersAreKeyedByKindOffsetAndDeadline() {
        UUID invitation = UUID.randomUUID();
        Instant deadline = Instant.parse("2022-04-15T21:59:00Z");
        String seven = IntentKeys.forReminder(MessageKind.REMINDER_RESPONSE, invitation, Duration.ofDays(7), deadline);
        assertThat(seven).isEqualTo(IntentKeys.forReminder(MessageKind.REMINDER_RESPONSE, invitation, Duration.ofDays(7), deadline));
        assertThat(seven).isNotEqualTo(IntentKeys.forReminder(MessageKind.REMINDER_RESPONSE, invitation, Duration.ofDays(2), deadline));
        assertThat(seven).isNotEqualTo(IntentKeys.forReminder(MessageKind.REMINDER_RESPONSE, invitation, Duration.ofDays(7),
                deadline.plus(Duration.ofDays(7))));
    }
}
