package itu.wsis.notification.service;

import itu.wsis.events.Contact;
import itu.wsis.events.Deadline;
import itu.wsis.events.Language;
import itu.wsis.events.LocalizedText;
import itu.wsis.events.Rank;
import itu.wsis.notification.domain.MessageKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one email is made of, read from the directory at send time. Lives only in memory, never logged.
 * {@code now} is the business time at which it is written; {@code calendar} the calendar entry it carries, if any.
 */
public record MessageContext(MessageKind kind, Recipient recipient, Letter letter, Forum forum, Object detail,
                             String link, Instant now, CalendarRef calendar) {

    public record Recipient(UUID invitationId, String fullName, String formOfAddress, Rank rank, String title,
                            String email, List<String> cc, Language language, ZoneId zone,
                            Deadline responseDeadline, Deadline speakingRequestDeadline, String memberState,
                            boolean replied) {
    }

    public record Letter(String reference, Language originalLanguage, Map<Language, LocalizedText> texts,
                         String signatoryName, String signatoryTitle, Contact contact, LocalDate letterDate) {

        /** The signature block as the letter in {@code language} prints it; {@code title} is null when it has none there. */
        public record Signature(String name, String title) {
        }

        /**
         * The signature block in {@code language}: its text's own; in the letter's original language, the letter's
         * signatory; in any other language, the signatory's name alone. A name reads the same in every language, a
         * title does not, and an email in the reader's language signed by name is better than an email in another
         * language: so a text without its own block costs the title, never the language. Empty only when the letter
         * names no signatory at all.
         */
        public Optional<Signature> signature(Language language) {
            LocalizedText text = texts == null ? null : texts.get(language);
            if (text != null && text.hasSignature()) {
                return Optional.of(new Signature(text.signatoryName().strip(), text.signatoryTitle().strip()));
            }
            if (signatoryName == null || signatoryName.isBlank()) {
                return Optional.empty();
            }
            boolean titleInThisLanguage = language == originalLanguage && signatoryTitle != null
                    && !signatoryTitle.isBlank();
            return Optional.of(new Signature(signatoryName.strip(), titleInThisLanguage ? signatoryTitle.strip() : null));
        }

        public Optional<LocalizedText> text(Language language) {
            return Optional.ofNullable(texts == null ? null : texts.get(language));
        }
    }

    public record Forum(String code, Map<Language, String> names, ZoneId zone, String venue, LocalDate inPersonStart,
                        LocalDate inPersonEnd, String siteUrl, String speakingRequestUrl, String partnershipUrl) {

        public String name(Language language) {
            String name = names.get(language);
            // A forum's name is a proper noun; without a translation the English or the code is still correct.
            return name != null ? name : names.getOrDefault(Language.EN, code);
        }
    }

    /** The calendar entry an email carries: the same uid for every version, a growing sequence, PUBLISH or CANCEL. */
    public record CalendarRef(String uid, int sequence, String method, Instant start, Instant end,
                              LocalDate firstDay, LocalDate lastDay) {

        /** A version whose times the email itself states (a publication writes them from its notice). */
        public CalendarRef(String uid, int sequence, String method) {
            this(uid, sequence, method, null, null, null, null);
        }

        /** Whether the times of the entry are known: a cancellation repeats them. */
        public boolean timesKnown() {
            return (start != null && end != null) || (firstDay != null && lastDay != null);
        }
    }

    /** The detail of a reminder intent, stored as the intent's payload. */
    public record Reminder(String deadlineType, Duration offset, Instant deadline) {
    }
}
