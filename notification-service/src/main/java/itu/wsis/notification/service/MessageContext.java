package itu.wsis.notification.service;

import itu.wsis.events.Contact;
import itu.wsis.events.Deadline;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.Rank;
import itu.wsis.notification.domain.MessageKind;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What one email is made of, read from the directory at send time. Lives only in memory, never logged. */
public record MessageContext(MessageKind kind, Recipient recipient, Letter letter, Forum forum, Object detail,
                             String link) {

    public record Recipient(UUID invitationId, String fullName, String formOfAddress, Rank rank, String title,
                            String email, List<String> cc, Language language, ZoneId zone,
                            Deadline responseDeadline, Deadline speakingRequestDeadline) {
    }

    public record Letter(String reference, Language originalLanguage, Map<Language, LocalizedText> texts,
                         String signatoryName, String signatoryTitle, Contact contact) {
    }

    public record Forum(String code, Map<Language, String> names, ZoneId zone) {
        public String name(Language language) {
            String name = names.get(language);
            // A forum's name is a proper noun; without a translation the English or the code is still correct.
            return name != null ? name : names.getOrDefault(Language.EN, code);
        }
    }

    /** The detail of a reminder intent, stored as the intent's payload. */
    public record Reminder(String deadlineType, Duration offset, Instant deadline) {
    }
}
